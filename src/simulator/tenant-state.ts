/*
 * The simulated tenant's objects. Shapes follow Microsoft Graph v1.0 resources; the only extra field,
 * `secretValue` on a password credential, is what Entra keeps privately and Graph never returns.
 */

export interface TenantState {
  tenantId: string;
  displayName: string;
  /** The verified default domain, e.g. contoso.example. */
  domain: string;
  applications: Application[];
  servicePrincipals: ServicePrincipal[];
  appRoleAssignments: AppRoleAssignment[];
  oauth2PermissionGrants: PermissionGrant[];
  users: User[];
  groups: Group[];
  /** Exchange Online ApplicationAccessPolicy entries (New-ApplicationAccessPolicy). */
  accessPolicies: ApplicationAccessPolicy[];
  /** Exchange Online RBAC for Applications role assignments (New-ManagementRoleAssignment -App). */
  managementRoleAssignments: ManagementRoleAssignment[];
  /** Service-principal sign-in logs (graph-sign-ins.ts); absent = licensed, nobody signs in. */
  signInLogs?: SignInLogs;
}

/**
 * What the sign-in logs know: whether the tenant has the Entra ID P1/P2 licence they need, and
 * Emplifi Agent's client-credentials sign-ins as PCEmail, one every `intervalMinutes`, each with
 * the key id of the secret in use during that period.
 */
export interface SignInLogs {
  licensed: boolean;
  /**
   * Minutes the sign-in logs' clock runs ahead of the simulator's (POST /_sim/sign-ins/advance):
   * tests move Emplifi Agent's timeline forward without expiring any token.
   */
  offsetMinutes?: number;
  agent?: {
    appId: string;
    intervalMinutes: number;
    /** Minutes after a new secret is added that Emplifi Agent switches to it; undefined = never. */
    switchAfterMinutes?: number;
    periods: { keyId: string; from: string; to?: string }[];
  };
}

export interface PasswordCredential {
  keyId: string;
  displayName: string | null;
  /** First three characters of the value, as Entra shows them. */
  hint: string;
  startDateTime: string;
  endDateTime: string;
  /** The secret value itself: checked by the token endpoint, never served. */
  secretValue: string;
}

export interface KeyCredential {
  keyId: string;
  displayName: string | null;
  type: string;
  usage: string;
  startDateTime: string;
  endDateTime: string;
}

export interface ResourceAccess {
  id: string;
  type: 'Scope' | 'Role';
}

export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: ResourceAccess[];
}

export interface Application {
  id: string;
  appId: string;
  displayName: string;
  signInAudience: string;
  createdDateTime: string;
  publisherDomain: string;
  passwordCredentials: PasswordCredential[];
  keyCredentials: KeyCredential[];
  requiredResourceAccess: RequiredResourceAccess[];
  web: { redirectUris: string[] };
  /** Object ids of the owners (users or service principals): GET /applications/{id}/owners lists
   * the users; addPassword checks them all. */
  ownerIds?: string[];
}

export interface AppRole {
  allowedMemberTypes: string[];
  description: string;
  displayName: string;
  id: string;
  isEnabled: boolean;
  origin: string;
  value: string;
}

export interface PermissionScope {
  adminConsentDescription: string;
  adminConsentDisplayName: string;
  id: string;
  isEnabled: boolean;
  type: 'User' | 'Admin';
  userConsentDescription: string;
  userConsentDisplayName: string;
  value: string;
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  accountEnabled: boolean;
  servicePrincipalType: string;
  appOwnerOrganizationId: string;
  servicePrincipalNames: string[];
  appRoles: AppRole[];
  oauth2PermissionScopes: PermissionScope[];
}

export interface AppRoleAssignment {
  id: string;
  appRoleId: string;
  createdDateTime: string;
  principalDisplayName: string;
  principalId: string;
  principalType: string;
  resourceDisplayName: string;
  resourceId: string;
}

export interface PermissionGrant {
  id: string;
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  resourceId: string;
  /** Space-separated delegated permission values. */
  scope: string;
}

export interface Message {
  id: string;
  subject: string;
  bodyPreview: string;
  receivedDateTime: string;
  isRead: boolean;
  from: { name: string; address: string };
}

export interface Mailbox {
  inboxFolderId: string;
  messages: Message[];
}

export interface User {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string | null;
  /** null = no Exchange Online mailbox (unlicensed, on-premises or soft-deleted). */
  mailbox: Mailbox | null;
  /** Entra built-in directory roles held, by display name (e.g. "Global Administrator"). */
  directoryRoles?: string[];
}

export interface Group {
  id: string;
  displayName: string;
  mail: string | null;
  mailEnabled: boolean;
  securityEnabled: boolean;
  memberIds: string[];
}

export interface ApplicationAccessPolicy {
  appId: string;
  accessRight: 'RestrictAccess' | 'DenyAccess';
  scopeGroupId: string;
  description: string;
}

/**
 * An RBAC for Applications role assignment: an Exchange role ("Application Mail.ReadWrite") for a
 * service principal (its Entra object id), limited to a management scope on a group's members.
 * https://learn.microsoft.com/exchange/permissions-exo/application-rbac
 */
export interface ManagementRoleAssignment {
  servicePrincipalId: string;
  role: string;
  /** The group whose members the management scope's MemberOfGroup filter admits. */
  scopeGroupId: string;
}
