/**
 * The Microsoft Graph application permissions the bot's inspector identity needs, and the only
 * place they are named: docs, infra, env examples, hints and fixes say the same (a test reads them).
 * - Application.Read.All: app registrations, service principals and their appRoleAssignments
 *   https://learn.microsoft.com/graph/api/serviceprincipal-list-approleassignments
 * - Directory.Read.All: the least-privileged permission for listing oauth2PermissionGrants
 *   https://learn.microsoft.com/graph/api/oauth2permissiongrant-list
 */
export const INSPECTOR_PERMISSIONS = ['Application.Read.All', 'Directory.Read.All'] as const;

export type InspectorPermission = (typeof INSPECTOR_PERMISSIONS)[number];

/** The permission that reads app registrations, service principals and app role assignments. */
export const APPLICATION_READ: InspectorPermission = 'Application.Read.All';
/** The permission that lists delegated permission grants (oauth2PermissionGrants). */
export const GRANTS_READ: InspectorPermission = 'Directory.Read.All';

/** "Application.Read.All and Directory.Read.All", as every doc and hint writes it. */
export const INSPECTOR_PERMISSIONS_TEXT = INSPECTOR_PERMISSIONS.join(' and ');
