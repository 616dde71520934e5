import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { startHarness, type BotHarness } from '../support/bot-harness';

const LIMIT = 4096;
let harness: BotHarness;
const bodies: string[] = [];

beforeAll(async () => {
  harness = await startHarness({ scenario: 'healthy', env: { MAX_BODY_BYTES: String(LIMIT) } });
});

afterAll(async () => {
  await harness.stop();
});

beforeEach(() => {
  harness.connector.clear();
  harness.simulator.clearRequests();
});

function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: 'act-1',
    channelId: 'msteams',
    serviceUrl: harness.connector.url,
    from: { id: '29:user-1' },
    recipient: { id: '28:pcemail-ops' },
    conversation: { id: 'a:limits', tenantId: harness.config.tenant.id },
    channelData: { tenant: { id: harness.config.tenant.id } },
    text: 'check pcemail permissions',
    ...overrides,
  };
}

async function raw(
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  path = '/api/messages',
  method = 'POST',
): Promise<{ status: number; body: string }> {
  const response = await fetch(`${harness.server.url}${path}`, {
    method,
    headers,
    body: method === 'GET' ? undefined : body,
  });
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, body: text };
}

/** A body sent in chunks without Content-Length, so only counting the bytes can stop it. */
function chunked(size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${harness.server.url}/api/messages`);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    const text = JSON.stringify(activity({ text: 'x'.repeat(size) }));
    for (let i = 0; i < text.length; i += 1000) req.write(text.slice(i, i + 1000));
    req.end();
  });
}

function expectNothingRan(): void {
  expect(harness.connector.sent).toHaveLength(0);
  expect(harness.simulator.requests()).toHaveLength(0);
}

describe('hostile or broken input at /api/messages', () => {
  it('when the body is over MAX_BODY_BYTES, then 413 and nothing runs', async () => {
    const { status } = await raw(JSON.stringify(activity({ text: 'x'.repeat(LIMIT) })));
    expect(status).toBe(413);
    expectNothingRan();
  });

  it('when an oversized body comes chunked without a length, then 413 as well', async () => {
    expect(await chunked(LIMIT * 4)).toBe(413);
    expectNothingRan();
  });

  it('when the body is gzip-encoded (a possible zip bomb), then 415', async () => {
    const { status } = await raw(gzipSync(JSON.stringify(activity())), {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(status).toBe(415);
    expectNothingRan();
  });

  it.each([
    ['malformed JSON', '{"type":"message",'],
    ['a JSON array', '[1,2,3]'],
    ['a JSON string', '"message"'],
    ['JSON null', 'null'],
  ])('when the body is %s, then 400 with a fixed message', async (_case, body) => {
    const { status, body: answer } = await raw(body);
    expect(status).toBe(400);
    expect(answer).not.toContain('position');
    expectNothingRan();
  });

  it.each([
    ['no type', { type: undefined }],
    ['a numeric type', { type: 5 }],
    ['no serviceUrl', { serviceUrl: undefined }],
    ['a javascript: serviceUrl', { serviceUrl: 'javascript:alert(1)' }],
    ['no conversation', { conversation: undefined }],
    ['an object as conversation id', { conversation: { id: { $ne: 1 } } }],
    ['no channelId', { channelId: undefined }],
  ])('when the activity has %s, then 400 and nothing runs', async (_case, overrides) => {
    const { status } = await raw(JSON.stringify(activity(overrides)));
    expect(status).toBe(400);
    expectNothingRan();
  });

  it('when the content type is not JSON, then 415', async () => {
    const { status } = await raw('type=message&text=help', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(status).toBe(415);
    expectNothingRan();
  });

  it.each(['somethingNew', 'trace', 'handoff', 'invokeResponse'])(
    'when the activity type is %s (not one Teams sends a bot), then 200 and it is ignored',
    async (type) => {
      const { status } = await raw(JSON.stringify(activity({ type })));
      expect(status).toBe(200);
      expectNothingRan();
    },
  );

  it('when a route does not exist or the method is wrong, then a plain 404/405', async () => {
    expect((await raw('', {}, '/api/nothing', 'GET')).status).toBe(404);
    expect((await raw('', {}, '/api/messages', 'GET')).status).toBe(405);
  });

  it('when all of the above happened, then no answer carried a stack trace and the server still answers', async () => {
    expect(bodies.length).toBeGreaterThan(10);
    for (const body of bodies) {
      expect(body).not.toMatch(/\bat .+:\d+:\d+|node_modules|Error:|SyntaxError|Unexpected token/);
    }
    expect((await fetch(`${harness.server.url}/healthz`)).status).toBe(200);
    expect(await harness.say('help')).toBe(200);
    expect(harness.connector.cards()).toHaveLength(1);
  });
});
