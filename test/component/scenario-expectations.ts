import type { CheckStatus } from '../../src/domain';

/** A row a scenario must produce: id (and target for mailbox rows) with its status. */
export interface ExpectedRow {
  id: string;
  status: CheckStatus;
  target?: string;
}

/**
 * For each simulated scenario, the rows that must NOT pass (every other row passes, unless listed
 * in `alsoNotPass` as skipped). One failure of the check catalogue per scenario, against the healthy tenant.
 */
export const SCENARIO_EXPECTATIONS: Record<string, ExpectedRow[]> = {
  healthy: [],
  'pcemail-app-id': [],
  'mailbox-apostrophe': [],
  paged: [],
  'many-mailboxes': [],
  'secret-multiple': [],
  'app-multi-tenant': [{ id: 'app.single-tenant', status: 'warn' }],
  'secret-expiring': [{ id: 'secret.expiry', status: 'warn' }],
  'secret-too-long': [{ id: 'secret.expiry', status: 'warn' }],
  'permission-user-read-missing': [{ id: 'permission.user-read', status: 'fail' }],
  'permission-extra': [{ id: 'permission.least-privilege', status: 'warn' }],
  'consent-mail-send-missing': [
    { id: 'consent.mail-send', status: 'fail' },
    { id: 'token.roles', status: 'fail' },
  ],
  unrestricted: [{ id: 'mailbox.restricted', status: 'fail' }],
  'out-of-scope-not-mailbox': [{ id: 'mailbox.restricted', status: 'warn' }],
  'no-out-of-scope': [{ id: 'mailbox.restricted', status: 'warn' }],
  // RBAC for Applications without Entra Mail consent: recognised from the evidence, all pass.
  'rbac-restricted': [],
  // Entra and RBAC grants add up: the leftover tenant-wide consent lets PCEmail read every mailbox.
  'rbac-tenant-wide-consent': [{ id: 'mailbox.restricted', status: 'fail' }],
  'rbac-grant-ready': [{ id: 'consent.user-read', status: 'fail' }],
  // Without Directory.Read.All the delegated grants cannot be listed: the rows that need them skip.
  'inspector-application-read-only': [
    { id: 'permission.least-privilege', status: 'skip' },
    { id: 'consent.user-read', status: 'skip' },
  ],
};

/** Scenarios whose failure knocks out later checks: listed with the rows that matter. */
export const CASCADING_SCENARIOS: Record<string, ExpectedRow[]> = {
  'sp-missing': [
    { id: 'app.service-principal', status: 'fail' },
    { id: 'secret.works', status: 'fail' },
    { id: 'consent.mail-send', status: 'skip' },
    { id: 'token.roles', status: 'skip' },
  ],
  'sp-disabled': [
    { id: 'app.service-principal', status: 'fail' },
    { id: 'secret.works', status: 'fail' },
    { id: 'mailbox.access', status: 'skip' },
  ],
  'secret-id-pasted': [
    { id: 'secret.works', status: 'fail' },
    { id: 'token.roles', status: 'skip' },
    { id: 'mailbox.restricted', status: 'skip' },
  ],
  'app-missing': [
    { id: 'app.registered', status: 'fail' },
    { id: 'app.service-principal', status: 'skip' },
    { id: 'secret.works', status: 'skip' },
    { id: 'consent.mail-send', status: 'skip' },
    { id: 'mailbox.restricted', status: 'skip' },
  ],
  'app-duplicate': [
    { id: 'app.registered', status: 'warn' },
    { id: 'app.single-tenant', status: 'skip' },
    { id: 'token.roles', status: 'skip' },
  ],
  'secret-none': [
    { id: 'secret.present', status: 'fail' },
    { id: 'secret.works', status: 'skip' },
    { id: 'token.roles', status: 'skip' },
    { id: 'mailbox.restricted', status: 'skip' },
  ],
  'secret-expired': [
    { id: 'secret.expiry', status: 'fail' },
    { id: 'secret.works', status: 'fail' },
    { id: 'token.roles', status: 'skip' },
  ],
  'permission-mail-delegated-only': [
    { id: 'permission.mail-readwrite', status: 'fail' },
    { id: 'permission.mail-send', status: 'fail' },
    { id: 'permission.least-privilege', status: 'warn' },
    { id: 'consent.mail-readwrite', status: 'fail' },
    { id: 'consent.mail-send', status: 'fail' },
    { id: 'token.roles', status: 'fail' },
  ],
  'consent-missing': [
    { id: 'consent.user-read', status: 'fail' },
    { id: 'consent.mail-readwrite', status: 'fail' },
    { id: 'consent.mail-send', status: 'fail' },
    { id: 'token.roles', status: 'fail' },
  ],
  'mailbox-out-of-scope': [{ id: 'mailbox.access', status: 'fail' }],
  'mailbox-not-exchange': [{ id: 'mailbox.access', status: 'fail' }],
  'mailbox-invalid-user': [{ id: 'mailbox.access', status: 'fail' }],
  demo: [
    { id: 'secret.expiry', status: 'warn' },
    { id: 'consent.mail-send', status: 'fail' },
    { id: 'token.roles', status: 'fail' },
    { id: 'mailbox.access', status: 'fail' },
  ],
};
