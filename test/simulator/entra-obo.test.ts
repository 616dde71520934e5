import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { accessToken, graph, jwtClaims, requestToken } from './sim-client';

const USER = '4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c1d';
const SCOPES = [
  'https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All',
  'https://graph.microsoft.com/DelegatedPermissionGrant.ReadWrite.All',
];
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'consent-missing' });
});
afterAll(() => sim.close());
beforeEach(() => sim.load('consent-missing'));

async function control(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${sim.url}/_sim/sso/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

async function userToken(roles: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const env = sim.productEnv();
  const minted = await control('token', {
    clientId: env.GRAPH_CLIENT_ID,
    userId: USER,
    displayName: 'Pat Admin',
    directoryRoles: roles,
    ...extra,
  });
  expect(minted.status).toBe(200);
  return (minted.body as { token: string }).token;
}

function onBehalfOf(assertion: string) {
  const env = sim.productEnv();
  return requestToken(sim, env.GRAPH_CLIENT_ID ?? '', env.GRAPH_CLIENT_SECRET ?? '', {
    scope: `${SCOPES.join(' ')} offline_access openid profile`,
    extra: {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      assertion,
    },
  });
}

describe('the on-behalf-of grant and delegated grant writes', () => {
  test('when the app has no consent for the delegated scopes, then AADSTS65001; with it, a user token with scp', async () => {
    const assertion = await userToken(['Global Administrator']);
    const refused = await onBehalfOf(assertion);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'invalid_grant', error_codes: [65001] });

    const env = sim.productEnv();
    await control('consent', {
      clientId: env.GRAPH_CLIENT_ID,
      scopes: ['AppRoleAssignment.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All'],
    });
    const issued = await onBehalfOf(assertion);
    expect(issued.status).toBe(200);
    const claims = jwtClaims(issued.body.access_token);
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      oid: USER,
      scp: 'AppRoleAssignment.ReadWrite.All DelegatedPermissionGrant.ReadWrite.All',
      idtyp: 'user',
    });
    expect(claims.roles).toBeUndefined();
  });

  test('when the assertion is expired, forged or another app’s, then 500133, 50013 or 500131', async () => {
    const env = sim.productEnv();
    await control('consent', {
      clientId: env.GRAPH_CLIENT_ID,
      scopes: ['AppRoleAssignment.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All'],
    });
    const expired = await onBehalfOf(await userToken([], { lifetimeSeconds: -3600 }));
    expect(expired.body).toMatchObject({ error: 'invalid_grant', error_codes: [500133] });
    const valid = await userToken([]);
    const forged = await onBehalfOf(`${valid.slice(0, valid.lastIndexOf('.'))}.AAAA`);
    expect(forged.body).toMatchObject({ error: 'invalid_grant', error_codes: [50013] });
    const other = await onBehalfOf(
      await userToken([], { clientId: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d' }),
    );
    expect(other.body).toMatchObject({ error: 'invalid_grant', error_codes: [500131] });
  });

  test('when a signed-in user without an admin role writes a grant, then 403 Authorization_RequestDenied; with the role, 201', async () => {
    const env = sim.productEnv();
    await control('consent', {
      clientId: env.GRAPH_CLIENT_ID,
      scopes: ['AppRoleAssignment.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All'],
    });
    const write = async (roles: string[]) => {
      const obo = await onBehalfOf(await userToken(roles));
      const token = obo.body.access_token as string;
      // Reads with the app-only identity, as the bot does; the write with the user's token.
      const reader = await accessToken(sim, 'inspector');
      const graphSp = await graph(
        sim,
        "/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=id",
        reader,
      );
      const pcemail = await graph(
        sim,
        `/servicePrincipals(appId='${sim.scenario.pcemailAppIds[0]}')?$select=id`,
        reader,
      );
      return graph(
        sim,
        `/servicePrincipals/${graphSp.body.id as string}/appRoleAssignedTo`,
        token,
        {
          method: 'POST',
          body: {
            principalId: pcemail.body.id,
            resourceId: graphSp.body.id,
            appRoleId: 'b633e1c5-b582-4048-a93e-9f11b44c7e96',
          },
        },
      );
    };
    const denied = await write(['User Administrator']);
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: { code: 'Authorization_RequestDenied' } });
    const allowed = await write(['Privileged Role Administrator']);
    expect(allowed.status).toBe(201);
  });
});
