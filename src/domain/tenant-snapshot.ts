import type { RestrictionSetting } from './restriction-model';
import type { Outcome } from './outcome';

/**
 * Everything the checks need, read from Entra and Graph in one go (gather, then judge).
 * Shapes follow Microsoft Graph v1.0 resources, narrowed to the properties we select.
 * A fact left `undefined` was not looked up because what it depends on was missing.
 */
export interface TenantSnapshot {
  tenant: { id: string; mode: 'live' | 'simulated' };
  /** ISO time the snapshot was taken; the checks judge expiry against it. */
  takenAt: string;
  settings: SnapshotSettings;
  /** Registrations matching `PCEMAIL_APP_ID`, or else the display name. */
  applications: Outcome<AppRegistration[]>;
  /** PCEmail's service principal (enterprise app); `null` = none exists. Looked up when one app matched. */
  servicePrincipal?: Outcome<ServicePrincipal | null>;
  /** Microsoft Graph's own service principal in the tenant, to resolve permission ids to names. */
  graphServicePrincipal?: Outcome<ResourceServicePrincipal>;
  /** Application permissions granted to PCEmail's service principal. Looked up when it exists. */
  appRoleAssignments?: Outcome<AppRoleAssignment[]>;
  /** Delegated permission grants whose client is PCEmail's service principal. */
  permissionGrants?: Outcome<OAuth2PermissionGrant[]>;
  /** PCEmail's own client-credentials sign-in with `PCEMAIL_CLIENT_SECRET`. Absent without a secret. */
  pcemailSignIn?: Outcome<PcemailToken>;
  /** One probe per configured mailbox, signed in as PCEmail. Absent when no PCEmail token was had. */
  mailboxes?: MailboxProbe[];
  /** Probe of `PCEMAIL_OUT_OF_SCOPE_MAILBOX`, signed in as PCEmail. */
  outOfScope?: MailboxProbe;
}

export interface SnapshotSettings {
  /** `PCEMAIL_APP_ID` when set. */
  appId?: string;
  appName: string;
  mailboxes: string[];
  outOfScopeMailbox?: string;
  secretConfigured: boolean;
  /**
   * First 3 characters of `PCEMAIL_CLIENT_SECRET` (never more), compared with the credentials'
   * `hint` to tell a pasted Secret ID or a wrong secret from a mistyped one.
   */
  secretHint?: string;
  /** `PCEMAIL_CLIENT_SECRET` has the shape of a GUID: almost certainly the Secret ID, not the value. */
  secretLooksLikeGuid?: boolean;
  /** The mail-enabled security group the application access policy is scoped to, when known. */
  scopeGroup?: string;
  /** RESTRICTION_MODEL: how PCEmail is limited to its mailboxes; `auto` (default) infers it. */
  restrictionModel?: RestrictionSetting;
}

export interface PasswordCredential {
  keyId: string;
  displayName: string | null;
  /** First characters of the secret value, as Entra shows them. */
  hint: string | null;
  startDateTime: string | null;
  endDateTime: string | null;
}

export interface KeyCredential {
  keyId: string;
  displayName: string | null;
  type: string | null;
  usage: string | null;
  startDateTime: string | null;
  endDateTime: string | null;
}

export interface ResourceAccess {
  id: string;
  type: 'Scope' | 'Role';
}

export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: ResourceAccess[];
}

export interface AppRegistration {
  id: string;
  appId: string;
  displayName: string;
  /** ISO time the registration was created, when Graph returned it. */
  createdDateTime?: string | null;
  signInAudience: string;
  /** Redirect URIs of the web platform; the admin-consent link needs one of them. */
  web?: { redirectUris: string[] } | null;
  passwordCredentials: PasswordCredential[];
  keyCredentials: KeyCredential[];
  requiredResourceAccess: RequiredResourceAccess[];
}

export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  accountEnabled: boolean;
}

export interface ResourceServicePrincipal {
  id: string;
  appId: string;
  appRoles: { id: string; value: string | null }[];
  oauth2PermissionScopes: { id: string; value: string | null }[];
}

export interface AppRoleAssignment {
  id: string;
  appRoleId: string;
  principalId: string;
  resourceId: string;
}

export interface OAuth2PermissionGrant {
  id: string;
  clientId: string;
  consentType: string;
  principalId: string | null;
  resourceId: string;
  /** Space-separated delegated permission names, e.g. "User.Read openid". */
  scope: string;
}

export interface PcemailToken {
  /** The `roles` claim of the issued access token ([] when it has none or could not be read). */
  roles: string[];
  /**
   * False when the access token could not be decoded as a JWT (Microsoft: tokens for its APIs may
   * not be JWTs, and clients must not rely on reading them); then `roles` says nothing.
   */
  readable?: boolean;
}

export interface InboxSummary {
  totalItemCount: number;
  unreadItemCount: number;
}

export interface MailboxProbe {
  address: string;
  inbox: Outcome<InboxSummary>;
}
