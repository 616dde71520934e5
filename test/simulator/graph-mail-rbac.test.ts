import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { accessToken, graph, jwtClaims, mailboxPath } from './sim-client';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'rbac-restricted' });
});
afterAll(() => sim.close());

const PLAIN_DENIAL = {
  code: 'ErrorAccessDenied',
  message: 'Access is denied. Check credentials and try again.',
};

describe('RBAC for Applications (https://learn.microsoft.com/exchange/permissions-exo/application-rbac)', () => {
  test('when a scoped role assignment covers the mailbox, then PCEmail reads it with no Mail role in its token', async () => {
    sim.load('rbac-restricted');
    const token = await accessToken(sim, 'pcemail');
    expect(jwtClaims(token).roles).toBeUndefined();
    const res = await graph(sim, mailboxPath('support@contoso.example'), token);
    expect(res.status).toBe(200);
  });

  test('when the mailbox is outside the management scope, then a plain 403 ErrorAccessDenied (not the [RAOP] one)', async () => {
    sim.load('rbac-restricted');
    const token = await accessToken(sim, 'pcemail');
    const res = await graph(sim, mailboxPath('ceo@contoso.example'), token);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject(PLAIN_DENIAL);
  });

  test('when a tenant-wide Entra consent is left beside the RBAC scope, then the two add up and every mailbox is readable', async () => {
    sim.load('rbac-tenant-wide-consent');
    const token = await accessToken(sim, 'pcemail');
    const res = await graph(sim, mailboxPath('ceo@contoso.example'), token);
    expect(res.status).toBe(200);
  });
});

describe('a least-privilege inspector', () => {
  test('when the inspector holds Application.Read.All only, then it reads applications but listing oauth2PermissionGrants is 403 Authorization_RequestDenied', async () => {
    sim.load('inspector-application-read-only');
    const token = await accessToken(sim, 'inspector');
    expect(jwtClaims(token).roles).toEqual(['Application.Read.All']);
    const apps = await graph(sim, '/applications?$select=id', token);
    expect(apps.status).toBe(200);
    const grants = await graph(sim, '/oauth2PermissionGrants', token);
    expect(grants.status).toBe(403);
    expect(grants.body.error.code).toBe('Authorization_RequestDenied');
  });

  test('when the inspector also holds Directory.Read.All, then the grants are listed', async () => {
    sim.load('healthy');
    const token = await accessToken(sim, 'inspector');
    const grants = await graph(sim, '/oauth2PermissionGrants', token);
    expect(grants.status).toBe(200);
  });
});
