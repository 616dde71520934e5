import { graphServicePrincipal, MICROSOFT_TENANT_ID } from '../graph-service-principal';
import { guidFor } from '../ids';
import type { ServicePrincipal, TenantState } from '../tenant-state';
import { buildUser } from './mailbox-content';
import type { ScenarioDraft } from './scenario';
import {
  assignGraphRole,
  daysFrom,
  graphAccess,
  passwordCredential,
  setGraphGrant,
} from './tenant-edits';

/*
 * The healthy tenant every scenario starts from. Identities are the same in every scenario, so a
 * product configured from one scenario's productEnv() still signs in after load() of another.
 */
export const DOMAIN = 'contoso.example';
export const TENANT_ID = guidFor('tenant');
export const INSPECTOR_APP_ID = guidFor('appid:inspector');
export const PCEMAIL_APP_ID = guidFor('appid:pcemail');
export const PCEMAIL_SP_ID = guidFor('sp:pcemail');
export const INSPECTOR_SP_ID = guidFor('sp:inspector');
export const SCOPE_GROUP_ID = guidFor('group:pcemail-mailboxes');

export const address = (local: string) => `${local}@${DOMAIN}`;
const PCEMAIL_MAILBOXES = [address('support'), address('sales'), address('billing')];
export const OUT_OF_SCOPE_MAILBOX = address('ceo');

/** The redirect URI registered on the simulated PCEmail app (Entra's /adminconsent needs one). */
const PCEMAIL_REDIRECT_URI = 'http://localhost:3978/consented';

/** Label of the PCEmail secret the product uses; its value is secretFor(this). */
export const PCEMAIL_SECRET_LABEL = 'pcemail:current';

function appServicePrincipal(id: string, appId: string, displayName: string): ServicePrincipal {
  return {
    id,
    appId,
    displayName,
    accountEnabled: true,
    servicePrincipalType: 'Application',
    appOwnerOrganizationId: TENANT_ID,
    servicePrincipalNames: [appId],
    appRoles: [],
    oauth2PermissionScopes: [],
  };
}

export function buildHealthyTenant(now: Date): ScenarioDraft {
  const inspectorSecret = passwordCredential('inspector', 'PCEmail Ops bot', 30, 730, now);
  const pcemailSecret = passwordCredential(
    PCEMAIL_SECRET_LABEL,
    'PCEmail for Emplifi Agent',
    182,
    730,
    now,
  );
  const inspectorSp = appServicePrincipal(INSPECTOR_SP_ID, INSPECTOR_APP_ID, 'PCEmail Ops');
  const pcemailSp = appServicePrincipal(PCEMAIL_SP_ID, PCEMAIL_APP_ID, 'PCEmail');
  const users = [
    buildUser(address('support'), 'Support', now),
    buildUser(address('sales'), 'Sales', now),
    buildUser(address('billing'), 'Billing', now),
    buildUser(address('ceo'), 'Chief Executive Officer', now),
    buildUser(address('it.admin'), 'IT Administrator', now),
  ];
  const state: TenantState = {
    tenantId: TENANT_ID,
    displayName: 'Contoso (simulated)',
    domain: DOMAIN,
    applications: [
      {
        id: guidFor('app:inspector'),
        appId: INSPECTOR_APP_ID,
        displayName: 'PCEmail Ops',
        signInAudience: 'AzureADMyOrg',
        createdDateTime: daysFrom(now, -30),
        publisherDomain: DOMAIN,
        passwordCredentials: [inspectorSecret],
        keyCredentials: [],
        requiredResourceAccess: graphAccess([
          ['Application.Read.All', 'Role'],
          ['Directory.Read.All', 'Role'],
        ]),
        web: { redirectUris: [] },
      },
      {
        id: guidFor('app:pcemail'),
        appId: PCEMAIL_APP_ID,
        displayName: 'PCEmail',
        signInAudience: 'AzureADMyOrg',
        createdDateTime: daysFrom(now, -183),
        publisherDomain: DOMAIN,
        ownerIds: [guidFor(`user:${address('it.admin')}`)],
        passwordCredentials: [pcemailSecret],
        keyCredentials: [],
        requiredResourceAccess: graphAccess([
          ['User.Read', 'Scope'],
          ['Mail.ReadWrite', 'Role'],
          ['Mail.Send', 'Role'],
        ]),
        // So the admin-consent link works in the demo; a PCEmail registration may well have none.
        web: { redirectUris: [PCEMAIL_REDIRECT_URI] },
      },
    ],
    servicePrincipals: [
      graphServicePrincipal(guidFor('sp:graph')),
      {
        ...appServicePrincipal(
          guidFor('sp:exchange'),
          '00000002-0000-0ff1-ce00-000000000000',
          'Office 365 Exchange Online',
        ),
        appOwnerOrganizationId: MICROSOFT_TENANT_ID,
      },
      inspectorSp,
      pcemailSp,
    ],
    appRoleAssignments: [],
    oauth2PermissionGrants: [],
    users,
    groups: [
      {
        id: SCOPE_GROUP_ID,
        displayName: 'PCEmail Mailboxes',
        mail: address('pcemail-mailboxes'),
        mailEnabled: true,
        securityEnabled: true,
        memberIds: users
          .filter((u) => PCEMAIL_MAILBOXES.includes(u.userPrincipalName))
          .map((u) => u.id),
      },
    ],
    accessPolicies: [
      {
        appId: PCEMAIL_APP_ID,
        accessRight: 'RestrictAccess',
        scopeGroupId: SCOPE_GROUP_ID,
        description: 'Restrict PCEmail to the PCEmail mailboxes',
      },
    ],
    managementRoleAssignments: [],
  };
  assignGraphRole(state, inspectorSp, 'Application.Read.All', 30, now);
  assignGraphRole(state, inspectorSp, 'Directory.Read.All', 30, now);
  assignGraphRole(state, pcemailSp, 'Mail.ReadWrite', 182, now);
  assignGraphRole(state, pcemailSp, 'Mail.Send', 182, now);
  setGraphGrant(state, pcemailSp.id, 'User.Read');
  return {
    now,
    state,
    product: {
      inspectorClientId: INSPECTOR_APP_ID,
      inspectorSecret: inspectorSecret.secretValue,
      pcemailSecret: pcemailSecret.secretValue,
      mailboxes: [...PCEMAIL_MAILBOXES],
      outOfScopeMailbox: OUT_OF_SCOPE_MAILBOX,
    },
  };
}
