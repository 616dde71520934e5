import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { accessToken, graph, type JsonBody } from './sim-client';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'demo', seed: 42 });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.load('demo');
  sim.setFaults({});
});

type Item = {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
};

function batch(token: string, requests: Item[]) {
  return graph(sim, '/$batch', token, { method: 'POST', body: { requests } });
}

function byId(res: { body: { responses: { id: string }[] } }) {
  return Object.fromEntries(res.body.responses.map((r) => [r.id, r])) as Record<string, JsonBody>;
}

const inbox = (address: string) =>
  `/users/${encodeURIComponent(address)}/mailFolders/inbox?$select=totalItemCount,unreadItemCount`;

describe('$batch', () => {
  test('when mailboxes are probed in one batch, then the batch is 200 and each item has its own status and body', async () => {
    const token = await accessToken(sim, 'pcemail');
    const res = await batch(token, [
      { id: '1', method: 'GET', url: inbox('support@contoso.example') },
      { id: '2', method: 'GET', url: inbox('billing@contoso.example') },
      { id: '3', method: 'GET', url: inbox('nobody@contoso.example') },
      { id: '4', method: 'GET', url: 'applications' },
    ]);
    expect(res.status).toBe(200);
    const items = byId(res);
    expect(items['1']).toMatchObject({ status: 200, body: { totalItemCount: expect.any(Number) } });
    expect(items['1'].headers['Content-Type']).toMatch(/^application\/json/);
    expect(items['2']).toMatchObject({
      status: 403,
      body: { error: { code: 'ErrorAccessDenied', message: expect.stringContaining('[RAOP]') } },
    });
    expect(items['2'].body.error.innerError['request-id']).toEqual(expect.any(String));
    expect(items['3']).toMatchObject({
      status: 404,
      body: { error: { code: 'ErrorInvalidUser' } },
    });
    expect(items['4']).toMatchObject({
      status: 403,
      body: { error: { code: 'Authorization_RequestDenied' } },
    });
    const [logged] = sim.requests().filter((r) => r.path === '/v1.0/$batch');
    expect(logged?.batch?.map((i) => [i.id, i.status])).toEqual([
      ['1', 200],
      ['2', 403],
      ['3', 404],
      ['4', 403],
    ]);
    expect(logged?.batch?.[0]?.url).toBe(inbox('support@contoso.example'));
  });

  test('when a batch holds more than 20 requests, then 400 BadRequest', async () => {
    const token = await accessToken(sim, 'inspector');
    const requests = Array.from({ length: 21 }, (_, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: '/applications',
    }));
    const res = await batch(token, requests);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'BadRequest',
      message: expect.stringContaining('limit of 20'),
    });
    const twenty = await batch(token, requests.slice(0, 20));
    expect(twenty.status).toBe(200);
  });

  test('when two requests share an id, then 400', async () => {
    const token = await accessToken(sim, 'inspector');
    const res = await batch(token, [
      { id: '1', method: 'GET', url: '/applications' },
      { id: '1', method: 'GET', url: '/servicePrincipals' },
    ]);
    expect(res.status).toBe(400);
  });

  test('when an item URL is absolute or carries /v1.0, then Graph refuses it as Graph does', async () => {
    const token = await accessToken(sim, 'inspector');
    const absolute = await batch(token, [
      { id: '1', method: 'GET', url: `${sim.url}/v1.0/applications` },
    ]);
    expect(absolute.status).toBe(400);
    expect(absolute.body.error.message).toBe('Invalid batch payload format.');
    const versioned = await batch(token, [{ id: '1', method: 'GET', url: '/v1.0/applications' }]);
    expect(byId(versioned)['1']).toMatchObject({
      status: 400,
      body: { error: { message: "Resource not found for the segment 'v1.0'." } },
    });
  });

  test('when the batch has no valid token, then the whole batch is 401', async () => {
    const res = await graph(sim, '/$batch', undefined, {
      method: 'POST',
      body: { requests: [{ id: '1', method: 'GET', url: '/applications' }] },
    });
    expect(res.status).toBe(401);
  });

  test('when an item pages, then its nextLink is absolute on this server and can be followed inside a batch', async () => {
    sim.load('paged');
    const token = await accessToken(sim, 'inspector');
    const first = byId(
      await batch(token, [{ id: 'sp', method: 'GET', url: '/servicePrincipals?$select=id' }]),
    )['sp'];
    const next: string = first.body['@odata.nextLink'];
    expect(next.startsWith(`${sim.url}/v1.0/servicePrincipals?`)).toBe(true);
    const relative = next.slice(`${sim.url}/v1.0`.length);
    const second = byId(await batch(token, [{ id: 'sp', method: 'GET', url: relative }]))['sp'];
    expect(second.status).toBe(200);
    expect(second.body.value[0].id).not.toBe(first.body.value[0].id);
  });

  test('when an item depends on a failed one, then it is 424 and not run', async () => {
    const token = await accessToken(sim, 'inspector');
    const res = byId(
      await batch(token, [
        { id: 'a', method: 'GET', url: '/applications/11111111-2222-4333-8444-555555555555' },
        { id: 'b', method: 'GET', url: '/applications', dependsOn: ['a'] },
      ]),
    );
    expect(res['a'].status).toBe(404);
    expect(res['b'].status).toBe(424);
  });

  test('when throttling hits items, then each throttled item is 429 with its own Retry-After header', async () => {
    const token = await accessToken(sim, 'pcemail');
    sim.setFaults({ throttle: 0.5, retryAfterSeconds: 7 });
    const requests = ['support', 'sales', 'billing', 'ceo', 'support', 'sales'].map((local, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: inbox(`${local}@contoso.example`),
    }));
    let res = await batch(token, requests);
    for (let tries = 0; res.status === 429 && tries < 10; tries++)
      res = await batch(token, requests);
    expect(res.status).toBe(200);
    const responses = res.body.responses as {
      status: number;
      headers: Record<string, string>;
      body: JsonBody;
    }[];
    const throttled = responses.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    for (const item of throttled) {
      expect(item.headers['Retry-After']).toBe('7');
      expect(item.body.error.code).toBe('TooManyRequests');
    }
  });
});
