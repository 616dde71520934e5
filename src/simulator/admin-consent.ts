import { randomUUID } from 'node:crypto';
import {
  renderConsentPage,
  renderErrorPage,
  renderResultPage,
  type PermissionLine,
} from './admin-consent-page';
import { aadsts, type EntraError } from './entra-errors';
import { createAppRoleAssignment } from './graph-app-role-assignments';
import { createPermissionGrant } from './graph-permission-grants';
import { GRAPH_APP_ID, GRAPH_RESOURCE } from './graph-service-principal';
import type { Runtime } from './runtime';
import type { Application, ResourceAccess, ServicePrincipal, TenantState } from './tenant-state';

export interface HtmlReply {
  status: number;
  html?: string;
  location?: string;
  clientId?: string;
}

interface ConsentRequest {
  state: TenantState;
  app: Application;
  lines: PermissionLine[];
  fields: Record<string, string>;
}

function graphOf(state: TenantState): ServicePrincipal | undefined {
  return state.servicePrincipals.find((s) => s.appId === GRAPH_APP_ID);
}

const GRAPH_PREFIX = /^(https:\/\/graph\.microsoft\.com|00000003-0000-0000-c000-000000000000)\//i;
const SIGN_IN_SCOPES = ['openid', 'profile', 'offline_access'];

/** One scope entry → Graph permissions: `.default` = the app's requiredResourceAccess, else one by name. */
function permissionsFor(
  entry: string,
  app: Application,
  graph: ServicePrincipal,
): ResourceAccess[] | EntraError {
  const wanted = app.requiredResourceAccess
    .filter((r) => r.resourceAppId === GRAPH_APP_ID)
    .flatMap((r) => r.resourceAccess);
  const name = entry.replace(GRAPH_PREFIX, '');
  if (name === '.default') return wanted;
  // A name can be both (Mail.Send): it is the application permission if the app requests that one.
  const role = graph.appRoles.find((r) => r.value === name);
  if (role && wanted.some((w) => w.type === 'Role' && w.id === role.id))
    return [{ id: role.id, type: 'Role' }];
  const scope = graph.oauth2PermissionScopes.find((s) => s.value === name);
  if (scope) return [{ id: scope.id, type: 'Scope' }];
  return SIGN_IN_SCOPES.includes(name)
    ? []
    : aadsts.unknownScope(app.displayName, name, GRAPH_APP_ID);
}

/** The requested Graph permissions, each marked granted or not, for the consent prompt. */
function requestedPermissions(
  state: TenantState,
  app: Application,
  scope: string,
): PermissionLine[] | EntraError {
  const graph = graphOf(state);
  if (!graph) return aadsts.resourceNotFound(GRAPH_RESOURCE, state.displayName);
  const sp = state.servicePrincipals.find((s) => s.appId === app.appId);
  const assigned = new Set(
    state.appRoleAssignments
      .filter((a) => a.principalId === sp?.id && a.resourceId === graph.id)
      .map((a) => a.appRoleId),
  );
  const grant = state.oauth2PermissionGrants.find(
    (g) => g.clientId === sp?.id && g.resourceId === graph.id && g.consentType === 'AllPrincipals',
  );
  const granted = new Set((grant?.scope ?? '').split(/\s+/));
  const lines: PermissionLine[] = [];
  for (const entry of scope.split(/\s+/).filter((s) => s !== '')) {
    const access = permissionsFor(entry, app, graph);
    if (!Array.isArray(access)) return access;
    for (const { id, type } of access) {
      const role = type === 'Role' ? graph.appRoles.find((r) => r.id === id) : undefined;
      const delegated =
        type === 'Scope' ? graph.oauth2PermissionScopes.find((s) => s.id === id) : undefined;
      const value = role?.value ?? delegated?.value;
      if (value === undefined || lines.some((l) => l.value === value && l.type === type)) continue;
      lines.push({
        value,
        type,
        description: role?.displayName ?? delegated?.adminConsentDisplayName ?? '',
        granted: type === 'Role' ? assigned.has(id) : granted.has(value),
      });
    }
  }
  return lines;
}

function readRequest(
  rt: Runtime,
  tenantSegment: string,
  fields: Record<string, string>,
): ConsentRequest | EntraError {
  const state = rt.resolveTenant(tenantSegment);
  if (state === 'invalid') return aadsts.invalidTenantName(tenantSegment);
  if (!state) return aadsts.tenantNotFound(tenantSegment);
  const clientId = fields.client_id ?? '';
  if (!clientId) return aadsts.missingParameter('client_id');
  const app = state.applications.find((a) => a.appId === clientId.toLowerCase());
  if (!app) return aadsts.appNotFound(clientId, tenantSegment);
  // Entra's /adminconsent needs a redirect URI registered on the app, matched exactly:
  // https://learn.microsoft.com/entra/identity-platform/v2-admin-consent
  const registered = app.web.redirectUris;
  if (registered.length === 0) return aadsts.noReplyAddressRegistered(app.appId);
  const redirect = fields.redirect_uri;
  if (!redirect) return aadsts.noReplyAddressProvided();
  if (!registered.includes(redirect)) return aadsts.redirectMismatch(redirect, app.appId);
  if (!fields.scope) return aadsts.missingParameter('scope');
  const lines = requestedPermissions(state, app, fields.scope);
  return Array.isArray(lines) ? { state, app, lines, fields } : lines;
}

/** Records the consent: a service principal if missing, app role assignments, and the AllPrincipals grant. */
function recordConsent(rt: Runtime, request: ConsentRequest): string[] {
  const { state, app, lines } = request;
  const graph = graphOf(state);
  if (!graph) return [];
  let sp = state.servicePrincipals.find((s) => s.appId === app.appId);
  const done: string[] = [];
  if (!sp) {
    sp = {
      id: randomUUID(),
      appId: app.appId,
      displayName: app.displayName,
      accountEnabled: true,
      servicePrincipalType: 'Application',
      appOwnerOrganizationId: state.tenantId,
      servicePrincipalNames: [app.appId],
      appRoles: [],
      oauth2PermissionScopes: [],
    };
    state.servicePrincipals.push(sp);
    done.push(`Created the enterprise application (service principal) for ${app.displayName}.`);
  }
  for (const line of lines.filter((l) => !l.granted && l.type === 'Role')) {
    const appRoleId = graph.appRoles.find((r) => r.value === line.value)?.id;
    createAppRoleAssignment(
      state,
      { principalId: sp.id, resourceId: graph.id, appRoleId },
      rt.now(),
    );
    done.push(`Granted ${line.value} (Application).`);
  }
  const scopes = lines.filter((l) => !l.granted && l.type === 'Scope').map((l) => l.value);
  if (scopes.length > 0) {
    const clientId = sp.id;
    const grant = state.oauth2PermissionGrants.find(
      (g) =>
        g.clientId === clientId && g.resourceId === graph.id && g.consentType === 'AllPrincipals',
    );
    if (grant)
      grant.scope = [...grant.scope.split(/\s+/).filter((s) => s !== ''), ...scopes].join(' ');
    else
      createPermissionGrant(state, {
        clientId,
        consentType: 'AllPrincipals',
        resourceId: graph.id,
        scope: scopes.join(' '),
      });
    done.push(`Granted ${scopes.join(', ')} (Delegated) for all users.`);
  }
  return done.length > 0
    ? done
    : ['Nothing to grant: every requested permission was already granted.'];
}

function withQuery(uri: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return `${uri}${uri.includes('?') ? '&' : '?'}${query}`;
}

/** GET shows the consent prompt; POST (Accept or Cancel) records it and redirects when asked to. */
export function handleAdminConsent(
  rt: Runtime,
  tenantSegment: string,
  method: string,
  fields: Record<string, string>,
  action: string,
): HtmlReply {
  if (method !== 'GET' && method !== 'POST')
    return { status: 405, html: renderErrorPage('Method not allowed.') };
  const request = readRequest(rt, tenantSegment, fields);
  const clientId = fields.client_id;
  if (!('app' in request))
    return { status: request.status, html: renderErrorPage(request.message), clientId };
  const { app, state } = request;
  const redirect = fields.redirect_uri;
  const echo = { ...(fields.state !== undefined ? { state: fields.state } : {}) };
  if (method === 'GET') {
    const hidden: Record<string, string> = { client_id: app.appId, scope: fields.scope ?? '' };
    if (redirect) hidden.redirect_uri = redirect;
    if (fields.state !== undefined) hidden.state = fields.state;
    const html = renderConsentPage({
      appName: app.displayName,
      appId: app.appId,
      tenantName: state.displayName,
      lines: request.lines,
      hidden,
      action,
    });
    return { status: 200, html, clientId };
  }
  if (fields.decision !== 'accept') {
    const declined = {
      error: 'access_denied',
      error_description: 'AADSTS65004: User declined to consent to access the app.',
      ...echo,
    };
    return redirect
      ? { status: 302, location: withQuery(redirect, declined), clientId }
      : {
          status: 200,
          html: renderResultPage('Consent declined', ['Nothing was granted.']),
          clientId,
        };
  }
  const done = recordConsent(rt, request);
  if (redirect)
    return {
      status: 302,
      location: withQuery(redirect, {
        admin_consent: 'True',
        tenant: state.tenantId,
        scope: fields.scope ?? '',
        ...echo,
      }),
      clientId,
    };
  return { status: 200, html: renderResultPage('Permissions granted', done), clientId };
}
