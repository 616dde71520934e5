import { randomBytes } from 'node:crypto';
import { entraError, type EntraError } from './entra-errors';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from './graph-service-principal';
import type { Runtime } from './runtime';
import type { TenantState, User } from './tenant-state';

/*
 * The on-behalf-of grant of Microsoft Entra's token endpoint, and a way for tests (and the
 * playground) to mint the user token a Teams client would hold after single sign-on.
 *
 * OBO request (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow):
 * `grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer`, `client_id`, `client_secret`,
 * `assertion` (the user's access token, issued for this client), `scope`, and
 * `requested_token_use=on_behalf_of`. The answer is an access token for the resource whose `scp`
 * holds the delegated scopes granted. Error codes (AADSTS…) are those Entra answers, looked up with
 * https://login.microsoftonline.com/error?code=N; the list is at
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes.
 */

export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Teams' desktop/mobile and web clients, which Teams SSO pre-authorises on the bot's scope. */
const TEAMS_CLIENT_IDS = [
  '1fec8e78-bce4-4aaf-ab1b-5451cc387264',
  '5e3ce6c0-2b1f-4285-8d4b-75ee78787346',
];
/**
 * The built-in roles that may grant app roles and delegated permissions to Microsoft Graph:
 * https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent ("Privileged Role
 * Administrator" for Graph application permissions, or "Global Administrator").
 */
const CONSENT_ADMIN_ROLES = ['Privileged Role Administrator', 'Global Administrator'];

const TOKEN_LIFETIME_SECONDS = 3599;
const CLOCK_SKEW_SECONDS = 300;
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

const oboErrors = {
  /** Signature, issuer or shape wrong: not a token this Entra issued for this tenant. */
  invalidAssertion: () =>
    entraError(400, 'invalid_grant', 50013, 'Assertion failed signature validation.'),
  /** The user token expired (the OBO assertion must be valid when it is exchanged). */
  expired: () =>
    entraError(
      400,
      'invalid_grant',
      500133,
      'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.',
    ),
  /** The user token was issued for another application than the one exchanging it. */
  wrongAudience: () =>
    entraError(400, 'invalid_grant', 500131, 'Assertion audience does not match the Client app.'),
  consentMissing: (appId: string, appName: string) =>
    entraError(
      400,
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${appId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
    ),
  invalidScope: (scope: string) =>
    entraError(
      400,
      'invalid_scope',
      70011,
      `The provided value for the input parameter 'scope' isn't valid. The scope ${scope} isn't valid.`,
    ),
};

/** Graph scopes a delegated request names, short form (`https://graph.microsoft.com/X` → `X`). */
function graphScopes(scope: string): string[] | undefined {
  const names: string[] = [];
  for (const word of scope.split(/\s+/)) {
    if (word === '' || OIDC_SCOPES.has(word)) continue;
    const lower = word.toLowerCase();
    const prefix = [`${GRAPH_RESOURCE}/`, `${GRAPH_APP_ID}/`].find((p) => lower.startsWith(p));
    const name = prefix ? word.slice(prefix.length) : word;
    if (name === '' || name.includes('/') || name === '.default') return undefined;
    names.push(name);
  }
  return names.length > 0 ? names : undefined;
}

/** Delegated scopes granted to the client on Graph, for everyone or for this user. */
function grantedScopes(state: TenantState, clientSpId: string, userId: string): Set<string> {
  const graph = state.servicePrincipals.find((s) => s.appId === GRAPH_APP_ID);
  const scopes = new Set<string>();
  for (const g of state.oauth2PermissionGrants) {
    if (g.clientId !== clientSpId || g.resourceId !== graph?.id) continue;
    if (g.consentType === 'Principal' && g.principalId !== userId) continue;
    for (const s of g.scope.split(/\s+/)) if (s !== '') scopes.add(s.toLowerCase());
  }
  return scopes;
}

/** The OBO exchange, after the client has proven its identity (client id and secret). */
export function issueOnBehalfOf(
  rt: Runtime,
  tenant: TenantState,
  form: URLSearchParams,
  client: { appId: string; displayName: string; servicePrincipalId: string },
): { token: string; scope: string } | { error: EntraError } {
  if (form.get('requested_token_use') !== 'on_behalf_of')
    return {
      error: entraError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'requested_token_use'.",
      ),
    };
  const assertion = form.get('assertion') ?? '';
  if (assertion === '')
    return {
      error: entraError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'assertion'.",
      ),
    };
  const scopeText = form.get('scope') ?? '';
  const scopes = graphScopes(scopeText);
  if (!scopes) return { error: oboErrors.invalidScope(scopeText) };

  const verified = rt.signer.verify(assertion);
  if (!verified.ok) return { error: oboErrors.invalidAssertion() };
  const claims = verified.claims;
  if (claims.tid !== tenant.tenantId || typeof claims.oid !== 'string')
    return { error: oboErrors.invalidAssertion() };
  const now = Math.floor(rt.now().getTime() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_SECONDS <= now)
    return { error: oboErrors.expired() };
  const audience = typeof claims.aud === 'string' ? claims.aud.toLowerCase() : '';
  if (audience !== client.appId && !audience.endsWith(`/botid-${client.appId}`))
    return { error: oboErrors.wrongAudience() };
  const user = tenant.users.find((u) => u.id === claims.oid);
  if (!user) return { error: oboErrors.invalidAssertion() };
  const granted = grantedScopes(tenant, client.servicePrincipalId, user.id);
  if (!scopes.every((s) => granted.has(s.toLowerCase())))
    return { error: oboErrors.consentMissing(client.appId, client.displayName) };

  const issuer = `https://sts.windows.net/${tenant.tenantId}/`;
  const scope = scopes.join(' ');
  const token = rt.signer.sign({
    aud: GRAPH_RESOURCE,
    iss: issuer,
    iat: now,
    nbf: now,
    exp: now + TOKEN_LIFETIME_SECONDS + 1,
    app_displayname: client.displayName,
    appid: client.appId,
    appidacr: '1',
    idtyp: 'user',
    name: user.displayName,
    oid: user.id,
    scp: scope,
    sub: randomBytes(16).toString('base64url'),
    tid: tenant.tenantId,
    upn: user.userPrincipalName,
    uti: randomBytes(16).toString('base64url').slice(0, 22),
    ver: '1.0',
  });
  return { token, scope };
}

export interface UserTokenRequest {
  /** The app the token is for (the bot's SSO app id), as Teams SSO asks for it. */
  clientId: string;
  userId: string;
  displayName?: string;
  /** Sets the user's directory roles, e.g. ["Privileged Role Administrator"]. */
  directoryRoles?: string[];
  /** Seconds until the token expires; negative for a token that expired already. */
  lifetimeSeconds?: number;
}

/**
 * POST /_sim/sso/token: the access token Teams single sign-on would give the bot for this user
 * (audience `api://botid-{clientId}`, scope `access_as_user`, issued to the Teams client). The user
 * is created when missing; `directoryRoles` replaces their roles.
 */
export function mintUserToken(
  rt: Runtime,
  input: Record<string, unknown>,
): { status: number; body: unknown } {
  const clientId = typeof input.clientId === 'string' ? input.clientId.toLowerCase() : '';
  const userId = typeof input.userId === 'string' ? input.userId.toLowerCase() : '';
  if (clientId === '' || userId === '')
    return {
      status: 400,
      body: { error: { code: 'SimulatorControl', message: 'clientId and userId are required' } },
    };
  const roles = input.directoryRoles;
  if (roles !== undefined && (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string')))
    return {
      status: 400,
      body: {
        error: { code: 'SimulatorControl', message: 'directoryRoles must be a list of role names' },
      },
    };
  const lifetime =
    typeof input.lifetimeSeconds === 'number' ? input.lifetimeSeconds : TOKEN_LIFETIME_SECONDS;
  const state = rt.state;
  let user = state.users.find((u) => u.id === userId);
  if (!user) {
    const name =
      typeof input.displayName === 'string' ? input.displayName : `User ${userId.slice(0, 8)}`;
    user = {
      id: userId,
      displayName: name,
      userPrincipalName: `${userId.slice(0, 8)}@${state.domain}`,
      mail: null,
      mailbox: null,
    } satisfies User;
    state.users.push(user);
  }
  if (Array.isArray(roles)) user.directoryRoles = [...(roles as string[])];
  const now = Math.floor(rt.now().getTime() / 1000);
  const token = rt.signer.sign({
    aud: `api://botid-${clientId}`,
    iss: `https://sts.windows.net/${state.tenantId}/`,
    iat: now - 60,
    nbf: now - 60,
    exp: now + lifetime,
    appid: TEAMS_CLIENT_IDS[0],
    appidacr: '0',
    idtyp: 'user',
    name: user.displayName,
    oid: user.id,
    scp: 'access_as_user',
    tid: state.tenantId,
    upn: user.userPrincipalName,
    ver: '1.0',
  });
  return { status: 200, body: { token, userId: user.id } };
}

/**
 * POST /_sim/sso/consent: admin consent for the bot's delegated Graph scopes (what an
 * administrator gives once when the bot is set up for CONSENT_MODE=delegated).
 */
export function consentDelegatedScopes(
  rt: Runtime,
  input: Record<string, unknown>,
): { status: number; body?: unknown } {
  const clientId = typeof input.clientId === 'string' ? input.clientId.toLowerCase() : '';
  const scopes = Array.isArray(input.scopes)
    ? input.scopes.filter((s): s is string => typeof s === 'string')
    : [];
  const state = rt.state;
  const sp = state.servicePrincipals.find((s) => s.appId === clientId);
  const graph = state.servicePrincipals.find((s) => s.appId === GRAPH_APP_ID);
  if (!sp || !graph || scopes.length === 0)
    return {
      status: 400,
      body: {
        error: {
          code: 'SimulatorControl',
          message: 'clientId must name an app with a service principal; scopes a non-empty list',
        },
      },
    };
  const existing = state.oauth2PermissionGrants.find(
    (g) => g.clientId === sp.id && g.resourceId === graph.id && g.consentType === 'AllPrincipals',
  );
  if (existing) {
    const words = new Set(existing.scope.split(/\s+/).filter((w) => w !== ''));
    for (const s of scopes) words.add(s);
    existing.scope = [...words].join(' ');
  } else {
    state.oauth2PermissionGrants.push({
      id: randomBytes(32).toString('base64url').slice(0, 43),
      clientId: sp.id,
      consentType: 'AllPrincipals',
      principalId: null,
      resourceId: graph.id,
      scope: scopes.join(' '),
    });
  }
  return { status: 204 };
}

/** Graph's rule for delegated grant writes: the signed-in user must hold a consent admin role. */
export function userMayGrant(state: TenantState, userId: string): boolean {
  const user = state.users.find((u) => u.id === userId);
  return (user?.directoryRoles ?? []).some((r) => CONSENT_ADMIN_ROLES.includes(r));
}
