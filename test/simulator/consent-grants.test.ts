import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { accessToken, graph, jwtClaims, valuesOf } from './sim-client';

const MAIL_SEND_ROLE = 'b633e1c5-b582-4048-a93e-9f11b44c7e96';
const MAIL_READWRITE_ROLE = 'e2a3a72e-5f79-4c64-b1b1-878b674786c9';
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'grant-ready' });
});
afterAll(() => sim.close());
beforeEach(() => sim.load('grant-ready'));

async function ids(token: string) {
  const graphSp = await graph(
    sim,
    "/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')?$select=id",
    token,
  );
  const pcemailSp = await graph(
    sim,
    `/servicePrincipals(appId='${sim.scenario.pcemailAppIds[0]}')?$select=id`,
    token,
  );
  return { graphSpId: graphSp.body.id as string, pcemailSpId: pcemailSp.body.id as string };
}

describe('granting consent through Graph', () => {
  test('when an app role is assigned, then 201 with the assignment; the same again is 400 "already exists"', async () => {
    const token = await accessToken(sim, 'inspector');
    const { graphSpId, pcemailSpId } = await ids(token);
    const body = {
      principalId: pcemailSpId,
      resourceId: graphSpId,
      appRoleId: MAIL_READWRITE_ROLE,
    };
    const created = await graph(sim, `/servicePrincipals/${graphSpId}/appRoleAssignedTo`, token, {
      method: 'POST',
      body,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...body,
      principalDisplayName: 'PCEmail',
      resourceDisplayName: 'Microsoft Graph',
      principalType: 'ServicePrincipal',
    });
    expect(created.body.id).toEqual(expect.any(String));
    const again = await graph(sim, `/servicePrincipals/${graphSpId}/appRoleAssignedTo`, token, {
      method: 'POST',
      body,
    });
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({
      code: 'Request_BadRequest',
      message: 'Permission being assigned already exists on the object.',
    });
    const listed = await graph(sim, `/servicePrincipals/${pcemailSpId}/appRoleAssignments`, token);
    expect(valuesOf(listed).map((a: { appRoleId: string }) => a.appRoleId)).toEqual([
      MAIL_READWRITE_ROLE,
    ]);
  });

  test('when the role id is not one of Graph’s app roles, then 400', async () => {
    const token = await accessToken(sim, 'inspector');
    const { graphSpId, pcemailSpId } = await ids(token);
    const res = await graph(sim, `/servicePrincipals/${graphSpId}/appRoleAssignedTo`, token, {
      method: 'POST',
      body: {
        principalId: pcemailSpId,
        resourceId: graphSpId,
        appRoleId: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
      },
    });
    expect(res.status).toBe(400);
  });

  test('when the caller lacks AppRoleAssignment.ReadWrite.All, then 403 and nothing is granted', async () => {
    sim.load('consent-missing');
    const token = await accessToken(sim, 'inspector');
    const { graphSpId, pcemailSpId } = await ids(token);
    const res = await graph(sim, `/servicePrincipals/${graphSpId}/appRoleAssignedTo`, token, {
      method: 'POST',
      body: { principalId: pcemailSpId, resourceId: graphSpId, appRoleId: MAIL_SEND_ROLE },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('Authorization_RequestDenied');
    const grant = await graph(sim, '/oauth2PermissionGrants', token, {
      method: 'POST',
      body: {
        clientId: pcemailSpId,
        consentType: 'AllPrincipals',
        resourceId: graphSpId,
        scope: 'User.Read',
      },
    });
    expect(grant.status).toBe(403);
    expect(
      (await graph(sim, `/servicePrincipals/${pcemailSpId}/appRoleAssignments`, token)).body.value,
    ).toEqual([]);
  });

  test('when a delegated grant is created, then 201; a second one is 409; PATCH changes its scope', async () => {
    const token = await accessToken(sim, 'inspector');
    const { graphSpId, pcemailSpId } = await ids(token);
    const body = {
      clientId: pcemailSpId,
      consentType: 'AllPrincipals',
      resourceId: graphSpId,
      scope: 'User.Read',
    };
    const created = await graph(sim, '/oauth2PermissionGrants', token, { method: 'POST', body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, principalId: null });
    const again = await graph(sim, '/oauth2PermissionGrants', token, { method: 'POST', body });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('Request_MultipleObjectsWithSameKeyValue');
    const patched = await graph(sim, `/oauth2PermissionGrants/${created.body.id}`, token, {
      method: 'PATCH',
      body: { scope: 'User.Read openid' },
    });
    expect(patched.status).toBe(204);
    expect(patched.body).toBeUndefined();
    const read = await graph(
      sim,
      `/oauth2PermissionGrants?$filter=clientId eq '${pcemailSpId}'`,
      token,
    );
    expect(read.body.value).toEqual([
      expect.objectContaining({ id: created.body.id, scope: 'User.Read openid' }),
    ]);
  });
});

const REDIRECT_URI = 'http://localhost:3978/consented';

describe('the admin-consent page', () => {
  const consentUrl = (params: Record<string, string>) =>
    `${sim.url}/${sim.scenario.tenantId}/v2.0/adminconsent?${new URLSearchParams(params).toString()}`;

  test('when opened for PCEmail, then it lists the missing permissions with user-supplied values escaped', async () => {
    sim.load('demo');
    const res = await fetch(
      consentUrl({
        client_id: sim.scenario.pcemailAppIds[0] ?? '',
        scope: 'https://graph.microsoft.com/.default',
        redirect_uri: REDIRECT_URI,
        state: '<img src=x onerror=alert(1)>"><script>alert(1)</script>',
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<strong>Mail.Send</strong> (Application)');
    expect(html).toMatch(
      /<strong>Mail\.ReadWrite<\/strong> \(Application\)[^<]*<em>\(already granted\)<\/em>/,
    );
    expect(html).toContain('1 permission(s) need your consent');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('when Accept is posted, then the grants are recorded and the browser is sent to the redirect URI', async () => {
    sim.load('consent-missing');
    const appId = sim.scenario.pcemailAppIds[0] ?? '';
    const form = new URLSearchParams({
      client_id: appId,
      scope: 'https://graph.microsoft.com/.default',
      redirect_uri: REDIRECT_URI,
      state: 'abc',
      decision: 'accept',
    });
    const res = await fetch(`${sim.url}/${sim.scenario.tenantId}/v2.0/adminconsent`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('http://localhost:3978/consented');
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      admin_consent: 'True',
      tenant: sim.scenario.tenantId,
      state: 'abc',
    });
    const claims = jwtClaims(await accessToken(sim, 'pcemail'));
    expect([...(claims.roles as string[])].sort()).toEqual(['Mail.ReadWrite', 'Mail.Send']);
    const token = await accessToken(sim, 'inspector');
    const grants = await graph(
      sim,
      `/servicePrincipals(appId='${appId}')/oauth2PermissionGrants`,
      token,
    );
    expect(grants.body.value).toEqual([
      expect.objectContaining({ consentType: 'AllPrincipals', scope: 'User.Read' }),
    ]);
  });

  test('when the scope names permissions, then only those are asked for; an unknown one is AADSTS650053', async () => {
    sim.load('demo');
    const client_id = sim.scenario.pcemailAppIds[0] ?? '';
    const named = await fetch(
      consentUrl({
        client_id,
        scope: 'https://graph.microsoft.com/Mail.Send openid',
        redirect_uri: REDIRECT_URI,
      }),
    );
    const html = await named.text();
    expect(html).toContain('<strong>Mail.Send</strong> (Application)');
    expect(html).not.toContain('Mail.ReadWrite');
    const unknown = await fetch(
      consentUrl({
        client_id,
        scope: 'https://graph.microsoft.com/Mail.Everything',
        redirect_uri: REDIRECT_URI,
      }),
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('AADSTS650053');
  });

  test('when the client id is unknown, then an error page with AADSTS700016', async () => {
    const res = await fetch(
      consentUrl({
        client_id: '11111111-2222-4333-8444-555555555555',
        scope: 'https://graph.microsoft.com/.default',
      }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('AADSTS700016');
  });

  test('when no redirect URI is sent, then Entra’s AADSTS900971 answers', async () => {
    const res = await fetch(
      consentUrl({
        client_id: sim.scenario.pcemailAppIds[0] ?? '',
        scope: 'https://graph.microsoft.com/.default',
      }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('AADSTS900971');
  });

  test('when the redirect URI is not one the app registered, then AADSTS50011 answers', async () => {
    const res = await fetch(
      consentUrl({
        client_id: sim.scenario.pcemailAppIds[0] ?? '',
        scope: 'https://graph.microsoft.com/.default',
        redirect_uri: 'https://example.com/done',
      }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('AADSTS50011');
  });

  test('when the app registers no redirect URI at all, then AADSTS500113 answers', async () => {
    const inspectorAppId = sim.productEnv().GRAPH_CLIENT_ID ?? '';
    const res = await fetch(
      consentUrl({
        client_id: inspectorAppId,
        scope: 'https://graph.microsoft.com/.default',
        redirect_uri: REDIRECT_URI,
      }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('AADSTS500113');
  });

  test('when the redirect URI is not http(s), then it is refused', async () => {
    const res = await fetch(
      consentUrl({
        client_id: sim.scenario.pcemailAppIds[0] ?? '',
        scope: 'https://graph.microsoft.com/.default',
        redirect_uri: 'javascript:alert(1)',
      }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('AADSTS50011');
  });
});
