import { listScenarios, startSimulator, type RunningSimulator } from '../../src/simulator';
import { accessToken, graph, jwtClaims, mailboxPath, requestToken } from './sim-client';

const NOW = new Date('2025-06-15T12:00:00Z');
const DAY = 86_400_000;
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy', now: () => NOW });
});
afterAll(() => sim.close());

const REQUIRED = [
  'healthy',
  'demo',
  'app-missing',
  'app-duplicate',
  'app-multi-tenant',
  'sp-missing',
  'sp-disabled',
  'secret-none',
  'secret-expired',
  'secret-expiring',
  'secret-too-long',
  'secret-id-pasted',
  'secret-multiple',
  'permission-user-read-missing',
  'permission-mail-delegated-only',
  'permission-extra',
  'consent-missing',
  'consent-mail-send-missing',
  'mailbox-out-of-scope',
  'mailbox-not-exchange',
  'mailbox-invalid-user',
  'mailbox-apostrophe',
  'unrestricted',
  'out-of-scope-not-mailbox',
  'no-out-of-scope',
  'many-mailboxes',
  'paged',
  'grant-ready',
  'pcemail-app-id',
];

interface Credential {
  keyId: string;
  startDateTime: string;
  endDateTime: string;
}
interface AppJson {
  signInAudience: string;
  passwordCredentials: Credential[];
  requiredResourceAccess: { resourceAccess: { id: string; type: string }[] }[];
}

async function pcemailApp(appId = sim.scenario.pcemailAppIds[0]): Promise<AppJson> {
  const token = await accessToken(sim, 'inspector');
  return (await graph(sim, `/applications(appId='${appId}')`, token)).body as AppJson;
}

async function pcemailSignIn() {
  const env = sim.productEnv();
  return requestToken(sim, sim.scenario.pcemailAppIds[0] ?? '', env.PCEMAIL_CLIENT_SECRET ?? '');
}

async function mailboxStatus(address: string): Promise<[number, string | undefined]> {
  const token = await accessToken(sim, 'pcemail');
  const res = await graph(sim, mailboxPath(address), token);
  return [res.status, res.body.error?.code];
}

const daysLeft = (credential: Credential | undefined) =>
  Math.floor((Date.parse(credential?.endDateTime ?? '') - NOW.getTime()) / DAY);

describe('scenarios', () => {
  test('when listing scenarios, then every required one is there', () => {
    expect(listScenarios()).toEqual(expect.arrayContaining(REQUIRED));
  });

  test.each(listScenarios())(
    'when %s is loaded, then the inspector signs in and no secret value leaks through /_sim/state',
    async (name) => {
      sim.load(name);
      const env = sim.productEnv();
      expect(env).toMatchObject({
        TENANT_ID: sim.scenario.tenantId,
        GRAPH_ENDPOINT: sim.url,
        AUTHORITY_HOST: sim.url,
      });
      expect(env.PCEMAIL_MAILBOXES?.split(',')).toEqual(sim.scenario.mailboxes);
      await accessToken(sim, 'inspector');
      const state = await (await fetch(`${sim.url}/_sim/state`)).text();
      for (const secret of [env.GRAPH_CLIENT_SECRET, env.PCEMAIL_CLIENT_SECRET].filter(
        (s) => s && !/^[0-9a-f-]{36}$/.test(s),
      )) {
        expect(state).not.toContain(secret);
      }
      expect(state).not.toContain('secretValue');
    },
  );

  test('when healthy, then the secret looks like an Entra value, lasts ~18 months, and all mailboxes behave', async () => {
    sim.load('healthy');
    const secret = sim.productEnv().PCEMAIL_CLIENT_SECRET ?? '';
    expect(secret).toMatch(/^[A-Za-z0-9]{3}\dQ~[A-Za-z0-9_.~-]{34}$/);
    const app = await pcemailApp();
    expect(app.passwordCredentials).toHaveLength(1);
    expect(daysLeft(app.passwordCredentials[0])).toBe(548);
    expect(jwtClaims((await pcemailSignIn()).body.access_token).roles).toHaveLength(2);
    for (const address of sim.scenario.mailboxes)
      expect(await mailboxStatus(address)).toEqual([200, undefined]);
    expect(await mailboxStatus(sim.scenario.outOfScopeMailbox ?? '')).toEqual([
      403,
      'ErrorAccessDenied',
    ]);
  });

  test('when demo, then the secret expires in 12 days, Mail.Send is not consented and billing is out of scope', async () => {
    sim.load('demo');
    expect(daysLeft((await pcemailApp()).passwordCredentials[0])).toBe(12);
    expect(jwtClaims((await pcemailSignIn()).body.access_token).roles).toEqual(['Mail.ReadWrite']);
    expect(await mailboxStatus('billing@contoso.example')).toEqual([403, 'ErrorAccessDenied']);
    expect(await mailboxStatus('sales@contoso.example')).toEqual([200, undefined]);
  });

  test('when the app is missing or duplicated, then the registrations by name are zero or two', async () => {
    sim.load('app-missing');
    expect(sim.scenario.pcemailAppIds).toEqual([]);
    sim.load('app-duplicate');
    expect(sim.scenario.pcemailAppIds).toHaveLength(2);
    expect(sim.productEnv()).not.toHaveProperty('PCEMAIL_APP_ID');
    sim.load('pcemail-app-id');
    expect(sim.productEnv().PCEMAIL_APP_ID).toBe(sim.scenario.pcemailAppIds[0]);
    sim.load('app-multi-tenant');
    expect((await pcemailApp()).signInAudience).toBe('AzureADMultipleOrgs');
  });

  test('when secrets vary, then lifetimes and the configured secret match the scenario', async () => {
    sim.load('secret-none');
    expect((await pcemailApp()).passwordCredentials).toEqual([]);
    expect(sim.productEnv()).not.toHaveProperty('PCEMAIL_CLIENT_SECRET');
    sim.load('secret-expiring');
    expect(daysLeft((await pcemailApp()).passwordCredentials[0])).toBe(20);
    sim.load('secret-too-long');
    const [long] = (await pcemailApp()).passwordCredentials;
    expect(
      Math.round(
        (Date.parse(long?.endDateTime ?? '') - Date.parse(long?.startDateTime ?? '')) / DAY,
      ),
    ).toBe(1095);
    sim.load('secret-multiple');
    const several = (await pcemailApp()).passwordCredentials.map(daysLeft);
    expect(several).toEqual([-40, 25, 725]);
    expect((await pcemailSignIn()).status).toBe(200);
    sim.load('secret-id-pasted');
    const [pasted] = (await pcemailApp()).passwordCredentials;
    expect(sim.productEnv().PCEMAIL_CLIENT_SECRET).toBe(pasted?.keyId);
  });

  test('when permissions vary, then requiredResourceAccess and the token roles follow', async () => {
    const access = async () =>
      (await pcemailApp()).requiredResourceAccess[0]?.resourceAccess.map(
        (r: { type: string }) => r.type,
      );
    sim.load('permission-user-read-missing');
    expect(await access()).toEqual(['Role', 'Role']);
    sim.load('permission-mail-delegated-only');
    expect(await access()).toEqual(['Scope', 'Scope', 'Scope']);
    expect(jwtClaims((await pcemailSignIn()).body.access_token)).not.toHaveProperty('roles');
    sim.load('permission-extra');
    expect([...jwtClaims((await pcemailSignIn()).body.access_token).roles].sort()).toEqual([
      'Mail.Read',
      'Mail.ReadWrite',
      'Mail.Send',
      'User.Read.All',
    ]);
    sim.load('consent-mail-send-missing');
    expect(jwtClaims((await pcemailSignIn()).body.access_token).roles).toEqual(['Mail.ReadWrite']);
    sim.load('grant-ready');
    expect(jwtClaims(await accessToken(sim, 'inspector')).roles).toEqual(
      expect.arrayContaining([
        'AppRoleAssignment.ReadWrite.All',
        'DelegatedPermissionGrant.ReadWrite.All',
      ]),
    );
  });

  test('when mailboxes vary, then each answers as Exchange would', async () => {
    sim.load('mailbox-out-of-scope');
    expect(await mailboxStatus('sales@contoso.example')).toEqual([403, 'ErrorAccessDenied']);
    sim.load('mailbox-apostrophe');
    expect(sim.scenario.mailboxes).toContain("o'brien#support@contoso.example");
    expect(await mailboxStatus("o'brien#support@contoso.example")).toEqual([200, undefined]);
    sim.load('out-of-scope-not-mailbox');
    expect(await mailboxStatus(sim.scenario.outOfScopeMailbox ?? '')).toEqual([
      404,
      'ErrorInvalidUser',
    ]);
    sim.load('no-out-of-scope');
    expect(sim.productEnv()).not.toHaveProperty('PCEMAIL_OUT_OF_SCOPE_MAILBOX');
  });

  test('when many-mailboxes, then 50 configured mailboxes are all readable', async () => {
    sim.load('many-mailboxes');
    expect(sim.scenario.mailboxes).toHaveLength(50);
    const token = await accessToken(sim, 'pcemail');
    const statuses: number[] = [];
    for (let i = 0; i < 50; i += 20) {
      const requests = sim.scenario.mailboxes
        .slice(i, i + 20)
        .map((m, j) => ({ id: String(j), method: 'GET', url: mailboxPath(m) }));
      const res = await graph(sim, '/$batch', token, { method: 'POST', body: { requests } });
      statuses.push(...(res.body.responses as { status: number }[]).map((r) => r.status));
    }
    expect(statuses).toEqual(Array(50).fill(200));
  });

  test('when the product is repointed by load(), then the same identities keep working across scenarios', () => {
    sim.load('healthy');
    const before = sim.productEnv();
    sim.load('consent-missing');
    const after = sim.productEnv();
    expect(after.TENANT_ID).toBe(before.TENANT_ID);
    expect(after.GRAPH_CLIENT_SECRET).toBe(before.GRAPH_CLIENT_SECRET);
    expect(after.PCEMAIL_CLIENT_SECRET).toBe(before.PCEMAIL_CLIENT_SECRET);
  });
});
