import { randomUUID } from 'node:crypto';
import { isTenantError } from '../../domain';
import {
  BOT_PERSON,
  isOpen,
  closeAsInvalid,
  completeGrant,
  decideApproval,
  planGrant,
  type ApprovalDecision,
  type CheckRow,
  type ConsentRequest,
  type GrantStep,
  type Person,
} from '../../domain/consent';
import { admitDecision, type DecisionInput } from './admit-decision';
import type { ConsentGrantWriter } from '../../ports/consent-writer';
import type { ConsentInspection, ConsentServiceDeps } from './consent-deps';
import { approverRefused, approverWriter } from './delegated-approval';
import { type ConsentActionOutcome, type ConsentNoticeView } from './consent-outcome';
import { answerSettled } from './answer-settled';
import { changeRequest } from './consent-records';
import { grantMissingConsent } from './grant-missing-consent';
import { personOf } from './person-of';
import { audit, publishRequest } from './publish-request';

export type ApproveInput = DecisionInput & {
  /** Delegated mode: the approver's Teams single sign-on token, for this turn only. */
  approverToken?: string;
};

/**
 * Approve: only an approver; only the stored request (looked up by id, compared with the card);
 * one winner per request (a conditional write claims the right to grant); in grant mode the
 * tenant is re-read and exactly what is still missing of the request is granted.
 */
export async function approveConsent(
  deps: ConsentServiceDeps,
  input: ApproveInput,
): Promise<ConsentActionOutcome> {
  const gate = await admitDecision(deps, input, 'approval');
  if (!gate.admitted) return gate.outcome;
  const stored = gate.stored;

  // Delegated mode: sign-in and the on-behalf-of exchange come before the claim, so a failure
  // leaves the request exactly as it was.
  let writer = deps.writer;
  if (deps.mode === 'delegated' && isOpen(stored)) {
    const rights = await approverWriter(deps, stored, input.approverToken);
    if ('outcome' in rights) return rights.outcome;
    writer = rights.writer;
  }

  const approver = personOf(input.actor);
  const claimToken = randomUUID();
  let decision: ApprovalDecision | undefined;
  const { after } = await changeRequest(deps.store, stored.id, (current) => {
    const mode = deps.mode === 'link' ? 'link' : 'grant';
    decision = decideApproval(current, { approver, now: deps.now(), mode, claimToken });
    return 'next' in decision ? decision.next : undefined;
  });
  if (!decision || !after) return { notice: { kind: 'not-found' } };
  switch (decision.kind) {
    case 'expire':
    case 'closed':
    case 'busy':
      return answerSettled(deps, decision, after);
    case 'waiting-for-consent':
      return { request: after, notice: { kind: 'waiting-for-consent' } };
    case 'approve-link':
      await audit(deps, 'approved', after, approver, {
        detail: 'Link mode: the admin consent link was handed out.',
      });
      await publishRequest(deps, after);
      return { request: after };
    case 'claim':
      await audit(deps, 'approved', after, approver, {
        detail:
          deps.mode === 'delegated'
            ? 'Delegated mode: granted through Microsoft Graph with the approver’s own Microsoft Entra rights (Teams sign-in, on-behalf-of); the bot holds no permission to grant.'
            : 'Grant mode: the bot grants through Microsoft Graph.',
        rights: deps.mode === 'delegated' ? 'approver' : 'bot',
      });
      return grantClaimed(deps, after, claimToken, approver, writer);
  }
}

/** Holding the claim: re-read the tenant, grant the plan, store the outcome, show it to everyone. */
async function grantClaimed(
  deps: ConsentServiceDeps,
  request: ConsentRequest,
  claimToken: string,
  approver: Person,
  writer: ConsentGrantWriter,
): Promise<ConsentActionOutcome> {
  let inspection: ConsentInspection;
  try {
    inspection = await deps.inspect();
  } catch (error) {
    if (!isTenantError(error)) throw error;
    return finish(deps, request.id, claimToken, approver, {
      steps: [],
      problem: `Nothing was granted: ${error.info.message}`,
    });
  }
  const planned = planGrant(request, inspection.gap);
  if (!planned.ok && planned.final) {
    const { after, changed } = await changeRequest(deps.store, request.id, (current) =>
      closeAsInvalid(current, claimToken, planned.reason, deps.now()),
    );
    if (!changed || !after) return { request: after, notice: { kind: 'claim-lost' } };
    await audit(deps, 'rejected', after, BOT_PERSON, { detail: planned.reason });
    await publishRequest(deps, after);
    return { request: after, notice: { kind: 'invalid', reason: planned.reason } };
  }
  if (!planned.ok) {
    return finish(deps, request.id, claimToken, approver, {
      steps: [],
      problem: `Nothing was granted: ${planned.reason}`,
    });
  }
  const granted = await grantMissingConsent(writer, planned.plan);
  const refusedApprover =
    deps.mode === 'delegated' ? approverRefused(granted, approver) : undefined;
  const result = refusedApprover?.attempt ?? granted;
  let consentChecks: CheckRow[] | undefined = inspection.consentChecks;
  if (result.steps.some((s) => s.outcome === 'granted')) {
    consentChecks = await deps.inspect().then(
      (again) => again.consentChecks,
      () => undefined,
    );
  }
  return finish(
    deps,
    request.id,
    claimToken,
    approver,
    { ...result, consentChecks },
    refusedApprover?.notice,
  );
}

async function finish(
  deps: ConsentServiceDeps,
  id: string,
  claimToken: string,
  approver: Person,
  attempt: {
    steps: GrantStep[];
    refusal?: ConsentRequest['grantRefused'];
    problem?: string;
    consentChecks?: CheckRow[];
  },
  noticeOverride?: ConsentNoticeView,
): Promise<ConsentActionOutcome> {
  const { after, changed } = await changeRequest(deps.store, id, (current) =>
    completeGrant(current, { claimToken, now: deps.now(), ...attempt }),
  );
  if (!changed || !after) return { request: after, notice: { kind: 'claim-lost' } };
  const detail = attempt.refusal
    ? `Microsoft Graph refused the bot: ${attempt.refusal.message}`
    : attempt.problem;
  await audit(deps, after.state === 'granted' ? 'granted' : 'grant-failed', after, approver, {
    steps: attempt.steps,
    ...(detail ? { detail } : {}),
    rights: deps.mode === 'delegated' ? 'approver' : 'bot',
  });
  await publishRequest(deps, after);
  const notice: ConsentNoticeView =
    noticeOverride && after.state !== 'granted'
      ? noticeOverride
      : after.state === 'granted'
        ? { kind: 'granted' }
        : after.state === 'awaiting-consent'
          ? { kind: 'refused' }
          : { kind: 'partly-granted' };
  return { request: after, notice };
}
