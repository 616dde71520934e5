import { INSPECTOR_APP_ID, PCEMAIL_APP_ID, PCEMAIL_SP_ID } from './healthy-tenant';
import type { ScenarioDefinition, ScenarioDraft } from './scenario';
import {
  appByAppId,
  assignGraphRole,
  graphAccess,
  revokeGraphRole,
  setGraphGrant,
  spByAppId,
} from './tenant-edits';

function revokeAllConsent(d: ScenarioDraft): void {
  revokeGraphRole(d.state, PCEMAIL_SP_ID, 'Mail.ReadWrite');
  revokeGraphRole(d.state, PCEMAIL_SP_ID, 'Mail.Send');
  setGraphGrant(d.state, PCEMAIL_SP_ID, null);
}

const NOTHING_CONSENTED = {
  'consent.user-read': 'fail',
  'consent.mail-readwrite': 'fail',
  'consent.mail-send': 'fail',
  'token.roles': 'fail',
} as const;

/** Requested API permissions (requiredResourceAccess) and admin consent. */
export const permissionScenarios: ScenarioDefinition[] = [
  {
    name: 'permission-user-read-missing',
    description:
      'PCEmail does not request the delegated User.Read permission (the earlier grant is still there).',
    intent: { 'permission.user-read': 'fail' },
    apply: (d) => {
      appByAppId(d.state, PCEMAIL_APP_ID).requiredResourceAccess = graphAccess([
        ['Mail.ReadWrite', 'Role'],
        ['Mail.Send', 'Role'],
      ]);
    },
  },
  {
    name: 'permission-mail-delegated-only',
    description:
      'Mail.ReadWrite and Mail.Send were added as delegated permissions, not application ones; no app role is consented.',
    intent: {
      'permission.mail-readwrite': 'fail',
      'permission.mail-send': 'fail',
      'permission.least-privilege': 'warn',
      'consent.mail-readwrite': 'fail',
      'consent.mail-send': 'fail',
      'token.roles': 'fail',
    },
    apply: (d) => {
      appByAppId(d.state, PCEMAIL_APP_ID).requiredResourceAccess = graphAccess([
        ['User.Read', 'Scope'],
        ['Mail.ReadWrite', 'Scope'],
        ['Mail.Send', 'Scope'],
      ]);
      revokeGraphRole(d.state, PCEMAIL_SP_ID, 'Mail.ReadWrite');
      revokeGraphRole(d.state, PCEMAIL_SP_ID, 'Mail.Send');
      setGraphGrant(d.state, PCEMAIL_SP_ID, 'User.Read Mail.ReadWrite Mail.Send');
    },
  },
  {
    name: 'permission-extra',
    description:
      'PCEmail also requests, and has consent for, Mail.Read and User.Read.All as application permissions.',
    intent: { 'permission.least-privilege': 'warn' },
    apply: (d) => {
      appByAppId(d.state, PCEMAIL_APP_ID).requiredResourceAccess = graphAccess([
        ['User.Read', 'Scope'],
        ['Mail.ReadWrite', 'Role'],
        ['Mail.Send', 'Role'],
        ['Mail.Read', 'Role'],
        ['User.Read.All', 'Role'],
      ]);
      const sp = spByAppId(d.state, PCEMAIL_APP_ID);
      assignGraphRole(d.state, sp, 'Mail.Read', 60, d.now);
      assignGraphRole(d.state, sp, 'User.Read.All', 60, d.now);
    },
  },
  {
    name: 'consent-missing',
    description: 'All three permissions are requested but admin consent was never granted.',
    intent: NOTHING_CONSENTED,
    apply: revokeAllConsent,
  },
  {
    name: 'consent-mail-send-missing',
    description: 'Mail.Send (application) is requested but not consented; the rest is consented.',
    intent: { 'consent.mail-send': 'fail', 'token.roles': 'fail' },
    apply: (d) => revokeGraphRole(d.state, PCEMAIL_SP_ID, 'Mail.Send'),
  },
  {
    name: 'grant-ready',
    description:
      'Nothing consented, and the bot holds AppRoleAssignment.ReadWrite.All and DelegatedPermissionGrant.ReadWrite.All, so it can grant consent itself.',
    intent: NOTHING_CONSENTED,
    apply: (d) => {
      revokeAllConsent(d);
      // Grant mode needs PCEMAIL_APP_ID: a grant never goes to an app found by display name.
      d.product.pcemailAppId = PCEMAIL_APP_ID;
      const inspector = appByAppId(d.state, INSPECTOR_APP_ID);
      inspector.requiredResourceAccess = graphAccess([
        ['Application.Read.All', 'Role'],
        ['Directory.Read.All', 'Role'],
        ['AppRoleAssignment.ReadWrite.All', 'Role'],
        ['DelegatedPermissionGrant.ReadWrite.All', 'Role'],
      ]);
      const sp = spByAppId(d.state, INSPECTOR_APP_ID);
      assignGraphRole(d.state, sp, 'AppRoleAssignment.ReadWrite.All', 30, d.now);
      assignGraphRole(d.state, sp, 'DelegatedPermissionGrant.ReadWrite.All', 30, d.now);
    },
  },
];
