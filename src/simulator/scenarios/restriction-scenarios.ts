import { INSPECTOR_APP_ID, INSPECTOR_SP_ID, PCEMAIL_SP_ID, SCOPE_GROUP_ID } from './healthy-tenant';
import type { ScenarioDefinition, ScenarioDraft } from './scenario';
import {
  appByAppId,
  assignGraphRole,
  graphAccess,
  revokeGraphRole,
  setGraphGrant,
  spByAppId,
} from './tenant-edits';

/**
 * RBAC for Applications in place of the access policy: the Exchange role assignments "Application
 * Mail.ReadWrite" and "Application Mail.Send" scoped to the PCEmail group, no access policy.
 * https://learn.microsoft.com/exchange/permissions-exo/application-rbac
 */
function restrictWithRbac(d: ScenarioDraft): void {
  d.state.accessPolicies = [];
  d.state.managementRoleAssignments = ['Application Mail.ReadWrite', 'Application Mail.Send'].map(
    (role) => ({ servicePrincipalId: PCEMAIL_SP_ID, role, scopeGroupId: SCOPE_GROUP_ID }),
  );
}

/** How PCEmail is limited to its mailboxes, and who may read what. */
export const restrictionScenarios: ScenarioDefinition[] = [
  {
    name: 'rbac-restricted',
    description:
      'RBAC for Applications restricts PCEmail to the scope group; the Entra consents for Mail.ReadWrite and ' +
      'Mail.Send were removed, as Microsoft asks. Every check passes.',
    apply: (d) => {
      restrictWithRbac(d);
      revokeGraphRole(d.state, PCEMAIL_SP_ID, 'Mail.ReadWrite');
      revokeGraphRole(d.state, PCEMAIL_SP_ID, 'Mail.Send');
    },
  },
  {
    name: 'rbac-tenant-wide-consent',
    description:
      'RBAC for Applications is set up, but the tenant-wide Entra consents for Mail.ReadWrite and Mail.Send ' +
      'are still there: Entra and RBAC grants add up, so PCEmail reads every mailbox.',
    intent: { 'mailbox.restricted': 'fail' },
    apply: restrictWithRbac,
  },
  {
    name: 'rbac-grant-ready',
    description:
      'RBAC for Applications restricts PCEmail and no Entra Mail consent exists (correct), but User.Read has ' +
      'no admin consent; the bot may grant consent itself. A grant must add User.Read only.',
    intent: { 'consent.user-read': 'fail' },
    apply: (d) => {
      restrictWithRbac(d);
      revokeGraphRole(d.state, PCEMAIL_SP_ID, 'Mail.ReadWrite');
      revokeGraphRole(d.state, PCEMAIL_SP_ID, 'Mail.Send');
      setGraphGrant(d.state, PCEMAIL_SP_ID, null);
      appByAppId(d.state, INSPECTOR_APP_ID).requiredResourceAccess = graphAccess([
        ['Application.Read.All', 'Role'],
        ['Directory.Read.All', 'Role'],
        ['AppRoleAssignment.ReadWrite.All', 'Role'],
        ['DelegatedPermissionGrant.ReadWrite.All', 'Role'],
      ]);
      const inspector = spByAppId(d.state, INSPECTOR_APP_ID);
      assignGraphRole(d.state, inspector, 'AppRoleAssignment.ReadWrite.All', 30, d.now);
      assignGraphRole(d.state, inspector, 'DelegatedPermissionGrant.ReadWrite.All', 30, d.now);
    },
  },
  {
    name: 'inspector-application-read-only',
    description:
      'The bot’s inspector holds Application.Read.All but not Directory.Read.All, so it cannot list ' +
      'delegated permission grants (403 Authorization_RequestDenied).',
    apply: (d) => {
      appByAppId(d.state, INSPECTOR_APP_ID).requiredResourceAccess = graphAccess([
        ['Application.Read.All', 'Role'],
      ]);
      revokeGraphRole(d.state, INSPECTOR_SP_ID, 'Directory.Read.All');
    },
  },
];
