import { randomBytes } from 'node:crypto';
import { requireGrantingUser } from './graph-delegated';
import { DIRECTORY_READ, findServicePrincipal } from './graph-directory';
import { GraphHttpError, graphErrors } from './graph-errors';
import { isSegment, requireRole, type GraphRequest, type GraphResponse } from './graph-request';
import { templates } from './graph-templates';
import { appRoleAssignmentView } from './graph-views';
import { collectionResponse, type PagingEnv } from './odata-query';
import type { AppRoleAssignment, ServicePrincipal, TenantState } from './tenant-state';

const ASSIGNMENT_WRITE = ['AppRoleAssignment.ReadWrite.All'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalidProperty(name: string): GraphHttpError {
  return graphErrors.directoryBadRequest(
    `Invalid value specified for property '${name}' of resource 'AppRoleAssignment'.`,
  );
}

function guidProperty(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || !GUID.test(value)) throw invalidProperty(name);
  return value.toLowerCase();
}

/** Grants an app role (application permission) as Graph does, refusing duplicates with its wording. */
export function createAppRoleAssignment(
  state: TenantState,
  body: unknown,
  now: Date,
): AppRoleAssignment {
  if (typeof body !== 'object' || body === null)
    throw graphErrors.directoryBadRequest('Empty Payload. JSON content expected.');
  const fields = body as Record<string, unknown>;
  const principalId = guidProperty(fields, 'principalId');
  const resourceId = guidProperty(fields, 'resourceId');
  const appRoleId = guidProperty(fields, 'appRoleId');
  const resource = state.servicePrincipals.find((s) => s.id === resourceId);
  if (!resource) throw graphErrors.resourceNotFound(resourceId);
  const principal = state.servicePrincipals.find((s) => s.id === principalId);
  if (!principal) throw graphErrors.resourceNotFound(principalId);
  if (!resource.appRoles.some((r) => r.id === appRoleId)) {
    throw graphErrors.directoryBadRequest(
      `Permission being assigned was not found on application '${resource.appId}'.`,
    );
  }
  const duplicate = state.appRoleAssignments.some(
    (a) =>
      a.principalId === principalId && a.resourceId === resourceId && a.appRoleId === appRoleId,
  );
  if (duplicate)
    throw graphErrors.directoryBadRequest(
      'Permission being assigned already exists on the object.',
    );
  const assignment: AppRoleAssignment = {
    id: randomBytes(32).toString('base64url').slice(0, 43),
    appRoleId,
    createdDateTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    principalDisplayName: principal.displayName,
    principalId,
    principalType: 'ServicePrincipal',
    resourceDisplayName: resource.displayName,
    resourceId,
  };
  state.appRoleAssignments.push(assignment);
  return assignment;
}

/**
 * /servicePrincipals/{id}/appRoleAssignments (where it is the principal) and
 * /servicePrincipals/{id}/appRoleAssignedTo (where it is the resource): list, create, delete.
 */
export function handleAppRoleAssignments(
  req: GraphRequest,
  state: TenantState,
  env: PagingEnv,
  now: Date,
): GraphResponse {
  const [, key = '', navigation = '', assignmentId, extra] = req.segments;
  const assignedTo = isSegment(navigation, 'appRoleAssignedTo');
  if (extra !== undefined) throw graphErrors.segmentNotFound(extra);
  requireRole(
    req.caller,
    req.method === 'GET' ? DIRECTORY_READ : ASSIGNMENT_WRITE,
    graphErrors.insufficientPrivileges,
  );
  if (req.method !== 'GET') requireGrantingUser(req.caller, state);
  const sp: ServicePrincipal = findServicePrincipal(state, key);
  const mine = (a: AppRoleAssignment) => (assignedTo ? a.resourceId : a.principalId) === sp.id;
  const contextPath = `servicePrincipals('${sp.id}')/${assignedTo ? 'appRoleAssignedTo' : 'appRoleAssignments'}`;

  if (req.method === 'GET' && assignmentId === undefined) {
    const shape = {
      contextPath,
      typeName: 'microsoft.graph.appRoleAssignment',
      flavour: 'directory' as const,
      resourceName: 'AppRoleAssignment',
      filterable: ['principalId', 'resourceId', 'appRoleId'],
    };
    const all = state.appRoleAssignments.filter(mine).map((a) => appRoleAssignmentView(a));
    return collectionResponse(req, env, shape, all, templates.appRoleAssignment);
  }
  if (req.method === 'POST' && assignmentId === undefined) {
    // The service principal in the URL is one side of the assignment; the body must agree.
    const pathSide = assignedTo ? 'resourceId' : 'principalId';
    const named = (req.body as Record<string, unknown> | null)?.[pathSide];
    if (typeof named === 'string' && named.toLowerCase() !== sp.id) throw invalidProperty(pathSide);
    const created = createAppRoleAssignment(state, req.body, now);
    return {
      status: 201,
      headers: { Location: `${env.baseUrl}/v1.0/${contextPath}/${created.id}` },
      body: {
        '@odata.context': `${env.baseUrl}/v1.0/$metadata#${contextPath}/$entity`,
        ...appRoleAssignmentView(created),
      },
    };
  }
  if (req.method === 'DELETE' && assignmentId !== undefined) {
    const found = state.appRoleAssignments.find((a) => a.id === assignmentId && mine(a));
    if (!found) throw graphErrors.resourceNotFound(assignmentId);
    state.appRoleAssignments = state.appRoleAssignments.filter((a) => a !== found);
    return { status: 204 };
  }
  throw graphErrors.methodNotAllowed();
}
