import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { accessToken, graph, requestToken } from './sim-client';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

const control = (path: string, method = 'GET', body?: unknown) =>
  fetch(`${sim.url}/_sim/${path}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

describe('control endpoints and the request log', () => {
  test('when started without options, then the demo scenario is loaded on 127.0.0.1', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.scenario.name).toBe('demo');
    expect(sim.productEnv()).toMatchObject({
      PCEMAIL_MAILBOXES: 'support@contoso.example,sales@contoso.example,billing@contoso.example',
      PCEMAIL_OUT_OF_SCOPE_MAILBOX: 'ceo@contoso.example',
    });
  });

  test('when requests are made, then the log holds method, path, timings, status and caller but never a secret', async () => {
    sim.clearRequests();
    const env = sim.productEnv();
    await requestToken(sim, env.GRAPH_CLIENT_ID ?? '', env.GRAPH_CLIENT_SECRET ?? '');
    const token = await accessToken(sim, 'inspector');
    await graph(sim, "/applications?$filter=displayName eq 'PCEmail'&client_secret=oops", token);
    const log = sim.requests();
    expect(log.map((r) => [r.area, r.method, r.status])).toEqual([
      ['entra', 'POST', 200],
      ['entra', 'POST', 200],
      ['graph', 'GET', 200],
    ]);
    expect(log[2]?.path).toBe(
      '/v1.0/applications?$filter=displayName%20eq%20%27PCEmail%27&client_secret=[redacted]',
    );
    expect(log[2]?.clientId).toBe(env.GRAPH_CLIENT_ID);
    for (const r of log) expect(r.endMs).toBeGreaterThanOrEqual(r.startMs);
    const overHttp = await (await control('requests')).text();
    expect(overHttp).not.toContain(env.GRAPH_CLIENT_SECRET);
    expect(overHttp).not.toContain('oops');
    expect(JSON.parse(overHttp)).toHaveLength(3);
  });

  test('when DELETE /_sim/requests is called, then the log is empty and control calls are not logged', async () => {
    expect((await control('requests', 'DELETE')).status).toBe(204);
    await control('state');
    expect(sim.requests()).toEqual([]);
  });

  test('when POST /_sim/reset names a scenario, then the tenant is replaced; an unknown one is 400', async () => {
    const reset = await control('reset', 'POST', { scenario: 'app-missing' });
    expect(reset.status).toBe(200);
    expect(((await reset.json()) as { name: string }).name).toBe('app-missing');
    expect(sim.scenario.name).toBe('app-missing');
    const state = (await (await control('state')).json()) as {
      applications: { displayName: string }[];
    };
    expect(state.applications.map((a) => a.displayName)).toEqual(['PCEmail Ops']);
    expect((await control('reset', 'POST', { scenario: 'nope' })).status).toBe(400);
    await control('reset', 'POST', { scenario: 'demo' });
  });

  test('when a change is made through Graph and the scenario is reloaded, then the change is gone', async () => {
    sim.load('grant-ready');
    const token = await accessToken(sim, 'inspector');
    const graphSp = await graph(
      sim,
      "/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=id",
      token,
    );
    const sp = await graph(
      sim,
      `/servicePrincipals(appId='${sim.scenario.pcemailAppIds[0]}')?$select=id`,
      token,
    );
    const body = {
      clientId: sp.body.id,
      consentType: 'AllPrincipals',
      resourceId: graphSp.body.id,
      scope: 'User.Read',
    };
    expect(
      (await graph(sim, '/oauth2PermissionGrants', token, { method: 'POST', body })).status,
    ).toBe(201);
    sim.load('grant-ready');
    expect(
      (await graph(sim, '/oauth2PermissionGrants', token, { method: 'POST', body })).status,
    ).toBe(201);
  });

  test('when an unknown control path is used, then 404; an unknown top-level path is a Graph-style 404', async () => {
    expect((await control('nothing')).status).toBe(404);
    const res = await fetch(`${sim.url}/beta/applications`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ResourceNotFound');
  });

  test('when the signing keys are fetched, then they verify the issued token’s kid', async () => {
    const token = await accessToken(sim, 'inspector');
    const kid = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).kid;
    const keys = (await (
      await fetch(`${sim.url}/${sim.scenario.tenantId}/discovery/v2.0/keys`)
    ).json()) as { keys: { kid: string }[] };
    expect(keys.keys.map((k) => k.kid)).toEqual([kid]);
  });
});
