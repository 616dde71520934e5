import { exchangeIdFor } from './ids';
import type {
  Application,
  AppRoleAssignment,
  Message,
  PermissionGrant,
  ServicePrincipal,
  TenantState,
  User,
} from './tenant-state';

/*
 * Projections of tenant objects to Graph v1.0 JSON. Secret values never leave through here:
 * password credentials carry only the hint, as at Graph (secretText is null on reads).
 */
type Json = Record<string, unknown>;

export function applicationView(app: Application): Json {
  return {
    id: app.id,
    deletedDateTime: null,
    appId: app.appId,
    applicationTemplateId: null,
    createdDateTime: app.createdDateTime,
    description: null,
    displayName: app.displayName,
    identifierUris: [],
    notes: null,
    publisherDomain: app.publisherDomain,
    signInAudience: app.signInAudience,
    tags: [],
    keyCredentials: app.keyCredentials.map((k) => ({ customKeyIdentifier: null, ...k, key: null })),
    passwordCredentials: app.passwordCredentials.map((p) => ({
      customKeyIdentifier: null,
      displayName: p.displayName,
      endDateTime: p.endDateTime,
      hint: p.hint,
      keyId: p.keyId,
      secretText: null,
      startDateTime: p.startDateTime,
    })),
    requiredResourceAccess: app.requiredResourceAccess,
    web: { homePageUrl: null, logoutUrl: null, redirectUris: app.web.redirectUris },
  };
}

export function servicePrincipalView(sp: ServicePrincipal): Json {
  return {
    id: sp.id,
    deletedDateTime: null,
    accountEnabled: sp.accountEnabled,
    appDisplayName: sp.displayName,
    appId: sp.appId,
    appOwnerOrganizationId: sp.appOwnerOrganizationId,
    appRoleAssignmentRequired: false,
    displayName: sp.displayName,
    servicePrincipalNames: sp.servicePrincipalNames,
    servicePrincipalType: sp.servicePrincipalType,
    signInAudience: 'AzureADMyOrg',
    tags: [],
    appRoles: sp.appRoles,
    keyCredentials: [],
    oauth2PermissionScopes: sp.oauth2PermissionScopes,
    passwordCredentials: [],
  };
}

export function appRoleAssignmentView(a: AppRoleAssignment): Json {
  return {
    id: a.id,
    deletedDateTime: null,
    appRoleId: a.appRoleId,
    createdDateTime: a.createdDateTime,
    principalDisplayName: a.principalDisplayName,
    principalId: a.principalId,
    principalType: a.principalType,
    resourceDisplayName: a.resourceDisplayName,
    resourceId: a.resourceId,
  };
}

export function permissionGrantView(g: PermissionGrant): Json {
  return {
    clientId: g.clientId,
    consentType: g.consentType,
    id: g.id,
    principalId: g.principalId,
    resourceId: g.resourceId,
    scope: g.scope,
  };
}

export function userView(u: User): Json {
  return {
    businessPhones: [],
    displayName: u.displayName,
    givenName: null,
    jobTitle: null,
    mail: u.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: null,
    userPrincipalName: u.userPrincipalName,
    id: u.id,
  };
}

export function organizationView(state: TenantState): Json {
  return {
    id: state.tenantId,
    deletedDateTime: null,
    displayName: state.displayName,
    tenantType: 'AAD',
    verifiedDomains: [
      {
        capabilities: 'Email, OfficeCommunicationsOnline',
        isDefault: true,
        isInitial: false,
        name: state.domain,
        type: 'Managed',
      },
      {
        capabilities: 'Email',
        isDefault: false,
        isInitial: true,
        name: initialDomain(state),
        type: 'Managed',
      },
    ],
  };
}

/** contoso.example → contoso.onmicrosoft.com, the tenant's initial domain. */
export function initialDomain(state: TenantState): string {
  return `${state.domain.split('.')[0] ?? 'tenant'}.onmicrosoft.com`;
}

export function inboxView(user: User): Json {
  const messages = user.mailbox?.messages ?? [];
  return {
    id: user.mailbox?.inboxFolderId,
    displayName: 'Inbox',
    parentFolderId: exchangeIdFor(`root:${user.id}`),
    childFolderCount: 0,
    unreadItemCount: messages.filter((m) => !m.isRead).length,
    totalItemCount: messages.length,
    sizeInBytes: messages.length * 14_336,
    isHidden: false,
  };
}

export function messageView(m: Message, user: User): Json {
  const sent = new Date(Date.parse(m.receivedDateTime) - 4_000).toISOString().replace('.000', '');
  const changeKey = `CQAAABYAAAC${m.id.slice(6, 30)}`;
  return {
    '@odata.etag': `W/"${changeKey}"`,
    id: m.id,
    createdDateTime: m.receivedDateTime,
    lastModifiedDateTime: m.receivedDateTime,
    changeKey,
    categories: [],
    receivedDateTime: m.receivedDateTime,
    sentDateTime: sent,
    hasAttachments: false,
    internetMessageId: `<${m.id.slice(6, 22)}@${m.from.address.split('@')[1] ?? 'example'}>`,
    subject: m.subject,
    bodyPreview: m.bodyPreview,
    importance: 'normal',
    parentFolderId: user.mailbox?.inboxFolderId,
    conversationId: exchangeIdFor(`conversation:${m.id}`),
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: m.isRead,
    isDraft: false,
    inferenceClassification: 'focused',
    from: { emailAddress: { name: m.from.name, address: m.from.address } },
    sender: { emailAddress: { name: m.from.name, address: m.from.address } },
    toRecipients: [{ emailAddress: { name: user.displayName, address: user.mail } }],
  };
}
