import type { CheckResult } from '../check-result';

/**
 * Mailboxes a non-approver may have checked per click beyond the configured PCEmail mailboxes:
 * enough to try a new one or two, too few to survey the tenant (docs/SECURITY.md).
 */
export const EXTRA_MAILBOXES_PER_CLICK = 5;

const ASK_AN_APPROVER = 'An approver can run "check pcemail permissions" to see why.';

/**
 * The typed mailboxes a non-approver's click may check: every configured PCEmail mailbox, plus at
 * most EXTRA_MAILBOXES_PER_CLICK others, in typed order. `dropped` counts the others left out.
 */
export function mailboxesForNonApprover(
  typed: readonly string[],
  configured: readonly string[],
): { mailboxes: string[]; dropped: number } {
  const known = new Set(configured.map((m) => m.trim().toLowerCase()));
  const mailboxes: string[] = [];
  let extra = 0;
  let dropped = 0;
  for (const address of typed) {
    if (known.has(address.trim().toLowerCase())) {
      mailboxes.push(address);
    } else if (extra < EXTRA_MAILBOXES_PER_CLICK) {
      mailboxes.push(address);
      extra++;
    } else {
      dropped++;
    }
  }
  return { mailboxes, dropped };
}

/**
 * The mailbox rows as a non-approver may see them: reachable or not reachable as PCEmail, with no
 * item or unread counts and no Graph error (which would tell a missing mailbox from a refused one).
 */
export function reachabilityOnly(checks: readonly CheckResult[]): CheckResult[] {
  return checks.map((check) => {
    if (check.id === 'mailbox.access') {
      if (check.status === 'pass') {
        return {
          ...withoutFix(check),
          title: 'PCEmail can reach this mailbox',
          detail: 'Reachable.',
        };
      }
      return {
        ...check,
        title: check.status === 'skip' ? 'Not checked' : 'PCEmail cannot reach this mailbox',
        detail: check.status === 'skip' ? 'Not checked.' : 'Not reachable.',
        fix: ASK_AN_APPROVER,
      };
    }
    if (check.id === 'mailbox.restricted') {
      if (check.status === 'pass')
        return { ...withoutFix(check), detail: 'The out-of-scope mailbox is not reachable.' };
      return {
        ...check,
        detail: check.status === 'fail' ? 'The out-of-scope mailbox is reachable.' : 'Not checked.',
        fix: ASK_AN_APPROVER,
      };
    }
    return check;
  });
}

function withoutFix(check: CheckResult): CheckResult {
  const { fix: _fix, ...rest } = check;
  return rest;
}
