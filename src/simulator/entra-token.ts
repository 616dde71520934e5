import { randomBytes } from 'node:crypto';
import { aadsts, entraErrorBody, type EntraError } from './entra-errors';
import { issueOnBehalfOf, JWT_BEARER } from './entra-obo';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from './graph-service-principal';
import type { Runtime } from './runtime';
import type { TenantState } from './tenant-state';

export interface EntraReply {
  status: number;
  body: unknown;
  /** The client_id sent, for the request log. */
  clientId?: string;
}

const TOKEN_LIFETIME_SECONDS = 3599;
const GRAPH_RESOURCE_NAMES = new Set([GRAPH_RESOURCE, `${GRAPH_RESOURCE}/`, GRAPH_APP_ID]);
// MSAL may add the OpenID scopes to any request; for client credentials Entra ignores them.
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

/** Client credentials from the body, or from HTTP Basic (client_secret_basic) as Entra also accepts. */
function clientCredentials(form: URLSearchParams, authorization: string | undefined) {
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
  if (basic?.[1]) {
    const [id = '', secret = ''] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    return { clientId: decodeURIComponent(id), secret: decodeURIComponent(secret) };
  }
  return { clientId: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
}

/** The resource a client-credentials scope names, or an AADSTS error. */
function graphScope(scope: string, tenant: TenantState): EntraError | undefined {
  const scopes = scope.split(/\s+/).filter((s) => s !== '' && !OIDC_SCOPES.has(s));
  const [only] = scopes;
  if (scopes.length !== 1 || only === undefined || !only.endsWith('/.default'))
    return aadsts.invalidScope(scope);
  const resource = only.slice(0, -'/.default'.length);
  return GRAPH_RESOURCE_NAMES.has(resource.toLowerCase())
    ? undefined
    : aadsts.resourceNotFound(resource, tenant.displayName);
}

function rolesOf(state: TenantState, servicePrincipalId: string): string[] {
  const graph = state.servicePrincipals.find((s) => s.appId === GRAPH_APP_ID);
  const values = state.appRoleAssignments
    .filter((a) => a.principalId === servicePrincipalId && a.resourceId === graph?.id)
    .map((a) => graph?.appRoles.find((r) => r.id === a.appRoleId)?.value)
    .filter((v): v is string => v !== undefined);
  return [...new Set(values)];
}

type Issued = { token: string; scope?: string } | { error: EntraError };

function issue(
  rt: Runtime,
  tenantSegment: string,
  form: URLSearchParams,
  clientId: string,
  secret: string,
  assertion: boolean,
): Issued {
  const tenant = rt.resolveTenant(tenantSegment);
  if (tenant === 'invalid') return { error: aadsts.invalidTenantName(tenantSegment) };
  if (!tenant) return { error: aadsts.tenantNotFound(tenantSegment) };
  const grantType = form.get('grant_type');
  if (!grantType) return { error: aadsts.missingParameter('grant_type') };
  const onBehalfOf = grantType === JWT_BEARER;
  if (grantType !== 'client_credentials' && !onBehalfOf)
    return { error: aadsts.unsupportedGrantType(grantType) };
  if (!clientId) return { error: aadsts.missingParameter('client_id') };
  const scope = form.get('scope');
  if (!scope) return { error: aadsts.missingParameter('scope') };
  const scopeError = onBehalfOf ? undefined : graphScope(scope, tenant);
  if (scopeError) return { error: scopeError };

  const app = tenant.applications.find((a) => a.appId === clientId.toLowerCase());
  if (!app) return { error: aadsts.appNotFound(clientId, tenantSegment) };
  if (!secret)
    return { error: assertion ? aadsts.invalidSecret(app.appId) : aadsts.missingSecret() };
  // A pasted Secret ID (keyId) matches no value, so it is the same "invalid secret" as a typo.
  const credential = app.passwordCredentials.find((p) => p.secretValue === secret);
  const now = rt.now();
  if (!credential || Date.parse(credential.startDateTime) > now.getTime())
    return { error: aadsts.invalidSecret(app.appId) };
  if (Date.parse(credential.endDateTime) <= now.getTime())
    return { error: aadsts.expiredSecret(app.appId) };

  const sp = tenant.servicePrincipals.find((s) => s.appId === app.appId);
  if (!sp) return { error: aadsts.missingServicePrincipal(app.appId, tenant.tenantId) };
  if (!sp.accountEnabled) return { error: aadsts.appDisabled(app.appId, app.displayName) };
  if (onBehalfOf) {
    const obo = issueOnBehalfOf(rt, tenant, form, {
      appId: app.appId,
      displayName: app.displayName,
      servicePrincipalId: sp.id,
    });
    return 'error' in obo ? obo : { token: obo.token, scope: obo.scope };
  }

  const iat = Math.floor(now.getTime() / 1000);
  const roles = rolesOf(tenant, sp.id);
  const issuer = `https://sts.windows.net/${tenant.tenantId}/`;
  const token = rt.signer.sign({
    aud: GRAPH_RESOURCE,
    iss: issuer,
    iat,
    nbf: iat,
    exp: iat + TOKEN_LIFETIME_SECONDS + 1,
    app_displayname: app.displayName,
    appid: app.appId,
    appidacr: '1',
    azp: app.appId,
    idp: issuer,
    idtyp: 'app',
    oid: sp.id,
    ...(roles.length > 0 ? { roles } : {}),
    sub: sp.id,
    tid: tenant.tenantId,
    uti: randomBytes(16).toString('base64url').slice(0, 22),
    ver: '1.0',
  });
  return { token };
}

/** POST /{tenant}/oauth2/v2.0/token: the client-credentials grant, with Entra's errors. */
export function handleTokenRequest(
  rt: Runtime,
  request: { tenant: string; method: string; authorization?: string; body: string },
  ids: { traceId: string; correlationId: string },
): EntraReply {
  if (request.method !== 'POST') {
    return {
      status: 400,
      body: entraErrorBody(
        aadsts.postOnly(request.method),
        ids.traceId,
        ids.correlationId,
        rt.now(),
      ),
    };
  }
  const form = new URLSearchParams(request.body);
  const { clientId, secret } = clientCredentials(form, request.authorization);
  const result = issue(rt, request.tenant, form, clientId, secret, form.has('client_assertion'));
  if ('error' in result) {
    return {
      status: result.error.status,
      body: entraErrorBody(result.error, ids.traceId, ids.correlationId, rt.now()),
      clientId: clientId || undefined,
    };
  }
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: result.token,
      ...(result.scope ? { scope: result.scope } : {}),
    },
    clientId,
  };
}
