import { handleAppRoleAssignments } from './graph-app-role-assignments';
import {
  handleApplications,
  handleOrganization,
  handleServicePrincipal,
  handleUserDirectory,
} from './graph-directory';
import { GraphHttpError, graphErrorBody, graphErrors, type RequestIds } from './graph-errors';
import { handleMail } from './graph-mail';
import { handlePasswords } from './graph-passwords';
import { handlePermissionGrants, handleServicePrincipalGrants } from './graph-permission-grants';
import { isSegment, type GraphRequest, type GraphResponse } from './graph-request';
import { handleSignIns } from './graph-sign-ins';
import type { PagingEnv } from './odata-query';
import type { Runtime } from './runtime';

function route(req: GraphRequest, rt: Runtime, env: PagingEnv): GraphResponse {
  const state = rt.state;
  const [root = '', , navigation] = req.segments;
  // The beta endpoint serves only the service-principal sign-in logs here (graph-sign-ins.ts).
  if (req.beta) {
    if (isSegment(root, 'auditLogs') && isSegment(req.segments[1], 'signIns'))
      return handleSignIns(req, state, rt.now(), rt.baseUrl);
    throw graphErrors.segmentNotFound(root);
  }
  if (
    isSegment(root, 'applications') &&
    (isSegment(navigation, 'addPassword') || isSegment(navigation, 'removePassword'))
  )
    return handlePasswords(req, state, rt.now());
  if (isSegment(root, 'applications')) return handleApplications(req, state, env);
  if (isSegment(root, 'servicePrincipals')) {
    if (navigation === undefined) return handleServicePrincipal(req, state, env);
    if (isSegment(navigation, 'appRoleAssignments') || isSegment(navigation, 'appRoleAssignedTo')) {
      return handleAppRoleAssignments(req, state, env, rt.now());
    }
    if (isSegment(navigation, 'oauth2PermissionGrants'))
      return handleServicePrincipalGrants(req, state, env);
    throw graphErrors.segmentNotFound(navigation);
  }
  if (isSegment(root, 'oauth2PermissionGrants')) return handlePermissionGrants(req, state, env);
  if (isSegment(root, 'organization')) return handleOrganization(req, state, env);
  if (isSegment(root, 'me'))
    throw graphErrors.badRequest('/me request is only valid with delegated authentication flow.');
  if (isSegment(root, 'users')) {
    return navigation === undefined
      ? handleUserDirectory(req, state, env)
      : handleMail(req, state, env);
  }
  // Graph answers an unknown entity set (or a misplaced "/v1.0" inside a $batch item) this way.
  throw graphErrors.segmentNotFound(root);
}

/** Runs one Graph request (direct or $batch item) and turns failures into Graph's error shape. */
export function dispatchGraph(req: GraphRequest, rt: Runtime, ids: RequestIds): GraphResponse {
  try {
    return route(req, rt, { baseUrl: rt.baseUrl, pageSize: rt.pageSize() });
  } catch (err) {
    if (!(err instanceof GraphHttpError)) throw err;
    return errorResponse(err, ids);
  }
}

export function errorResponse(err: GraphHttpError, ids: RequestIds): GraphResponse {
  return {
    status: err.status,
    headers: err.headers,
    body: graphErrorBody(err.code, err.message, ids),
  };
}
