import { graphErrors } from './graph-errors';
import {
  isSegment,
  parseKey,
  requireRole,
  type GraphRequest,
  type GraphResponse,
} from './graph-request';
import { templates } from './graph-templates';
import { applicationView, organizationView, servicePrincipalView, userView } from './graph-views';
import { collectionResponse, entityResponse, type PagingEnv } from './odata-query';
import type { Application, ServicePrincipal, TenantState, User } from './tenant-state';

/** Application permissions that may read apps and service principals (least privileged first). */
export const DIRECTORY_READ = [
  'Application.Read.All',
  'Application.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
const USER_READ = [
  'User.ReadBasic.All',
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
const ORGANIZATION_READ = [
  'Organization.Read.All',
  'Organization.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds an object by object id or by the appId alternate key, with Graph's 400/404 answers. */
function findByKey<T extends { id: string; appId: string }>(items: T[], segment: string): T {
  const key = parseKey(segment);
  if (key.property !== undefined && key.property.toLowerCase() !== 'appid') {
    throw graphErrors.directoryBadRequest(
      `The property '${key.property}' is not an alternate key.`,
    );
  }
  if (!GUID.test(key.value))
    throw graphErrors.directoryBadRequest(`Invalid object identifier '${key.value}'.`);
  const value = key.value.toLowerCase();
  const found = items.find((i) => (key.property ? i.appId : i.id) === value);
  if (!found) throw graphErrors.resourceNotFound(key.property ? `appId=${key.value}` : key.value);
  return found;
}

export function findServicePrincipal(state: TenantState, segment: string): ServicePrincipal {
  return findByKey(state.servicePrincipals, segment);
}

function requireGet(req: GraphRequest): void {
  if (req.method !== 'GET') throw graphErrors.methodNotAllowed();
}

/** /applications, /applications/{id}, /applications(appId='…'). */
export function handleApplications(
  req: GraphRequest,
  state: TenantState,
  env: PagingEnv,
): GraphResponse {
  requireGet(req);
  requireRole(req.caller, DIRECTORY_READ, graphErrors.insufficientPrivileges);
  const [, key, next] = req.segments;
  const shape = {
    contextPath: 'applications',
    typeName: 'microsoft.graph.application',
    flavour: 'directory' as const,
  };
  if (key === undefined) {
    const filterable = [
      'id',
      'appId',
      'displayName',
      'signInAudience',
      'publisherDomain',
      'createdDateTime',
    ];
    const all = state.applications.map((a: Application) => applicationView(a));
    return collectionResponse(
      req,
      env,
      { ...shape, resourceName: 'Application', filterable },
      all,
      templates.application,
    );
  }
  if (next !== undefined) {
    if (!isSegment(next, 'owners')) throw graphErrors.segmentNotFound(next);
    return ownersResponse(req, state, env, findByKey(state.applications, key));
  }
  return entityResponse(req, env, shape, applicationView(findByKey(state.applications, key)));
}

/**
 * /applications/{id}/owners: the owners as directoryObjects. Without a permission that reads users
 * only `@odata.type` and `id` come back, other properties null, as Graph does
 * (https://learn.microsoft.com/graph/api/application-list-owners).
 */
function ownersResponse(
  req: GraphRequest,
  state: TenantState,
  env: PagingEnv,
  app: Application,
): GraphResponse {
  const readsUsers = USER_READ.some((role) => req.caller.roles.has(role));
  const owners = (app.ownerIds ?? []).flatMap((id) => {
    const user = state.users.find((u) => u.id === id);
    if (!user) return [];
    const view = userView(user);
    const limited = Object.fromEntries(
      Object.keys(view).map((k) => [k, k === 'id' ? view[k] : null]),
    );
    return [{ '@odata.type': '#microsoft.graph.user', ...(readsUsers ? view : limited) }];
  });
  return collectionResponse(
    req,
    env,
    {
      contextPath: 'directoryObjects',
      typeName: 'microsoft.graph.directoryObject',
      flavour: 'directory',
      resourceName: 'DirectoryObject',
      filterable: [],
    },
    owners,
    { '@odata.type': '', ...templates.user },
  );
}

/** /servicePrincipals, /servicePrincipals/{id}, /servicePrincipals(appId='…'). */
export function handleServicePrincipal(
  req: GraphRequest,
  state: TenantState,
  env: PagingEnv,
): GraphResponse {
  requireGet(req);
  requireRole(req.caller, DIRECTORY_READ, graphErrors.insufficientPrivileges);
  const [, key] = req.segments;
  const shape = {
    contextPath: 'servicePrincipals',
    typeName: 'microsoft.graph.servicePrincipal',
    flavour: 'directory' as const,
  };
  if (key === undefined) {
    const filterable = [
      'id',
      'appId',
      'displayName',
      'accountEnabled',
      'servicePrincipalType',
      'appOwnerOrganizationId',
    ];
    const all = state.servicePrincipals.map((s) => servicePrincipalView(s));
    return collectionResponse(
      req,
      env,
      { ...shape, resourceName: 'ServicePrincipal', filterable },
      all,
      templates.servicePrincipal,
    );
  }
  return entityResponse(req, env, shape, servicePrincipalView(findServicePrincipal(state, key)));
}

/** /organization: the tenant itself. */
export function handleOrganization(
  req: GraphRequest,
  state: TenantState,
  env: PagingEnv,
): GraphResponse {
  requireGet(req);
  requireRole(req.caller, ORGANIZATION_READ, graphErrors.insufficientPrivileges);
  if (req.segments.length > 1) throw graphErrors.segmentNotFound(req.segments[1] ?? '');
  const view = organizationView(state);
  const shape = {
    contextPath: 'organization',
    typeName: 'microsoft.graph.organization',
    flavour: 'directory' as const,
    resourceName: 'Organization',
    filterable: ['id'],
  };
  return collectionResponse(req, env, shape, [view], view);
}

/** A user by object id, userPrincipalName or mail (case-insensitive), or undefined. */
export function findUser(state: TenantState, key: string): User | undefined {
  const lower = key.toLowerCase();
  return state.users.find(
    (u) => u.id === lower || u.userPrincipalName === lower || u.mail === lower,
  );
}

/** /users and /users/{id|upn} (the directory object, not the mailbox). */
export function handleUserDirectory(
  req: GraphRequest,
  state: TenantState,
  env: PagingEnv,
): GraphResponse {
  requireGet(req);
  requireRole(req.caller, USER_READ, graphErrors.insufficientPrivileges);
  const [, key] = req.segments;
  const shape = {
    contextPath: 'users',
    typeName: 'microsoft.graph.user',
    flavour: 'directory' as const,
  };
  if (key === undefined) {
    const filterable = ['id', 'userPrincipalName', 'mail', 'displayName'];
    const all = state.users.map((u) => userView(u));
    return collectionResponse(
      req,
      env,
      { ...shape, resourceName: 'User', filterable },
      all,
      templates.user,
    );
  }
  const user = findUser(state, parseKey(key).value);
  if (!user) throw graphErrors.resourceNotFound(parseKey(key).value);
  return entityResponse(req, env, shape, userView(user));
}
