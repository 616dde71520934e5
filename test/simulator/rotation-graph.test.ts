import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { accessToken, graph, requestToken, valuesOf } from './sim-client';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: 'rotation' });
});
afterAll(() => sim.close());
beforeEach(() => sim.load('rotation'));

const pcemail = () => sim.scenario.pcemailAppIds[0] ?? '';
const SP_FILTER = "signInEventTypes/any(t: t eq 'servicePrincipal')";
const signIns = (token: string, filter: string, extra = '') =>
  graph(
    sim,
    `${sim.url}/beta/auditLogs/signIns?$filter=${encodeURIComponent(filter)}${extra}`,
    token,
  );

async function advance(minutes: number): Promise<void> {
  const res = await fetch(`${sim.url}/_sim/sign-ins/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ minutes }),
  });
  expect(res.status).toBe(200);
}

describe('simulated addPassword, removePassword and service-principal sign-in logs', () => {
  it('when the owner adds a password, then the value comes back once, signs PCEmail in, and is never served again', async () => {
    const token = await accessToken(sim, 'inspector');
    const added = await graph(sim, `/applications(appId='${pcemail()}')/addPassword`, token, {
      method: 'POST',
      body: {
        passwordCredential: { displayName: 'rotation test', endDateTime: '2030-01-01T00:00:00Z' },
      },
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      displayName: 'rotation test',
      endDateTime: '2030-01-01T00:00:00.000Z',
    });
    const value = added.body.secretText as string;
    expect(added.body.hint).toBe(value.slice(0, 3));
    expect((await requestToken(sim, pcemail(), value)).status).toBe(200);
    const app = await graph(sim, `/applications(appId='${pcemail()}')`, token);
    expect(JSON.stringify(app.body)).not.toContain(value);
    expect(app.body.passwordCredentials).toHaveLength(2);

    const removed = await graph(sim, `/applications(appId='${pcemail()}')/removePassword`, token, {
      method: 'POST',
      body: { keyId: added.body.keyId },
    });
    expect(removed.status).toBe(204);
    expect((await requestToken(sim, pcemail(), value)).status).toBe(401);
    const again = await graph(sim, `/applications(appId='${pcemail()}')/removePassword`, token, {
      method: 'POST',
      body: { keyId: added.body.keyId },
    });
    expect(again.status).toBe(404);
  });

  it('when the caller does not own the app, then addPassword answers 403 Authorization_RequestDenied', async () => {
    sim.load('rotation-not-owner');
    const token = await accessToken(sim, 'inspector');
    const res = await graph(sim, `/applications(appId='${pcemail()}')/addPassword`, token, {
      method: 'POST',
      body: {},
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('Authorization_RequestDenied');
    expect(res.body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when Emplifi Agent signs in, then the beta log lists its key id per sign-in, newest first, paged, and it switches to a new secret 10 minutes after it is added', async () => {
    const token = await accessToken(sim, 'inspector');
    const filter = `${SP_FILTER} and appId eq '${pcemail()}'`;
    const first = await signIns(token, filter, '&$top=2');
    expect(first.status).toBe(200);
    const [a, b] = valuesOf<{ createdDateTime: string; servicePrincipalCredentialKeyId: string }>(
      first,
    );
    expect(Date.parse(a?.createdDateTime ?? '')).toBeGreaterThan(
      Date.parse(b?.createdDateTime ?? ''),
    );
    const oldKey = a?.servicePrincipalCredentialKeyId ?? '';
    expect(first.body['@odata.nextLink']).toMatch(/\$skiptoken=2/);
    const next = await graph(sim, String(first.body['@odata.nextLink']), token);
    expect(valuesOf(next)[0].createdDateTime).not.toBe(a?.createdDateTime);

    const added = await graph(sim, `/applications(appId='${pcemail()}')/addPassword`, token, {
      method: 'POST',
      body: {},
    });
    const newKey = added.body.keyId as string;
    const byKey = (key: string) =>
      signIns(token, `${filter} and servicePrincipalCredentialKeyId eq '${key}'`, '&$top=1');
    expect(valuesOf(await byKey(newKey))).toHaveLength(0);
    await advance(11);
    expect(valuesOf(await byKey(newKey))).toHaveLength(1);
    const lastOld = valuesOf(await byKey(oldKey))[0].createdDateTime;
    await advance(120);
    expect(valuesOf(await byKey(oldKey))[0].createdDateTime).toBe(lastOld);
    // v1.0 does not serve the service-principal sign-in logs.
    expect((await graph(sim, '/auditLogs/signIns', token)).status).toBe(400);
  });

  it('when the tenant has no P1/P2 licence or the caller lacks AuditLog.Read.All, then Graph’s documented 403s', async () => {
    sim.load('rotation-no-licence');
    const token = await accessToken(sim, 'inspector');
    const res = await signIns(token, SP_FILTER);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      message: "Neither tenant is B2C or tenant doesn't have premium license",
    });
    sim.load('healthy');
    const denied = await signIns(await accessToken(sim, 'inspector'), SP_FILTER);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('Authorization_RequestDenied');
  });
});
