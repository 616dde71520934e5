import { userMayGrant } from './entra-obo';
import { graphErrors } from './graph-errors';
import type { Caller } from './graph-request';
import type { TenantState } from './tenant-state';

/**
 * With a delegated token, Graph also enforces the signed-in user's own directory role: granting
 * app roles or delegated permissions to Microsoft Graph takes a Privileged Role Administrator or
 * Global Administrator ("In delegated scenarios … the signed-in user must be assigned a supported
 * Microsoft Entra role": https://learn.microsoft.com/graph/api/serviceprincipal-post-approleassignedto
 * and https://learn.microsoft.com/graph/api/oauth2permissiongrant-post). Anyone else gets 403
 * Authorization_RequestDenied, whatever scopes the token carries. App-only callers pass.
 */
export function requireGrantingUser(caller: Caller, state: TenantState): void {
  if (caller.userId !== undefined && !userMayGrant(state, caller.userId))
    throw graphErrors.insufficientPrivileges();
}
