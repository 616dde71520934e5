import { decideRejection, type RejectionDecision } from '../../domain/consent';
import { admitDecision, type DecisionInput } from './admit-decision';
import type { ConsentServiceDeps } from './consent-deps';
import type { ConsentActionOutcome } from './consent-outcome';
import { answerSettled } from './answer-settled';
import { changeRequest } from './consent-records';
import { personOf } from './person-of';
import { audit, publishRequest } from './publish-request';

export interface RejectInput extends DecisionInput {
  reason: string;
}

/** Reject with an optional reason: approvers only, the stored request only, nothing granted. */
export async function rejectConsent(
  deps: ConsentServiceDeps,
  input: RejectInput,
): Promise<ConsentActionOutcome> {
  const gate = await admitDecision(deps, input, 'rejection');
  if (!gate.admitted) return gate.outcome;
  const stored = gate.stored;

  const by = personOf(input.actor);
  const reason = input.reason.replace(/\s+/g, ' ').trim().slice(0, 300);
  let decision: RejectionDecision | undefined;
  const { after } = await changeRequest(deps.store, stored.id, (current) => {
    decision = decideRejection(current, { by, reason, now: deps.now() });
    return 'next' in decision ? decision.next : undefined;
  });
  if (!decision || !after) return { notice: { kind: 'not-found' } };
  switch (decision.kind) {
    case 'expire':
    case 'closed':
    case 'busy':
      return answerSettled(deps, decision, after);
    case 'reject':
      await audit(deps, 'rejected', after, by, reason ? { detail: `Reason: ${reason}` } : {});
      await publishRequest(deps, after);
      return { request: after };
  }
}
