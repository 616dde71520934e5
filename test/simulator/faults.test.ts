import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { accessToken, graph, requestToken } from './sim-client';

let sim: RunningSimulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy', seed: 7 });
  token = await accessToken(sim, 'inspector');
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.setFaults({});
  sim.setLatency(0);
});

async function statuses(
  target: RunningSimulator,
  bearer: string,
  count: number,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++)
    out.push((await graph(target, '/applications?$select=id', bearer)).status);
  return out;
}

describe('fault injection', () => {
  test('when throttling is certain, then Graph answers 429 TooManyRequests with Retry-After', async () => {
    sim.setFaults({ throttle: 1, retryAfterSeconds: 3 });
    const res = await graph(sim, '/applications', token);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.body.error.code).toBe('TooManyRequests');
    expect(res.headers.get('request-id')).toBe(res.body.error.innerError['request-id']);
  });

  test('when the service is unavailable, then 503 with Retry-After defaulting to 1 second', async () => {
    sim.setFaults({ unavailable: 1 });
    const res = await graph(sim, '/applications', token);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
  });

  test('when the same seed and settings are used, then the same requests fail', async () => {
    const twin = await startSimulator({ scenario: 'healthy', seed: 7 });
    try {
      const twinToken = await accessToken(twin, 'inspector');
      sim.setFaults({ throttle: 0.3, unavailable: 0.2 });
      twin.setFaults({ throttle: 0.3, unavailable: 0.2 });
      const a = await statuses(sim, token, 20);
      const b = await statuses(twin, twinToken, 20);
      expect(a).toEqual(b);
      expect(new Set(a)).toEqual(new Set([200, 429, 503]));
      sim.setFaults({ throttle: 0.3, unavailable: 0.2 });
      expect(await statuses(sim, token, 20)).toEqual(a);
    } finally {
      await twin.close();
    }
  });

  test('when a reset is certain, then the socket closes without an answer and the log says so', async () => {
    sim.setFaults({ reset: 1 });
    sim.clearRequests();
    await expect(
      fetch(`${sim.url}/v1.0/applications`, { headers: { authorization: `Bearer ${token}` } }),
    ).rejects.toThrow();
    expect(sim.requests()[0]).toMatchObject({ status: 0, fault: 'reset', area: 'graph' });
  });

  test('when a malformed answer is certain, then a 200 arrives whose JSON does not parse', async () => {
    sim.setFaults({ malformed: 1 });
    const res = await fetch(`${sim.url}/v1.0/applications`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });

  test('when a response is slow, then a client timeout fires first', async () => {
    sim.setFaults({ slow: 1, slowMs: 1500 });
    const started = Date.now();
    await expect(
      fetch(`${sim.url}/v1.0/applications`, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  test('when faults are on, then the token endpoint and /_sim/ are untouched unless entra is set', async () => {
    sim.setFaults({ throttle: 1 });
    const env = sim.productEnv();
    expect(
      (await requestToken(sim, env.GRAPH_CLIENT_ID ?? '', env.GRAPH_CLIENT_SECRET ?? '')).status,
    ).toBe(200);
    expect((await fetch(`${sim.url}/_sim/state`)).status).toBe(200);
    sim.setFaults({ throttle: 1, entra: true });
    const throttled = await requestToken(
      sim,
      env.GRAPH_CLIENT_ID ?? '',
      env.GRAPH_CLIENT_SECRET ?? '',
    );
    expect(throttled.status).toBe(429);
    expect(throttled.body.error).toBe('temporarily_unavailable');
  });

  test('when faults are set through PUT /_sim/faults, then they apply; bad settings are refused', async () => {
    const put = (body: unknown) =>
      fetch(`${sim.url}/_sim/faults`, { method: 'PUT', body: JSON.stringify(body) });
    expect((await put({ throttle: 2 })).status).toBe(400);
    expect((await put({ thrtotle: 1 })).status).toBe(400);
    expect((await put({ unavailable: 1 })).status).toBe(200);
    expect((await graph(sim, '/applications', token)).status).toBe(503);
  });

  test('when latency is set, then every Graph and Entra answer is delayed by it', async () => {
    const put = await fetch(`${sim.url}/_sim/latency`, {
      method: 'PUT',
      body: JSON.stringify({ ms: 120 }),
    });
    expect(put.status).toBe(200);
    const started = Date.now();
    await graph(sim, '/applications?$top=1', token);
    const env = sim.productEnv();
    await requestToken(sim, env.GRAPH_CLIENT_ID ?? '', env.GRAPH_CLIENT_SECRET ?? '');
    expect(Date.now() - started).toBeGreaterThanOrEqual(230);
  });
});
