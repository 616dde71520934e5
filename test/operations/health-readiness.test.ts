import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHarness, type BotHarness } from '../support/bot-harness';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function getJson(
  url: string,
): Promise<{ status: number; body: { status?: string; problems?: string[] } }> {
  const response = await fetch(url);
  return {
    status: response.status,
    body: (await response.json()) as { status?: string; problems?: string[] },
  };
}

describe('health and readiness probes', () => {
  it('when the store is reachable and the inspector signs in, then /healthz is alive and /readyz ready', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    expect(await getJson(`${harness.server.url}/healthz`)).toEqual({
      status: 200,
      body: { status: 'alive' },
    });
    expect(await getJson(`${harness.server.url}/readyz`)).toEqual({
      status: 200,
      body: { status: 'ready', problems: [] },
    });
    expect(harness.simulator.requests().filter((r) => r.area === 'entra').length).toBeGreaterThan(
      0,
    );
  });

  it('when the inspector’s secret is wrong, then /readyz is 503 naming GRAPH_CLIENT_SECRET, and /healthz stays alive', async () => {
    harness = await startHarness({
      scenario: 'healthy',
      env: { GRAPH_CLIENT_SECRET: 'Wrong~Inspector.Secret_0077' },
    });
    const readiness = await getJson(`${harness.server.url}/readyz`);
    expect(readiness.status).toBe(503);
    expect(readiness.body.status).toBe('not ready');
    expect(readiness.body.problems?.join(' ')).toMatch(/GRAPH_CLIENT_SECRET/);
    expect(JSON.stringify(readiness.body)).not.toContain('Wrong~Inspector.Secret_0077');
    expect((await getJson(`${harness.server.url}/healthz`)).status).toBe(200);
  });

  it('when the state folder cannot be used, then /readyz is 503 saying the store cannot be reached', async () => {
    const notAFolder = path.join(mkdtempSync(path.join(tmpdir(), 'pcemail-ready-')), 'a-file');
    writeFileSync(notAFolder, 'not a folder');
    harness = await startHarness({ scenario: 'healthy', env: { STATE_DIR: notAFolder } });
    const readiness = await getJson(`${harness.server.url}/readyz`);
    expect(readiness.status).toBe(503);
    expect(readiness.body.problems).toContain('the state store cannot be reached');
  });

  it('when Entra does not answer, then /readyz answers 503 within the Graph policy’s bound instead of hanging', async () => {
    harness = await startHarness({
      scenario: 'healthy',
      simulator: { faults: { slow: 1, slowMs: 2_000, entra: true } },
      env: { GRAPH_TIMEOUT_MS: '200', GRAPH_MAX_RETRIES: '1' },
    });
    const started = Date.now();
    const readiness = await getJson(`${harness.server.url}/readyz`);
    expect(readiness.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2 * 200 + 1_000);
  });
});
