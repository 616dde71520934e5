import { GRAPH_APP_ID, graphRoleId, graphScopeId } from '../graph-service-principal';
import { guidFor, opaqueIdFor, secretFor } from '../ids';
import type {
  Application,
  PasswordCredential,
  RequiredResourceAccess,
  ServicePrincipal,
  TenantState,
  User,
} from '../tenant-state';
import type { ScenarioDraft } from './scenario';

/** Small, named edits the scenarios are written in, so each scenario reads as its one difference. */

const DAY = 86_400_000;

export function daysFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY).toISOString();
}

/** A client secret whose value is derived from the label (fake, reproducible). */
export function passwordCredential(
  label: string,
  displayName: string,
  startDaysAgo: number,
  lifetimeDays: number,
  now: Date,
): PasswordCredential {
  const secretValue = secretFor(label);
  return {
    keyId: guidFor(`key:${label}`),
    displayName,
    hint: secretValue.slice(0, 3),
    startDateTime: daysFrom(now, -startDaysAgo),
    endDateTime: daysFrom(now, lifetimeDays - startDaysAgo),
    secretValue,
  };
}

/** requiredResourceAccess on Microsoft Graph from [value, type] pairs. */
export function graphAccess(entries: [string, 'Scope' | 'Role'][]): RequiredResourceAccess[] {
  return [
    {
      resourceAppId: GRAPH_APP_ID,
      resourceAccess: entries.map(([value, type]) => ({
        id: type === 'Role' ? graphRoleId(value) : graphScopeId(value),
        type,
      })),
    },
  ];
}

function graphSp(state: TenantState): ServicePrincipal {
  const sp = state.servicePrincipals.find((s) => s.appId === GRAPH_APP_ID);
  if (!sp) throw new Error('the tenant has no Microsoft Graph service principal');
  return sp;
}

export function appByAppId(state: TenantState, appId: string): Application {
  const app = state.applications.find((a) => a.appId === appId);
  if (!app) throw new Error(`no application ${appId}`);
  return app;
}

export function spByAppId(state: TenantState, appId: string): ServicePrincipal {
  const sp = state.servicePrincipals.find((s) => s.appId === appId);
  if (!sp) throw new Error(`no service principal for ${appId}`);
  return sp;
}

/** Consents a Graph application permission for the service principal (an appRoleAssignment). */
export function assignGraphRole(
  state: TenantState,
  principal: ServicePrincipal,
  value: string,
  createdDaysAgo: number,
  now: Date,
): void {
  const graph = graphSp(state);
  state.appRoleAssignments.push({
    id: opaqueIdFor(`assignment:${principal.id}:${value}`),
    appRoleId: graphRoleId(value),
    createdDateTime: daysFrom(now, -createdDaysAgo),
    principalDisplayName: principal.displayName,
    principalId: principal.id,
    principalType: 'ServicePrincipal',
    resourceDisplayName: graph.displayName,
    resourceId: graph.id,
  });
}

export function revokeGraphRole(state: TenantState, principalId: string, value: string): void {
  const roleId = graphRoleId(value);
  state.appRoleAssignments = state.appRoleAssignments.filter(
    (a) => !(a.principalId === principalId && a.appRoleId === roleId),
  );
}

/** Sets (or with null removes) the tenant-wide delegated grant from the client to Graph. */
export function setGraphGrant(state: TenantState, clientId: string, scope: string | null): void {
  const graph = graphSp(state);
  state.oauth2PermissionGrants = state.oauth2PermissionGrants.filter(
    (g) => !(g.clientId === clientId && g.resourceId === graph.id),
  );
  if (scope === null) return;
  state.oauth2PermissionGrants.push({
    id: opaqueIdFor(`grant:${clientId}:${graph.id}`),
    clientId,
    consentType: 'AllPrincipals',
    principalId: null,
    resourceId: graph.id,
    scope,
  });
}

export function userByAddress(state: TenantState, address: string): User {
  const user = state.users.find((u) => u.userPrincipalName === address.toLowerCase());
  if (!user) throw new Error(`no user ${address}`);
  return user;
}

/** Takes a mailbox out of the ApplicationAccessPolicy scope group. */
export function removeFromScopeGroup(draft: ScenarioDraft, address: string): void {
  const user = userByAddress(draft.state, address);
  for (const group of draft.state.groups)
    group.memberIds = group.memberIds.filter((id) => id !== user.id);
}

/** Removes an app registration with its service principal and everything granted to it. */
export function deleteApp(state: TenantState, appId: string): void {
  const sp = state.servicePrincipals.find((s) => s.appId === appId);
  state.applications = state.applications.filter((a) => a.appId !== appId);
  state.accessPolicies = state.accessPolicies.filter((p) => p.appId !== appId);
  if (!sp) return;
  deleteServicePrincipal(state, sp.id);
}

export function deleteServicePrincipal(state: TenantState, spId: string): void {
  state.servicePrincipals = state.servicePrincipals.filter((s) => s.id !== spId);
  state.appRoleAssignments = state.appRoleAssignments.filter((a) => a.principalId !== spId);
  state.oauth2PermissionGrants = state.oauth2PermissionGrants.filter((g) => g.clientId !== spId);
}
