import { randomBytes } from 'node:crypto';
import { requireGrantingUser } from './graph-delegated';
import { findServicePrincipal } from './graph-directory';
import { GraphHttpError, graphErrors } from './graph-errors';
import { parseKey, requireRole, type GraphRequest, type GraphResponse } from './graph-request';
import { templates } from './graph-templates';
import { permissionGrantView } from './graph-views';
import { collectionResponse, entityResponse, type PagingEnv } from './odata-query';
import type { PermissionGrant, TenantState } from './tenant-state';

// Listing grants: least privileged Directory.Read.All; Application.Read.All is not listed for it.
// https://learn.microsoft.com/graph/api/oauth2permissiongrant-list
const GRANT_LIST = [
  'Directory.Read.All',
  'DelegatedPermissionGrant.ReadWrite.All',
  'Directory.ReadWrite.All',
];
const GRANT_WRITE = ['DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All'];
const SHAPE = {
  typeName: 'microsoft.graph.oAuth2PermissionGrant',
  flavour: 'directory' as const,
  resourceName: 'OAuth2PermissionGrant',
  filterable: ['clientId', 'resourceId', 'consentType', 'principalId'],
};

function invalidProperty(name: string): GraphHttpError {
  return graphErrors.directoryBadRequest(
    `Invalid value specified for property '${name}' of resource 'OAuth2PermissionGrant'.`,
  );
}

function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw invalidProperty(name);
  return value;
}

/** Creates a delegated permission grant; a second grant for the same client/resource/principal is 409. */
export function createPermissionGrant(state: TenantState, body: unknown): PermissionGrant {
  if (typeof body !== 'object' || body === null)
    throw graphErrors.directoryBadRequest('Empty Payload. JSON content expected.');
  const fields = body as Record<string, unknown>;
  const clientId = stringField(fields, 'clientId').toLowerCase();
  const resourceId = stringField(fields, 'resourceId').toLowerCase();
  const consentType = stringField(fields, 'consentType');
  if (consentType !== 'AllPrincipals' && consentType !== 'Principal')
    throw invalidProperty('consentType');
  const principalId =
    typeof fields.principalId === 'string' ? fields.principalId.toLowerCase() : null;
  if ((consentType === 'Principal') !== (principalId !== null))
    throw invalidProperty('principalId');
  const scope = typeof fields.scope === 'string' ? fields.scope : '';
  if (!state.servicePrincipals.some((s) => s.id === clientId))
    throw graphErrors.resourceNotFound(clientId);
  if (!state.servicePrincipals.some((s) => s.id === resourceId))
    throw graphErrors.resourceNotFound(resourceId);
  const exists = state.oauth2PermissionGrants.some(
    (g) =>
      g.clientId === clientId &&
      g.resourceId === resourceId &&
      g.consentType === consentType &&
      g.principalId === principalId,
  );
  if (exists)
    throw new GraphHttpError(
      409,
      'Request_MultipleObjectsWithSameKeyValue',
      'Permission entry already exists.',
    );
  const grant: PermissionGrant = {
    id: randomBytes(32).toString('base64url').slice(0, 43),
    clientId,
    consentType,
    principalId,
    resourceId,
    scope,
  };
  state.oauth2PermissionGrants.push(grant);
  return grant;
}

/** /oauth2PermissionGrants: list (with $filter), get, create, update scope, delete. */
export function handlePermissionGrants(
  req: GraphRequest,
  state: TenantState,
  env: PagingEnv,
): GraphResponse {
  const [, key, extra] = req.segments;
  if (extra !== undefined) throw graphErrors.segmentNotFound(extra);
  requireRole(
    req.caller,
    req.method === 'GET' ? GRANT_LIST : GRANT_WRITE,
    graphErrors.insufficientPrivileges,
  );
  if (req.method !== 'GET') requireGrantingUser(req.caller, state);
  const contextPath = 'oauth2PermissionGrants';
  if (key === undefined) {
    if (req.method === 'GET') {
      const all = state.oauth2PermissionGrants.map((g) => permissionGrantView(g));
      return collectionResponse(
        req,
        env,
        { ...SHAPE, contextPath },
        all,
        templates.permissionGrant,
      );
    }
    if (req.method !== 'POST') throw graphErrors.methodNotAllowed();
    const created = createPermissionGrant(state, req.body);
    return {
      status: 201,
      headers: { Location: `${env.baseUrl}/v1.0/oauth2PermissionGrants/${created.id}` },
      body: {
        '@odata.context': `${env.baseUrl}/v1.0/$metadata#oauth2PermissionGrants/$entity`,
        ...permissionGrantView(created),
      },
    };
  }
  const id = parseKey(key).value;
  const grant = state.oauth2PermissionGrants.find((g) => g.id === id);
  if (!grant) throw graphErrors.resourceNotFound(id);
  if (req.method === 'GET')
    return entityResponse(req, env, { ...SHAPE, contextPath }, permissionGrantView(grant));
  if (req.method === 'PATCH') {
    const scope = (req.body as Record<string, unknown> | null)?.scope;
    if (typeof scope !== 'string') throw invalidProperty('scope');
    grant.scope = scope;
    return { status: 204 };
  }
  if (req.method === 'DELETE') {
    state.oauth2PermissionGrants = state.oauth2PermissionGrants.filter((g) => g !== grant);
    return { status: 204 };
  }
  throw graphErrors.methodNotAllowed();
}

/** /servicePrincipals/{id}/oauth2PermissionGrants: the grants where it is the client. */
export function handleServicePrincipalGrants(
  req: GraphRequest,
  state: TenantState,
  env: PagingEnv,
): GraphResponse {
  if (req.method !== 'GET') throw graphErrors.methodNotAllowed();
  if (req.segments[3] !== undefined) throw graphErrors.segmentNotFound(req.segments[3]);
  // https://learn.microsoft.com/graph/api/serviceprincipal-list-oauth2permissiongrants
  requireRole(req.caller, GRANT_LIST, graphErrors.insufficientPrivileges);
  const sp = findServicePrincipal(state, req.segments[1] ?? '');
  const all = state.oauth2PermissionGrants
    .filter((g) => g.clientId === sp.id)
    .map((g) => permissionGrantView(g));
  const contextPath = `servicePrincipals('${sp.id}')/oauth2PermissionGrants`;
  return collectionResponse(req, env, { ...SHAPE, contextPath }, all, templates.permissionGrant);
}
