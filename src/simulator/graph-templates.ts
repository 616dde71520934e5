import {
  applicationView,
  appRoleAssignmentView,
  messageView,
  permissionGrantView,
  servicePrincipalView,
  userView,
} from './graph-views';
import type { User } from './tenant-state';

/*
 * One view of a blank object per type: the list of properties a $select, $filter or $orderby may
 * name, known even when a collection is empty.
 */
const BLANK_USER: User = {
  id: '',
  displayName: '',
  userPrincipalName: '',
  mail: null,
  mailbox: { inboxFolderId: '', messages: [] },
};

export const templates = {
  application: applicationView({
    id: '',
    appId: '',
    displayName: '',
    signInAudience: '',
    createdDateTime: '',
    publisherDomain: '',
    passwordCredentials: [],
    keyCredentials: [],
    requiredResourceAccess: [],
    web: { redirectUris: [] },
  }),
  servicePrincipal: servicePrincipalView({
    id: '',
    appId: '',
    displayName: '',
    accountEnabled: true,
    servicePrincipalType: '',
    appOwnerOrganizationId: '',
    servicePrincipalNames: [],
    appRoles: [],
    oauth2PermissionScopes: [],
  }),
  appRoleAssignment: appRoleAssignmentView({
    id: '',
    appRoleId: '',
    createdDateTime: '',
    principalDisplayName: '',
    principalId: '',
    principalType: '',
    resourceDisplayName: '',
    resourceId: '',
  }),
  permissionGrant: permissionGrantView({
    id: '',
    clientId: '',
    consentType: 'AllPrincipals',
    principalId: null,
    resourceId: '',
    scope: '',
  }),
  user: userView(BLANK_USER),
  message: messageView(
    {
      id: '',
      subject: '',
      bodyPreview: '',
      receivedDateTime: '2000-01-01T00:00:00Z',
      isRead: false,
      from: { name: '', address: '' },
    },
    BLANK_USER,
  ),
};
