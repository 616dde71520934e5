import { shutDown } from '../../src/shutdown';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { capturingLogger } from '../support/log-capture';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('graceful shutdown of the HTTP edge', () => {
  it('when a shutdown starts during a check, then new turns get 503, the check finishes and is answered, then the server closes', async () => {
    harness = await startHarness({ scenario: 'healthy', simulator: { latencyMs: 150 } });
    const url = harness.server.url;
    const inFlight = harness.say('check pcemail permissions');
    await until(() => harness!.server.inFlight() === 1);

    const stopping = harness.server.shutdown(10_000);
    const refused = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: 'shutting down' });
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    expect(await inFlight).toBe(200);
    expect(harness.connector.cards()).toHaveLength(1);
    expect(await stopping).toEqual({ drained: true, abandoned: 0 });
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('when a turn outlasts the grace period, then the shutdown ends anyway and reports it', async () => {
    harness = await startHarness({ scenario: 'healthy', simulator: { latencyMs: 300 } });
    const inFlight = harness.say('check pcemail permissions').catch(() => 'connection closed');
    await until(() => harness!.server.inFlight() === 1);
    const started = Date.now();
    expect(await harness.server.shutdown(50)).toEqual({ drained: false, abandoned: 1 });
    expect(Date.now() - started).toBeLessThan(300);
    expect(await inFlight).toBe('connection closed');
    expect(harness.logLines.join('')).toMatch(/shutdown grace period ended/);
    // In a process the exit ends it; here the abandoned turn runs out before the fakes stop.
    await until(() => harness!.connector.cards().length === 1, 10_000);
  });

  it('when no turn runs, then the shutdown is immediate', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    const started = Date.now();
    expect(await harness.server.shutdown(10_000)).toEqual({ drained: true, abandoned: 0 });
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('shutdown steps', () => {
  it('when steps run, then in order; a failing or stuck step is logged and the rest still run', async () => {
    const { logger, lines } = capturingLogger();
    const order: string[] = [];
    const clean = await shutDown(
      [
        { name: 'http', run: () => Promise.resolve(void order.push('http')) },
        { name: 'jobs', run: () => Promise.reject(new Error('lease already gone')) },
        { name: 'stuck', run: () => new Promise(() => undefined) },
        { name: 'simulator', run: () => Promise.resolve(void order.push('simulator')) },
      ],
      logger,
      50,
    );
    expect(clean).toBe(false);
    expect(order).toEqual(['http', 'simulator']);
    const text = lines.join('');
    expect(text).toMatch(/"step":"jobs".*shutdown step failed/);
    expect(text).toMatch(/"step":"stuck".*did not finish in time/);
  });
});
