import type { AppRole, PermissionScope, ServicePrincipal } from './tenant-state';

/** Microsoft Graph's appId, the same in every tenant. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
/** Microsoft's own tenant, which owns first-party apps such as Graph. */
export const MICROSOFT_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

// The well-known ids are Microsoft's; a subset of Graph's permissions is enough for PCEmail's checks.
const ROLES: [value: string, id: string, displayName: string][] = [
  [
    'Mail.ReadWrite',
    'e2a3a72e-5f79-4c64-b1b1-878b674786c9',
    'Read and write mail in all mailboxes',
  ],
  ['Mail.Send', 'b633e1c5-b582-4048-a93e-9f11b44c7e96', 'Send mail as any user'],
  ['Mail.Read', '810c84a8-4a9e-49e6-bf7d-12d183f40d01', 'Read mail in all mailboxes'],
  [
    'Mail.ReadBasic.All',
    '693c5e45-0940-467d-9b8a-1022fb9d42ef',
    'Read basic mail in all mailboxes',
  ],
  [
    'MailboxSettings.Read',
    // https://learn.microsoft.com/graph/permissions-reference#mailboxsettingsread
    '40f97065-369a-49f4-947c-6a255697ae91',
    'Read all user mailbox settings',
  ],
  [
    'MailboxSettings.ReadWrite',
    '6931bccd-447a-43d1-b442-00a195474933',
    'Read and write all user mailbox settings',
  ],
  ['User.Read.All', 'df021288-bdef-4463-88db-98f22de89214', "Read all users' full profiles"],
  ['User.ReadBasic.All', '97235f07-e226-4f63-ace3-39588e11d3a1', "Read all users' basic profiles"],
  ['Application.Read.All', '9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30', 'Read all applications'],
  [
    'Application.ReadWrite.All',
    '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9',
    'Read and write all applications',
  ],
  [
    'Application.ReadWrite.OwnedBy',
    // https://learn.microsoft.com/graph/permissions-reference#applicationreadwriteownedby
    '18a4783c-866b-4cc7-a460-3d5e5662c884',
    'Manage apps that this app creates or owns',
  ],
  // https://learn.microsoft.com/graph/permissions-reference#auditlogreadall
  ['AuditLog.Read.All', 'b0afded3-3588-46d8-8b3d-9842eff778da', 'Read all audit log data'],
  [
    'AppRoleAssignment.ReadWrite.All',
    '06b708a9-e830-4db3-a914-8e69da51d44f',
    'Manage app permission grants and app role assignments',
  ],
  [
    'DelegatedPermissionGrant.ReadWrite.All',
    '8e8e4742-1d95-4f68-9d56-6ee75648c72a',
    'Manage all delegated permission grants',
  ],
  ['Directory.Read.All', '7ab1d382-f21e-4acd-a863-ba3e13f7da61', 'Read directory data'],
  [
    'Directory.ReadWrite.All',
    '19dbc75e-c2e2-444c-a770-ec69d8559fc7',
    'Read and write directory data',
  ],
  [
    'Organization.Read.All',
    '498476ce-e0fe-48b0-b801-37ba7e2685c6',
    'Read organization information',
  ],
];

const SCOPES: [value: string, id: string, displayName: string, type: 'User' | 'Admin'][] = [
  ['User.Read', 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', 'Sign in and read user profile', 'User'],
  [
    'Mail.ReadWrite',
    '024d486e-b451-40bb-833d-3e66d98c5c73',
    'Read and write access to user mail',
    'User',
  ],
  ['Mail.Send', 'e383f46e-2787-4529-855e-0e479a3ffac0', 'Send mail as a user', 'User'],
  ['Mail.Read', '570282fd-fa5c-430d-a7fd-fc8dc98a9dca', 'Read user mail', 'User'],
  ['openid', '37f7f235-527c-4136-accd-4a02d197296e', 'Sign users in', 'User'],
  [
    'offline_access',
    '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
    'Maintain access to data you have given it access to',
    'User',
  ],
  ['profile', '14dad69e-099b-42c9-810b-d002981feec1', "View users' basic profile", 'User'],
  ['email', '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0', "View users' email address", 'User'],
  [
    'User.Read.All',
    'a154be20-db9c-4678-8ab7-66f6cc099a59',
    "Read all users' full profiles",
    'Admin',
  ],
  [
    'User.ReadBasic.All',
    'b340eb25-3456-403f-be2f-af7a0d370277',
    "Read all users' basic profiles",
    'User',
  ],
];

function graphAppRoles(): AppRole[] {
  return ROLES.map(([value, id, displayName]) => ({
    allowedMemberTypes: ['Application'],
    description: `Allows the app to ${displayName.toLowerCase()} without a signed-in user.`,
    displayName,
    id,
    isEnabled: true,
    origin: 'Application',
    value,
  }));
}

function graphPermissionScopes(): PermissionScope[] {
  return SCOPES.map(([value, id, displayName, type]) => ({
    adminConsentDescription: `Allows the app to ${displayName.toLowerCase()} on behalf of the signed-in user.`,
    adminConsentDisplayName: displayName,
    id,
    isEnabled: true,
    type,
    userConsentDescription: `Allows the app to ${displayName.toLowerCase()} on your behalf.`,
    userConsentDisplayName: displayName,
    value,
  }));
}

export function graphServicePrincipal(id: string): ServicePrincipal {
  return {
    id,
    appId: GRAPH_APP_ID,
    displayName: 'Microsoft Graph',
    accountEnabled: true,
    servicePrincipalType: 'Application',
    appOwnerOrganizationId: MICROSOFT_TENANT_ID,
    servicePrincipalNames: [GRAPH_APP_ID, GRAPH_RESOURCE, 'https://graph.microsoft.com/'],
    appRoles: graphAppRoles(),
    oauth2PermissionScopes: graphPermissionScopes(),
  };
}

/** The id of a Graph application permission by its value, e.g. 'Mail.Send'. */
export function graphRoleId(value: string): string {
  const role = ROLES.find(([v]) => v === value);
  if (!role) throw new Error(`unknown Graph app role ${value}`);
  return role[1];
}

/** The id of a Graph delegated permission by its value, e.g. 'User.Read'. */
export function graphScopeId(value: string): string {
  const scope = SCOPES.find(([v]) => v === value);
  if (!scope) throw new Error(`unknown Graph scope ${value}`);
  return scope[1];
}
