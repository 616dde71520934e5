import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig } from '../../src/config';
import { conversationKey } from '../../src/ports/conversations';
import { startBot } from '../../src/start-bot';
import { startSimulator } from '../../src/simulator';
import { createStateStore } from '../../src/store';
import { actionData, APPROVER, chatIdOf, openChat } from '../component/consent-support';
import { BotFrameworkAuthority, TEST_BOT_ID } from '../support/bot-framework-authority';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText, cardVerbs } from '../support/card-text';
import { FakeConnector } from '../support/fake-connector';
import { capturingLogger } from '../support/log-capture';

const OFF_WARNING = /inbound authentication is OFF/;

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('open by misconfiguration: no BOT_ID', () => {
  it('when TENANT_ID is set and BOT_ID is empty, then the configuration is refused naming BOT_ID', () => {
    const result = readConfig({
      TENANT_ID: '0b7a5a2e-4c8e-4d5a-9f1e-2a3b4c5d6e7f',
      GRAPH_CLIENT_ID: '5f0e9d1c-2b3a-4c5d-8e7f-6a5b4c3d2e1f',
      GRAPH_CLIENT_SECRET: 'inspector-secret-value-1234',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join('\n')).toMatch(/BOT_ID is empty/);
  });

  it('when INBOUND_AUTH=off on a live tenant, then the listening socket is bound to 127.0.0.1 and the start warns', async () => {
    const simulator = await startSimulator({ scenario: 'healthy' });
    const stateDir = mkdtempSync(path.join(tmpdir(), 'pcemail-open-'));
    const result = readConfig({
      ...simulator.productEnv(),
      STATE_DIR: stateDir,
      INBOUND_AUTH: 'off',
      SECRET_EXPIRY_SCHEDULE: 'off',
      INGESTION_SCHEDULE: 'off',
      INGESTION_DIGEST_SCHEDULE: 'off',
    });
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.config.tenant.mode).toBe('live');
    const { logger, lines } = capturingLogger();
    const server = await startBot(result.config, { logger, port: 0 });
    try {
      expect(server.boundAddress).toBe('127.0.0.1');
      expect(lines.join('\n')).toMatch(OFF_WARNING);
    } finally {
      await server.close();
      await simulator.close();
      rmSync(stateDir, { recursive: true, force: true });
    }
  });

  it('when the tenant is simulated and BOT_ID is empty, then the socket is bound to 127.0.0.1 and every start warns', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    expect(harness.server.boundAddress).toBe('127.0.0.1');
    await harness.restart();
    expect(harness.server.boundAddress).toBe('127.0.0.1');
    expect(harness.logLines.filter((line) => OFF_WARNING.test(line))).toHaveLength(2);
  });

  it('when BOT_ID is set, then the socket listens on every interface and no warning is logged', async () => {
    const authority = await new BotFrameworkAuthority().start();
    try {
      harness = await startHarness({ scenario: 'healthy', env: authority.env() });
      expect(harness.server.boundAddress).toBe('0.0.0.0');
      expect(harness.logLines.join('\n')).not.toMatch(OFF_WARNING);
    } finally {
      await authority.stop();
    }
  });

  it('when a message names no tenant at all, then it is refused like a foreign tenant and nothing reaches Graph', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    harness.simulator.clearRequests();
    const status = await harness.say('check pcemail permissions', {
      conversation: { id: 'a:no-tenant', conversationType: 'personal' },
      channelData: {},
    });
    expect(status).toBe(200);
    expect(cardText(harness.connector.cards().at(-1))).toMatch(
      /not available to your organization/,
    );
    expect(harness.simulator.requests()).toHaveLength(0);
  });

  it('when a message names a serviceUrl that is not allowed, then 401 and nothing is sent anywhere', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    harness.simulator.clearRequests();
    const status = await harness.say('check pcemail permissions', {
      serviceUrl: 'https://attacker.example.com/',
    });
    expect(status).toBe(401);
    expect(harness.connector.sent).toHaveLength(0);
    expect(harness.simulator.requests()).toHaveLength(0);
  });
});

describe('tokens with BOT_ID set', () => {
  let authority: BotFrameworkAuthority;
  beforeAll(async () => {
    authority = await new BotFrameworkAuthority().start();
  });
  afterAll(async () => {
    await authority.stop();
  });

  it('when a token carries the Emulator’s issuer (which the library accepts), then 401, never 500, and no turn runs', async () => {
    harness = await startHarness({
      scenario: 'healthy',
      env: authority.env(),
      authorization: (activity) =>
        `Bearer ${authority.token(activity, {
          iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/',
          ver: '1.0',
          appid: TEST_BOT_ID,
        })}`,
    });
    harness.simulator.clearRequests();
    const status = await harness.say('check pcemail permissions');
    expect(status).toBe(401);
    expect(harness.connector.sent).toHaveLength(0);
    expect(harness.simulator.requests()).toHaveLength(0);
  });

  it('when a valid channel token comes with a serviceUrl outside ALLOWED_SERVICE_URLS, then 401 and nothing is sent', async () => {
    const elsewhere = await new FakeConnector().start();
    try {
      harness = await startHarness({
        scenario: 'healthy',
        env: authority.env(),
        authorization: (activity) => `Bearer ${authority.token(activity)}`,
      });
      const status = await harness.say('help', { serviceUrl: elsewhere.url });
      expect(status).toBe(401);
      expect(elsewhere.sent).toHaveLength(0);
      expect(harness.connector.sent).toHaveLength(0);
    } finally {
      await elsewhere.stop();
    }
  });

  it('when a conversation was planted while the bot was open, then after a restart with BOT_ID the consent request never goes there and the reference is deleted', async () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), 'pcemail-planted-'));
    const attacker = await new FakeConnector().start();
    const env = { STATE_DIR: stateDir, CONSENT_MODE: 'grant', APPROVERS: APPROVER.aadObjectId };
    try {
      // Open (no BOT_ID): an unauthenticated POST stores "the approver's chat" at the attacker's address.
      harness = await startHarness({ scenario: 'grant-ready', env });
      await openChat(harness, APPROVER);
      const planted = conversationKey(chatIdOf(APPROVER));
      await harness.stop();
      harness = undefined;
      const store = createStateStore({ store: 'file', dir: stateDir, container: 'unused' });
      const reference = (await store.get<{ reference: Record<string, unknown> }>(planted))!.value;
      await store.put(planted, {
        ...reference,
        reference: { ...reference.reference, serviceUrl: attacker.url },
      });

      // Restarted with BOT_ID: a legitimate request is made.
      harness = await startHarness({
        scenario: 'grant-ready',
        env: { ...env, ...authority.env() },
        authorization: (activity) => `Bearer ${authority.token(activity)}`,
      });
      expect(await harness.say('check pcemail permissions')).toBe(200);
      const checkCard = harness.connector.cards().at(-1)!;
      expect(cardVerbs(checkCard)).toContain('consent.request');
      const { status } = await harness.execute(
        'consent.request',
        actionData(checkCard, 'consent.request') ?? {},
      );
      expect(status).toBe(200);

      expect(attacker.sent).toHaveLength(0);
      expect(authority.issuedTokens.length).toBeGreaterThan(0);
      expect(await store.get(planted)).toBeUndefined();
      expect(harness.logLines.join('\n')).toMatch(
        /dropped a stored conversation whose serviceUrl is not allowed/,
      );
    } finally {
      await harness?.stop();
      harness = undefined;
      await attacker.stop();
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
