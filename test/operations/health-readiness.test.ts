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

  it('when the inspector’s secret is wrong, then /readyz is 503 with a generic reason, the details go to the log, and /healthz stays alive', async () => {
    harness = await startHarness({
      scenario: 'healthy',
      env: { GRAPH_CLIENT_SECRET: 'Wrong~Inspector.Secret_0077' },
    });
    const readiness = await getJson(`${harness.server.url}/readyz`);
    expect(readiness).toEqual({
      status: 503,
      body: { status: 'not ready', problems: ['the tenant cannot be signed in to'] },
    });
    const body = JSON.stringify(readiness.body);
    expect(body).not.toContain(harness.config.inspector.clientId);
    expect(body).not.toMatch(/AADSTS|GRAPH_CLIENT|secret/i);
    expect(harness.logLines.join('\n')).toMatch(/readiness: the inspector cannot sign in/);
    expect((await getJson(`${harness.server.url}/healthz`)).status).toBe(200);
  });

  it('when /readyz is called again and again, then the sign-in probe is cached and Entra gets one token request', async () => {
    harness = await startHarness({
      scenario: 'healthy',
      env: { GRAPH_CLIENT_SECRET: 'Wrong~Inspector.Secret_0077' },
    });
    for (let i = 0; i < 5; i++) {
      expect((await getJson(`${harness.server.url}/readyz`)).status).toBe(503);
    }
    const tokenRequests = harness.simulator.requests().filter((r) => r.area === 'entra');
    expect(tokenRequests).toHaveLength(1);
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
