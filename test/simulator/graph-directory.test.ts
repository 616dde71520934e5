import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { accessToken, graph, valuesOf } from './sim-client';

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
type Permission = { value: string; id: string };
let sim: RunningSimulator;
let inspector: string;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy' });
  inspector = await accessToken(sim, 'inspector');
});
afterAll(() => sim.close());
beforeEach(() => sim.load('healthy'));

describe('Graph authentication', () => {
  test('when no token is sent, then 401 InvalidAuthenticationToken "Access token is empty." with request ids', async () => {
    const res = await graph(sim, '/applications', undefined, {
      headers: { 'client-request-id': 'abc-123' },
    });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({
      code: 'InvalidAuthenticationToken',
      message: 'Access token is empty.',
    });
    expect(res.body.error.innerError).toMatchObject({
      'client-request-id': 'abc-123',
      'request-id': res.headers.get('request-id'),
    });
    expect(res.body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(res.headers.get('client-request-id')).toBe('abc-123');
  });

  test('when the token was signed by another simulator, then 401 validation failure', async () => {
    const other = await startSimulator({ scenario: 'healthy' });
    try {
      const foreign = await accessToken(other, 'inspector');
      const res = await graph(sim, '/applications', foreign);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('InvalidAuthenticationToken');
      expect(res.body.error.message).toMatch(/validation fail/);
    } finally {
      await other.close();
    }
  });

  test('when the token has expired, then 401 lifetime validation failed', async () => {
    let now = new Date('2025-01-01T00:00:00Z');
    const timed = await startSimulator({ scenario: 'healthy', now: () => now });
    try {
      const token = await accessToken(timed, 'inspector');
      now = new Date('2025-01-01T02:00:00Z');
      const res = await graph(timed, '/applications', token);
      expect(res.status).toBe(401);
      expect(res.body.error.message).toBe('Lifetime validation failed, the token is expired.');
    } finally {
      await timed.close();
    }
  });

  test('when PCEmail (no directory role) reads applications, then 403 Authorization_RequestDenied', async () => {
    const res = await graph(sim, '/applications', await accessToken(sim, 'pcemail'));
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    });
  });
});

describe('applications and servicePrincipals', () => {
  test('when filtering by appId with $select, then only the selected properties and id come back, secrets never', async () => {
    const appId = sim.scenario.pcemailAppIds[0];
    const res = await graph(
      sim,
      `/applications?$filter=${encodeURIComponent(`appId eq '${appId}'`)}&$select=appId,displayName,passwordCredentials`,
      inspector,
    );
    expect(res.status).toBe(200);
    expect(res.body['@odata.context']).toBe(
      `${sim.url}/v1.0/$metadata#applications(appId,displayName,passwordCredentials)`,
    );
    expect(res.body.value).toHaveLength(1);
    const [app] = res.body.value;
    expect(Object.keys(app as object).sort()).toEqual([
      'appId',
      'displayName',
      'id',
      'passwordCredentials',
    ]);
    const [credential] = app.passwordCredentials;
    expect(credential).toMatchObject({ customKeyIdentifier: null, secretText: null });
    expect(credential.hint).toBe(sim.productEnv().PCEMAIL_CLIENT_SECRET?.slice(0, 3));
    expect(JSON.stringify(res.body)).not.toContain(sim.productEnv().PCEMAIL_CLIENT_SECRET);
  });

  test("when a filter literal holds an escaped quote (''), then it matches the unescaped value", async () => {
    sim.load('mailbox-apostrophe');
    const filter = encodeURIComponent("mail eq 'O''Brien#Support@contoso.example'");
    const res = await graph(sim, `/users?$filter=${filter}&$select=mail`, inspector);
    expect(res.status).toBe(200);
    expect(res.body.value).toEqual([
      expect.objectContaining({ mail: "o'brien#support@contoso.example" }),
    ]);
  });

  test('when filtering by displayName and two registrations share it, then both are returned', async () => {
    sim.load('app-duplicate');
    const res = await graph(
      sim,
      `/applications?$filter=displayName%20eq%20'PCEmail'&$select=id,appId`,
      inspector,
    );
    expect(res.body.value).toHaveLength(2);
  });

  test('when filtering on a property Graph cannot filter, then 400 Request_UnsupportedQuery', async () => {
    const res = await graph(
      sim,
      `/applications?$filter=${encodeURIComponent("notes eq 'x'")}`,
      inspector,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('Request_UnsupportedQuery');
  });

  test('when $select names an unknown property, then 400 naming it', async () => {
    const res = await graph(sim, '/applications?$select=appId,secretValue', inspector);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "Could not find a property named 'secretValue' on type 'microsoft.graph.application'.",
    );
  });

  test('when an application is read by id or by the appId alternate key, then it is the same object; an unknown id is 404', async () => {
    const appId = sim.scenario.pcemailAppIds[0];
    const byKey = await graph(sim, `/applications(appId='${appId}')`, inspector);
    expect(byKey.status).toBe(200);
    const byId = await graph(
      sim,
      `/applications/${byKey.body.id}?$select=signInAudience`,
      inspector,
    );
    expect(byId.body).toMatchObject({ id: byKey.body.id, signInAudience: 'AzureADMyOrg' });
    expect(byKey.body.requiredResourceAccess[0].resourceAccess).toEqual([
      { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' },
      { id: 'e2a3a72e-5f79-4c64-b1b1-878b674786c9', type: 'Role' },
      { id: 'b633e1c5-b582-4048-a93e-9f11b44c7e96', type: 'Role' },
    ]);
    const missing = await graph(
      sim,
      '/applications/11111111-2222-4333-8444-555555555555',
      inspector,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('Request_ResourceNotFound');
  });

  test("when reading Graph's service principal, then its appRoles and scopes carry the well-known ids", async () => {
    const res = await graph(
      sim,
      `/servicePrincipals?$filter=appId eq '${GRAPH_APP_ID}'&$select=id,appRoles,oauth2PermissionScopes`,
      inspector,
    );
    const [sp] = res.body.value;
    const role = (v: string) => (sp.appRoles as Permission[]).find((r) => r.value === v)?.id;
    const scope = (v: string) =>
      (sp.oauth2PermissionScopes as Permission[]).find((r) => r.value === v)?.id;
    expect(role('Mail.ReadWrite')).toBe('e2a3a72e-5f79-4c64-b1b1-878b674786c9');
    expect(role('Mail.Send')).toBe('b633e1c5-b582-4048-a93e-9f11b44c7e96');
    expect(role('AppRoleAssignment.ReadWrite.All')).toBe('06b708a9-e830-4db3-a914-8e69da51d44f');
    expect(scope('User.Read')).toBe('e1fe6dd8-ba31-4d61-89e7-88639da4683d');
    expect(scope('Mail.Send')).toBe('e383f46e-2787-4529-855e-0e479a3ffac0');
  });

  test("when reading PCEmail's appRoleAssignments and grants, then both Graph roles and the User.Read grant are there", async () => {
    const sp = await graph(
      sim,
      `/servicePrincipals(appId='${sim.scenario.pcemailAppIds[0]}')?$select=id,accountEnabled`,
      inspector,
    );
    expect(sp.body.accountEnabled).toBe(true);
    const assignments = await graph(
      sim,
      `/servicePrincipals/${sp.body.id}/appRoleAssignments`,
      inspector,
    );
    expect(
      valuesOf(assignments)
        .map((a: { appRoleId: string }) => a.appRoleId)
        .sort(),
    ).toEqual(['b633e1c5-b582-4048-a93e-9f11b44c7e96', 'e2a3a72e-5f79-4c64-b1b1-878b674786c9']);
    expect(assignments.body.value[0]).toMatchObject({
      principalId: sp.body.id,
      resourceDisplayName: 'Microsoft Graph',
    });
    const grants = await graph(
      sim,
      `/oauth2PermissionGrants?$filter=clientId eq '${sp.body.id}'`,
      inspector,
    );
    expect(grants.body.value).toEqual([
      expect.objectContaining({
        consentType: 'AllPrincipals',
        scope: 'User.Read',
        principalId: null,
      }),
    ]);
    const viaSp = await graph(
      sim,
      `/servicePrincipals/${sp.body.id}/oauth2PermissionGrants`,
      inspector,
    );
    expect(viaSp.body.value).toEqual(grants.body.value);
  });

  test('when an unknown entity set is asked for, then Graph’s 400 "Resource not found for the segment"', async () => {
    const res = await graph(sim, '/widgets', inspector);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'BadRequest',
      message: "Resource not found for the segment 'widgets'.",
    });
  });

  test('when $count is asked without ConsistencyLevel, then 400; with it, then the count is given', async () => {
    const bad = await graph(sim, '/servicePrincipals?$count=true', inspector);
    expect(bad.status).toBe(400);
    const good = await graph(sim, '/servicePrincipals?$count=true', inspector, {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(good.body['@odata.count']).toBe(4);
  });
});

describe('paging', () => {
  test('when a collection is larger than the page size, then @odata.nextLink pages through it all', async () => {
    sim.load('paged');
    const seen: string[] = [];
    let next: string | undefined = `${sim.url}/v1.0/servicePrincipals?$select=id,displayName`;
    let pages = 0;
    while (next) {
      const res = await graph(sim, next, inspector);
      expect(res.status).toBe(200);
      seen.push(...valuesOf(res).map((s: { id: string }) => s.id));
      next = res.body['@odata.nextLink'];
      if (next)
        expect(next).toMatch(
          new RegExp(
            `^${sim.url}/v1\\.0/servicePrincipals\\?\\$select=id,displayName&\\$skiptoken=`,
          ),
        );
      pages++;
    }
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(4);
  });

  test('when $top is smaller than the collection, then it sets the page size', async () => {
    const res = await graph(sim, '/servicePrincipals?$top=3', inspector);
    expect(res.body.value).toHaveLength(3);
    const rest = await graph(sim, res.body['@odata.nextLink'] as string, inspector);
    expect(rest.body.value).toHaveLength(1);
    expect(rest.body['@odata.nextLink']).toBeUndefined();
  });

  test('when a skip token is tampered with, then 400', async () => {
    const res = await graph(sim, '/servicePrincipals?$skiptoken=bm9wZQ', inspector);
    expect(res.status).toBe(400);
  });
});
