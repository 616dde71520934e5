import { REQUIRED_PERMISSIONS } from './graph-permissions';

export type PermissionType = 'Scope' | 'Role';

export interface KnownPermission {
  id: string;
  name: string;
  type: PermissionType;
}

/**
 * Microsoft Graph permission ids that are the same in every tenant. Used only when the tenant's
 * Graph service principal could not be read; the tenant's own appRoles/oauth2PermissionScopes win.
 */
export const WELL_KNOWN_GRAPH_PERMISSIONS: readonly KnownPermission[] = [
  ...REQUIRED_PERMISSIONS.map((p) => ({ id: p.wellKnownId, name: p.name, type: p.type })),
  { id: '024d486e-b451-40bb-833d-3e66d98c5c73', name: 'Mail.ReadWrite', type: 'Scope' },
  { id: 'e383f46e-2787-4529-855e-0e479a3ffac0', name: 'Mail.Send', type: 'Scope' },
  { id: '570282fd-fa5c-430d-a7fd-fc8dc98a9dca', name: 'Mail.Read', type: 'Scope' },
  { id: '37f7f235-527c-4136-accd-4a02d197296e', name: 'openid', type: 'Scope' },
  { id: '14dad69e-099b-42c9-810b-d002981feec1', name: 'profile', type: 'Scope' },
  { id: '64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0', name: 'email', type: 'Scope' },
  { id: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182', name: 'offline_access', type: 'Scope' },
  { id: '810c84a8-4a9e-49e6-bf7d-12d183f40d01', name: 'Mail.Read', type: 'Role' },
  { id: '693c5e45-0940-467d-9b8a-1022fb9d42ef', name: 'Mail.ReadBasic.All', type: 'Role' },
  { id: '6931bccd-447a-43d1-b442-00a195474933', name: 'MailboxSettings.ReadWrite', type: 'Role' },
  { id: 'df021288-bdef-4463-88db-98f22de89214', name: 'User.Read.All', type: 'Role' },
  { id: '741f803b-c850-494e-b5df-cde7c675a1ca', name: 'User.ReadWrite.All', type: 'Role' },
  { id: '7ab1d382-f21e-4acd-a863-ba3e13f7da61', name: 'Directory.Read.All', type: 'Role' },
  { id: '19dbc75e-c2e2-444c-a770-ec69d8559fc7', name: 'Directory.ReadWrite.All', type: 'Role' },
  { id: '75359482-378d-4052-8f01-80520e7db3cd', name: 'Files.ReadWrite.All', type: 'Role' },
];

/** Delegated scopes that only let an app sign a user in (OpenID Connect); they grant no data access. */
export const SIGN_IN_ONLY_SCOPES: readonly string[] = [
  'openid',
  'profile',
  'email',
  'offline_access',
];
