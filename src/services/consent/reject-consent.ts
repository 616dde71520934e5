import { decideRejection, type RejectionDecision } from '../../domain/consent';
import { personOf } from './approve-consent';
import { isApprover } from './approvers';
import { cardMismatch } from './card-data';
import type { ConsentServiceDeps } from './consent-deps';
import type { Actor, ConsentActionOutcome } from './consent-outcome';
import { notices } from './consent-notices';
import { changeRequest, loadRequest } from './consent-records';
import { recordExpiry } from './expire-request';
import { audit, publishRequest } from './publish-request';

export interface RejectInput {
  requestId: unknown;
  cardData: Record<string, unknown>;
  actor: Actor;
  reason: string;
}

/** Reject with an optional reason: approvers only, the stored request only, nothing granted. */
export async function rejectConsent(
  deps: ConsentServiceDeps,
  input: RejectInput,
): Promise<ConsentActionOutcome> {
  const id = typeof input.requestId === 'string' ? input.requestId : '';
  if (!isApprover(deps.approvers, input.actor.aadObjectId)) {
    deps.logger.warn(
      { requestId: id, actor: input.actor },
      'refused a consent rejection from someone who is not an approver',
    );
    return { request: await loadRequest(deps.store, id), notice: notices.notApprover() };
  }
  const stored = await loadRequest(deps.store, id);
  if (!stored) return { notice: notices.notFound() };
  const mismatch = cardMismatch(stored, input.cardData);
  if (mismatch) return { request: stored, notice: notices.mismatch(mismatch) };

  const by = personOf(input.actor);
  const reason = input.reason.replace(/\s+/g, ' ').trim().slice(0, 300);
  let decision: RejectionDecision | undefined;
  const { after } = await changeRequest(deps.store, stored.id, (current) => {
    decision = decideRejection(current, { by, reason, now: deps.now() });
    return 'next' in decision ? decision.next : undefined;
  });
  if (!decision || !after) return { notice: notices.notFound() };
  switch (decision.kind) {
    case 'expire':
      await recordExpiry(deps, after);
      return { request: after, notice: notices.expired(after) };
    case 'closed':
      return { request: after, notice: notices.closed(after) };
    case 'busy':
      return { request: after, notice: notices.busy(decision.by) };
    case 'reject':
      await audit(deps, 'rejected', after, by, reason ? { detail: `Reason: ${reason}` } : {});
      await publishRequest(deps, after);
      return { request: after };
  }
}
