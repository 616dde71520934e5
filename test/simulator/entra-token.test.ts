import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { graph, jwtClaims, requestToken, rolesOf } from './sim-client';

const NOW = new Date('2025-03-01T10:00:00Z');
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy', now: () => NOW });
});
afterAll(() => sim.close());
beforeEach(() => sim.load('healthy'));

function pcemail() {
  return {
    appId: sim.scenario.pcemailAppIds[0] ?? '',
    secret: sim.productEnv().PCEMAIL_CLIENT_SECRET ?? '',
  };
}

describe('Entra token endpoint', () => {
  test('when PCEmail signs in with its secret, then a Graph token with its consented roles is issued', async () => {
    const { appId, secret } = pcemail();
    const res = await requestToken(sim, appId, secret, { extra: { client_info: '1' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3599,
      ext_expires_in: 3599,
    });
    const [header] = (res.body.access_token as string).split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toMatchObject({
      alg: 'RS256',
      typ: 'JWT',
    });
    const claims = jwtClaims(res.body.access_token);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${sim.scenario.tenantId}/`,
      tid: sim.scenario.tenantId,
      appid: appId,
      azp: appId,
      iat: NOW.getTime() / 1000,
      nbf: NOW.getTime() / 1000,
    });
    expect(claims.exp - claims.iat).toBe(3600);
    expect([...(claims.roles as string[])].sort()).toEqual(['Mail.ReadWrite', 'Mail.Send']);
    const state = (await (await fetch(`${sim.url}/_sim/state`)).json()) as {
      servicePrincipals: { appId: string; id: string }[];
    };
    const sp = state.servicePrincipals.find((s) => s.appId === appId);
    expect(claims.oid).toBe(sp?.id);
  });

  test('when the tenant is named by its domain, then the token is issued too', async () => {
    const { appId, secret } = pcemail();
    const res = await requestToken(sim, appId, secret, { tenant: sim.scenario.domain });
    expect(res.status).toBe(200);
  });

  test('when the secret is wrong, then 401 invalid_client AADSTS7000215 in Entra’s shape', async () => {
    const { appId } = pcemail();
    const res = await requestToken(sim, appId, 'abc8Q~not-the-secret-value-at-all-xxxxxxx', {});
    expect(res.status).toBe(401);
    expect(res.headers.get('x-ms-request-id')).toBe(res.body.trace_id);
    expect(res.body).toMatchObject({
      error: 'invalid_client',
      error_codes: [7000215],
      error_uri: 'https://login.microsoftonline.com/error?code=7000215',
    });
    expect(res.body.error_description).toMatch(
      new RegExp(
        `^AADSTS7000215: Invalid client secret provided\\. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'\\.\\r\\nTrace ID: .+\\r\\nCorrelation ID: .+\\r\\nTimestamp: 2025-03-01 10:00:00Z$`,
      ),
    );
    expect(res.body.timestamp).toBe('2025-03-01 10:00:00Z');
    expect(typeof res.body.correlation_id).toBe('string');
  });

  test('when the product is configured with the Secret ID, then AADSTS7000215', async () => {
    sim.load('secret-id-pasted');
    const env = sim.productEnv();
    expect(env.PCEMAIL_CLIENT_SECRET).toMatch(/^[0-9a-f-]{36}$/);
    const res = await requestToken(
      sim,
      sim.scenario.pcemailAppIds[0] ?? '',
      env.PCEMAIL_CLIENT_SECRET ?? '',
    );
    expect(res.status).toBe(401);
    expect(res.body.error_codes).toEqual([7000215]);
  });

  test('when the configured secret has expired, then 401 AADSTS7000222', async () => {
    sim.load('secret-expired');
    const { appId, secret } = pcemail();
    const res = await requestToken(sim, appId, secret);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_client');
    expect(res.body.error_codes).toEqual([7000222]);
    expect(res.body.error_description).toContain(
      `AADSTS7000222: The provided client secret keys for app '${appId}' are expired.`,
    );
  });

  test('when the app does not exist, then 400 unauthorized_client AADSTS700016', async () => {
    const res = await requestToken(sim, '11111111-2222-4333-8444-555555555555', 'whatever');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('unauthorized_client');
    expect(res.body.error_codes).toEqual([700016]);
    expect(res.body.error_description).toContain(
      `AADSTS700016: Application with identifier '11111111-2222-4333-8444-555555555555' was not found in the directory '${sim.scenario.tenantId}'.`,
    );
  });

  test('when the tenant does not exist, then 400 invalid_request AADSTS90002', async () => {
    const { appId, secret } = pcemail();
    const tenant = '99999999-2222-4333-8444-555555555555';
    const res = await requestToken(sim, appId, secret, { tenant });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
    expect(res.body.error_description).toContain(`AADSTS90002: Tenant '${tenant}' not found.`);
  });

  test('when the scope is not a /.default scope, then 400 invalid_scope', async () => {
    const { appId, secret } = pcemail();
    const res = await requestToken(sim, appId, secret, { scope: 'Mail.Read' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_scope');
  });

  test('when PCEmail has no service principal or it is disabled, then sign-in fails with AADSTS7000229 / 7000112', async () => {
    sim.load('sp-missing');
    let res = await requestToken(sim, pcemail().appId, pcemail().secret);
    expect(res.body.error_codes).toEqual([7000229]);
    sim.load('sp-disabled');
    res = await requestToken(sim, pcemail().appId, pcemail().secret);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'unauthorized_client', error_codes: [7000112] });
  });

  test('when a token endpoint is called with GET, then AADSTS900561', async () => {
    const res = await fetch(`${sim.url}/${sim.scenario.tenantId}/oauth2/v2.0/token`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error_codes: number[] }).error_codes).toEqual([900561]);
  });

  test('when Mail.Send is not consented, then the roles claim lacks it; with no consent at all, there is no roles claim', async () => {
    sim.load('demo');
    let res = await requestToken(sim, pcemail().appId, pcemail().secret);
    expect(jwtClaims(res.body.access_token).roles).toEqual(['Mail.ReadWrite']);
    sim.load('consent-missing');
    res = await requestToken(sim, pcemail().appId, pcemail().secret);
    expect(jwtClaims(res.body.access_token)).not.toHaveProperty('roles');
  });

  test('when a role is granted through Graph, then the next token carries it', async () => {
    sim.load('grant-ready');
    const env = sim.productEnv();
    const inspector = await requestToken(
      sim,
      env.GRAPH_CLIENT_ID ?? '',
      env.GRAPH_CLIENT_SECRET ?? '',
    );
    const graphSp = await graph(
      sim,
      "/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=id",
      inspector.body.access_token as string,
    );
    const pcemailSp = await graph(
      sim,
      `/servicePrincipals(appId='${pcemail().appId}')?$select=id`,
      inspector.body.access_token as string,
    );
    const created = await graph(
      sim,
      `/servicePrincipals/${graphSp.body.id}/appRoleAssignedTo`,
      inspector.body.access_token as string,
      {
        method: 'POST',
        body: {
          principalId: pcemailSp.body.id,
          resourceId: graphSp.body.id,
          appRoleId: 'b633e1c5-b582-4048-a93e-9f11b44c7e96',
        },
      },
    );
    expect(created.status).toBe(201);
    const res = await requestToken(sim, pcemail().appId, pcemail().secret);
    expect(jwtClaims(res.body.access_token).roles).toEqual(['Mail.Send']);
  });

  test('when the inspector signs in, then its token holds its directory roles', async () => {
    const env = sim.productEnv();
    const res = await requestToken(sim, env.GRAPH_CLIENT_ID ?? '', env.GRAPH_CLIENT_SECRET ?? '');
    expect(rolesOf(res.body.access_token)).toEqual(['Application.Read.All', 'Directory.Read.All']);
  });
});
