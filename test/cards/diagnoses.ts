import type { CheckResult, Diagnosis } from '../../src/domain/check-result';

/** Hand-written diagnoses shaped like what `diagnose` produces. */

const CHECKED_AT = '2025-03-04T09:05:27.000Z';
export const LIVE_TENANT = { id: '72f988bf-86f1-41af-91ab-2d7cd011db47', mode: 'live' } as const;
export const SIMULATED_TENANT = {
  id: '11111111-2222-3333-4444-555555555555',
  mode: 'simulated',
} as const;

function pass(id: CheckResult['id'], title: string, detail: string, target?: string): CheckResult {
  return { id, status: 'pass', title, detail, ...(target ? { target } : {}) };
}

export function mailboxPass(address: string): CheckResult {
  return pass(
    'mailbox.access',
    `PCEmail can read ${address}`,
    'Inbox read: 1,204 items, 3 unread.',
    address,
  );
}

export function allPassingChecks(): CheckResult[] {
  return [
    pass(
      'app.registered',
      'One app registration named PCEmail',
      'Application ID 0f3c1d2e-1111-4a4a-9b9b-abcdefabcdef.',
    ),
    pass('app.single-tenant', 'Single tenant', 'signInAudience is AzureADMyOrg.'),
    pass(
      'app.service-principal',
      'Enterprise app exists and is enabled',
      'accountEnabled is true.',
    ),
    pass('secret.present', 'A client secret exists', '1 client secret, 0 certificates.'),
    pass(
      'secret.expiry',
      'The secret is valid for 410 more days',
      'Latest secret "Emplifi" ends 18 Apr 2026.',
    ),
    pass('secret.works', 'PCEmail can sign in with the configured secret', 'A token was issued.'),
    pass(
      'permission.user-read',
      'User.Read (delegated) is requested',
      'Found in the API permissions.',
    ),
    pass(
      'permission.mail-readwrite',
      'Mail.ReadWrite (application) is requested',
      'Found in the API permissions.',
    ),
    pass(
      'permission.mail-send',
      'Mail.Send (application) is requested',
      'Found in the API permissions.',
    ),
    pass(
      'permission.least-privilege',
      'No extra Graph permissions',
      'Only the three needed permissions are requested.',
    ),
    pass('consent.user-read', 'Admin consent for User.Read', 'Granted for all users.'),
    pass('consent.mail-readwrite', 'Admin consent for Mail.ReadWrite', 'Granted.'),
    pass('consent.mail-send', 'Admin consent for Mail.Send', 'Granted.'),
    pass(
      'token.roles',
      'The token carries Mail.ReadWrite and Mail.Send',
      'roles: Mail.ReadWrite, Mail.Send.',
    ),
    mailboxPass('support@contoso.com'),
    mailboxPass('sales@contoso.com'),
    pass(
      'mailbox.restricted',
      'PCEmail cannot read ceo@contoso.com',
      'Access to OData is disabled for this mailbox, as it should be.',
    ),
  ];
}

/** The simulator's `demo` story: Mail.Send not consented, secret expiring, one mailbox out of scope. */
export function mixedChecks(): CheckResult[] {
  return allPassingChecks().map((check): CheckResult => {
    switch (check.id) {
      case 'secret.expiry':
        return {
          ...check,
          status: 'warn',
          title: 'The secret expires in 12 days',
          detail: 'Latest secret "Emplifi" (hint abC) ends 16 Mar 2025.',
          fix: 'Create a new client secret in Entra admin center > App registrations > PCEmail > Certificates & secrets, paste its value into Emplifi Agent, then delete the old one.',
        };
      case 'consent.mail-send':
        return {
          ...check,
          status: 'fail',
          title: 'Mail.Send has no admin consent',
          detail: 'No appRoleAssignment to Microsoft Graph for Mail.Send.',
          fix: 'A Privileged Role Administrator or Global Administrator selects "Grant admin consent for Contoso" on the API permissions page.',
        };
      case 'token.roles':
        return {
          ...check,
          status: 'fail',
          title: 'The token lacks Mail.Send',
          detail: 'roles: Mail.ReadWrite.',
          fix: 'Grant admin consent for Mail.Send, then run the check again.',
        };
      case 'mailbox.access':
        return check.target === 'sales@contoso.com'
          ? {
              ...check,
              status: 'fail',
              title: 'PCEmail cannot read sales@contoso.com',
              detail: '403 ErrorAccessDenied: Access to OData is disabled for your application.',
              fix: 'Add sales@contoso.com to the mail-enabled security group of the application access policy (changes can take an hour to apply).',
            }
          : check;
      case 'mailbox.restricted':
        return {
          ...check,
          status: 'warn',
          title: 'The mailbox restriction is not proven',
          detail: 'PCEMAIL_OUT_OF_SCOPE_MAILBOX is not set.',
          fix: 'Set PCEMAIL_OUT_OF_SCOPE_MAILBOX to a mailbox outside the scope group.',
        };
      default:
        return check;
    }
  });
}

/** `mailbox.access` rows for `count` mailboxes, the first `failing` of them out of scope. */
export function manyMailboxChecks(count: number, failing: number): CheckResult[] {
  const mailboxes = Array.from({ length: count }, (_, i): CheckResult => {
    const address = `pcemail-queue-${String(i + 1).padStart(3, '0')}@contoso.onmicrosoft.com`;
    return i < failing
      ? {
          id: 'mailbox.access',
          target: address,
          status: 'fail',
          title: `PCEmail cannot read ${address}`,
          detail: '403 ErrorAccessDenied: Access to OData is disabled for your application.',
          fix: `Add ${address} to the scope group of the application access policy.`,
        }
      : mailboxPass(address);
  });
  const others = allPassingChecks().filter((c) => c.id !== 'mailbox.access');
  const restricted = others.findIndex((c) => c.id === 'mailbox.restricted');
  return [...others.slice(0, restricted), ...mailboxes, ...others.slice(restricted)];
}

export function diagnosisOf(
  checks: CheckResult[],
  tenant: Diagnosis['tenant'] = LIVE_TENANT,
): Diagnosis {
  return { tenant, checkedAt: CHECKED_AT, checks };
}
