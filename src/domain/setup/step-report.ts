import type { CredentialSummary } from '../check-result';
import { CHECK_IDS, type CheckResult, type CheckStatus } from '../check-result';
import { SETUP_STEP_IDS, STEP_CHECKS, type SetupStepId } from './setup-steps';

/** The step's results, in catalogue order. */
export function checksForStep(step: SetupStepId, checks: readonly CheckResult[]): CheckResult[] {
  const ids = STEP_CHECKS[step];
  return checks.filter((c) => ids.includes(c.id));
}

/** Results of earlier steps that do not pass: one of them may be what blocks this step. */
export function notPassingElsewhere(step: SetupStepId, checks: readonly CheckResult[]): number {
  const own = STEP_CHECKS[step];
  const earlier = SETUP_STEP_IDS.slice(0, SETUP_STEP_IDS.indexOf(step)).flatMap(
    (s) => STEP_CHECKS[s],
  );
  return checks.filter((c) => earlier.includes(c.id) && !own.includes(c.id) && c.status !== 'pass')
    .length;
}

/** Exchange takes a while to apply policy, scope and group changes to Graph. */
export const PROPAGATION_NOTE =
  'Changes to the access policy, RBAC scope or group membership can take an hour or more to reach ' +
  'Microsoft Graph. If you made the change just now, wait and re-check before changing anything else.';

/** True when a failing mailbox result may only be Exchange not having caught up yet. */
export function mayBePropagating(checks: readonly CheckResult[]): boolean {
  return checks.some(
    (c) => (c.id === 'mailbox.access' || c.id === 'mailbox.restricted') && c.status === 'fail',
  );
}

const SEVERITY: Record<CheckStatus, number> = { fail: 0, warn: 1, skip: 2, pass: 3 };

/** The result to act on first: the first failure in catalogue order, else the first warning. */
export function firstToFix(checks: readonly CheckResult[]): CheckResult | undefined {
  const ordered = [...checks].sort(
    (a, b) =>
      SEVERITY[a.status] - SEVERITY[b.status] || CHECK_IDS.indexOf(a.id) - CHECK_IDS.indexOf(b.id),
  );
  const first = ordered[0];
  return first && (first.status === 'fail' || first.status === 'warn') ? first : undefined;
}

/** What a check of `step` keeps: the step's results and how many others did not pass. */
export function verificationOf(
  step: SetupStepId,
  checks: readonly CheckResult[],
  checkedAt: string,
  credentials: CredentialSummary[] = [],
): {
  checkedAt: string;
  checks: CheckResult[];
  otherNotPassing: number;
  credentials: CredentialSummary[];
} {
  return {
    checkedAt,
    checks: checksForStep(step, checks),
    otherNotPassing: notPassingElsewhere(step, checks),
    credentials,
  };
}
