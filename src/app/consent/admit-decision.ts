import type { ConsentRequest } from '../../domain/consent';
import { personOf } from './person-of';
import { isApprover } from '../../ports/approvers';
import { cardMismatch } from './card-data';
import type { ConsentServiceDeps } from './consent-deps';
import type { Actor, ConsentActionOutcome } from './consent-outcome';
import { loadRequest } from './consent-records';
import { audit } from './publish-request';

export interface DecisionInput {
  requestId: unknown;
  cardData: Record<string, unknown>;
  actor: Actor;
}

/**
 * The gate every approval and rejection passes first (docs/SECURITY.md): only a configured approver, only
 * a request found by id in storage, only when the card's data matches it. A non-approver's click is
 * logged, not stored, so it changes nothing at all; a tampered card is kept as a `refused` record.
 */
export async function admitDecision(
  deps: ConsentServiceDeps,
  input: DecisionInput,
  decision: 'approval' | 'rejection',
): Promise<
  { admitted: true; stored: ConsentRequest } | { admitted: false; outcome: ConsentActionOutcome }
> {
  const id = typeof input.requestId === 'string' ? input.requestId : '';
  if (!isApprover(deps.approvers, input.actor.aadObjectId)) {
    deps.logger.warn(
      { requestId: id, actor: input.actor },
      `refused a consent ${decision} from someone who is not an approver`,
    );
    return {
      admitted: false,
      outcome: { request: await loadRequest(deps.store, id), notice: { kind: 'not-approver' } },
    };
  }
  const stored = await loadRequest(deps.store, id);
  if (!stored) return { admitted: false, outcome: { notice: { kind: 'not-found' } } };
  const mismatch = cardMismatch(stored, input.cardData);
  if (mismatch) {
    const verb = decision === 'approval' ? 'Approve' : 'Reject';
    await audit(deps, 'refused', stored, personOf(input.actor), {
      detail: `${verb} refused: the card ${mismatch}.`,
    });
    return {
      admitted: false,
      outcome: { request: stored, notice: { kind: 'mismatch', what: mismatch } },
    };
  }
  return { admitted: true, stored };
}
