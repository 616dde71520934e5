import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText } from '../support/card-text';
import {
  BotFrameworkAuthority,
  TEST_BOT_ID,
  TEST_BOT_PASSWORD,
} from '../support/bot-framework-authority';

type Signer = (activity: Record<string, unknown>) => string;

let authority: BotFrameworkAuthority;
let harness: BotHarness;
let signer: Signer;
/** Spied before the bot starts, so the bot's console filter wraps it: what passes the filter lands here. */
let consoleError: jest.SpyInstance;

beforeAll(async () => {
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  authority = await new BotFrameworkAuthority().start();
  harness = await startHarness({
    scenario: 'healthy',
    env: authority.env(),
    authorization: (activity) => signer(activity),
  });
});

afterAll(async () => {
  await harness.stop();
  await authority.stop();
  consoleError.mockRestore();
});

beforeEach(() => {
  harness.connector.clear();
  harness.simulator.clearRequests();
  signer = (activity) => `Bearer ${authority.token(activity)}`;
});

/** Posts "check pcemail permissions", which would reach Graph if a turn ran. */
async function postCheck(): Promise<{ status: number; body: string }> {
  const response = await harness.post({
    type: 'message',
    id: 'act-1',
    channelId: 'msteams',
    serviceUrl: harness.connector.url,
    from: { id: '29:user-1', aadObjectId: '6b0f3d52-41e2-4f6f-9a3e-0c2f7f1e2a11' },
    recipient: { id: '28:pcemail-ops' },
    conversation: {
      id: 'a:auth-test',
      conversationType: 'personal',
      tenantId: harness.config.tenant.id,
    },
    channelData: { tenant: { id: harness.config.tenant.id } },
    text: 'check pcemail permissions',
  });
  return { status: response.status, body: await response.text() };
}

function expectNothingRan(): void {
  expect(harness.connector.sent).toHaveLength(0);
  expect(harness.simulator.requests()).toHaveLength(0);
}

describe('inbound Bot Framework authentication (BOT_ID set)', () => {
  it('when the token is valid, then the turn runs, replies with the bot’s own token, and Graph is read', async () => {
    const { status } = await postCheck();
    expect(status).toBe(200);
    expect(cardText(harness.connector.cards()[0])).toMatch(/PCEmail permissions check/);
    expect(harness.simulator.requests().length).toBeGreaterThan(0);
    const login = authority.requests.find((r) => r.path.endsWith('/oauth2/v2.0/token'));
    expect(login).toMatchObject({
      path: '/botframework.com/oauth2/v2.0/token',
      clientId: TEST_BOT_ID,
      clientSecret: TEST_BOT_PASSWORD,
    });
  });

  const now = () => Math.floor(Date.now() / 1000);
  const refused: [string, Signer][] = [
    [
      'the audience is another bot',
      (a) => `Bearer ${authority.token(a, { aud: '0f0f0f0f-1111-4222-8333-444444444444' })}`,
    ],
    [
      'the issuer is not Bot Framework',
      (a) => `Bearer ${authority.token(a, { iss: 'https://evil.example.com' })}`,
    ],
    [
      'the token expired (beyond the 5-minute skew)',
      (a) =>
        `Bearer ${authority.token(a, { exp: now() - 600, nbf: now() - 7200, iat: now() - 7200 })}`,
    ],
    [
      'the token is not yet valid',
      (a) =>
        `Bearer ${authority.token(a, { nbf: now() + 3600, iat: now() + 3600, exp: now() + 7200 })}`,
    ],
    ['the signature is from another key', (a) => `Bearer ${authority.tokenWithForeignKey(a)}`],
    ['the token is unsigned (alg none)', (a) => `Bearer ${authority.unsignedToken(a)}`],
    [
      'the token is HS256 keyed with the public key',
      (a) => `Bearer ${authority.hs256WithPublicKey(a)}`,
    ],
    ['the key id is unknown', (a) => `Bearer ${authority.token(a, {}, { kid: 'no-such-key' })}`],
    [
      'the token was issued for another serviceUrl',
      () => `Bearer ${authority.token({ serviceUrl: 'https://smba.example.com/' })}`,
    ],
    ['the header is missing', () => ''],
    ['the scheme is Basic', () => 'Basic dXNlcjpwYXNz'],
    ['the token is garbage', () => 'Bearer not-a-jwt'],
    ['the token parts are not JSON', () => 'Bearer aaaa.bbbb.cccc'],
    ['there is no Bearer scheme', (a) => authority.token(a)],
    ['the header is huge', () => `Bearer ${'a'.repeat(10_000)}.b.c`],
  ];

  it.each(refused)('when %s, then 401 with a plain body and no turn runs', async (_case, sign) => {
    signer = sign;
    const { status, body } = await postCheck();
    expect(status).toBe(401);
    expect(JSON.parse(body)).toEqual({ error: 'unauthorized' });
    expectNothingRan();
  });

  it('when tokens are refused (expired, unknown key), then the connector’s TokenExpiredError and signing-key dumps never reach the console', async () => {
    consoleError.mockClear();
    for (const sign of [
      (a: Record<string, unknown>) =>
        `Bearer ${authority.token(a, { exp: now() - 600, nbf: now() - 7200, iat: now() - 7200 })}`,
      (a: Record<string, unknown>) => `Bearer ${authority.tokenWithForeignKey(a)}`,
      (a: Record<string, unknown>) => `Bearer ${authority.token(a, {}, { kid: 'no-such-key' })}`,
    ]) {
      signer = sign;
      expect((await postCheck()).status).toBe(401);
    }
    expect(consoleError).not.toHaveBeenCalled();
    // Anything else the process writes to console.error still gets through.
    console.error('a real problem');
    expect(consoleError).toHaveBeenCalledWith('a real problem');
  });

  it('when the channel is not one the key is endorsed for, then 401', async () => {
    const response = await harness.post({
      type: 'message',
      channelId: 'webchat',
      serviceUrl: harness.connector.url,
      conversation: { id: 'a:webchat' },
      text: 'help',
    });
    expect(response.status).toBe(401);
    expectNothingRan();
  });

  it('when a valid token carries an activity from a tenant that is not allowed, then a polite refusal answers and no check runs', async () => {
    signer = (a) => `Bearer ${authority.token(a)}`;
    const response = await harness.post({
      type: 'message',
      channelId: 'msteams',
      serviceUrl: harness.connector.url,
      from: { id: '29:intruder' },
      recipient: { id: '28:pcemail-ops' },
      conversation: { id: 'a:other', tenantId: '11111111-2222-4333-8444-555555555555' },
      channelData: { tenant: { id: '11111111-2222-4333-8444-555555555555' } },
      text: 'check pcemail permissions',
    });
    expect(response.status).toBe(200);
    expect(cardText(harness.connector.cards()[0])).toMatch(/not available to your organization/);
    expect(harness.simulator.requests()).toHaveLength(0);
  });

  it('when any token is refused, then the body carries no library message or stack', async () => {
    for (const [, sign] of refused) {
      signer = sign;
      const { body } = await postCheck();
      expect(body).not.toMatch(/jwt|signature|algorithm|at .*\.js|Error:/i);
    }
  });
});

describe('a flood of refused requests', () => {
  it('when 40 forged requests arrive at once, then all get 401 and the log gets at most a line a second', async () => {
    signer = () => 'Bearer forged.token.value';
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // past the earlier tests' refusals
    const before = harness.logLines.length;
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () => postCheck().then((r) => r.status)),
    );
    expect(new Set(statuses)).toEqual(new Set([401]));
    const lines = harness.logLines
      .slice(before)
      .filter((line) => line.includes('refused an inbound request'));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.length).toBeLessThanOrEqual(2);
    expectNothingRan();
  });
});

describe('when the signing keys cannot be had', () => {
  it.each([
    ['the metadata host never answers', 'hang'],
    ['the metadata host fails', 'fail'],
  ] as const)('when %s, then 503 within the bound and no turn runs', async (_case, mode) => {
    const keys = await new BotFrameworkAuthority().start();
    keys.mode = mode;
    const bot = await startHarness({
      scenario: 'healthy',
      env: { ...keys.env(), BOT_AUTH_TIMEOUT_MS: '300' },
      authorization: (a) => `Bearer ${keys.token(a)}`,
    });
    try {
      const started = Date.now();
      const status = await bot.say('check pcemail permissions');
      expect(status).toBe(503);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(bot.connector.sent).toHaveLength(0);
      expect(bot.simulator.requests().filter((r) => r.area === 'graph')).toHaveLength(0);
    } finally {
      await bot.stop();
      await keys.stop();
    }
  });

  it('when the metadata host is not listening at all, then 503 and no turn runs', async () => {
    const keys = await new BotFrameworkAuthority().start();
    const bot = await startHarness({
      scenario: 'healthy',
      env: keys.env(),
      authorization: (a) => `Bearer ${keys.token(a)}`,
    });
    await keys.stop();
    try {
      const status = await bot.say('check pcemail permissions');
      expect(status).toBe(503);
      expect(bot.connector.sent).toHaveLength(0);
    } finally {
      await bot.stop();
    }
  });
});
