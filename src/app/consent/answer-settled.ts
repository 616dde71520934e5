import type { ConsentRequest, ConsentRequestState, Person } from '../../domain/consent';
import type { ConsentServiceDeps } from './consent-deps';
import { closedNotice, expiredNotice, type ConsentActionOutcome } from './consent-outcome';
import { recordExpiry } from './expire-request';

/** The decisions Approve and Reject share: the request expired, was decided, or is being granted. */
export type SettledDecision =
  | { kind: 'expire'; next: ConsentRequest }
  | { kind: 'busy'; by: Person }
  | { kind: 'closed'; state: ConsentRequestState };

/** Answers a click on a request that is no longer open to it (recording an expiry once). */
export async function answerSettled(
  deps: ConsentServiceDeps,
  decision: SettledDecision,
  after: ConsentRequest,
): Promise<ConsentActionOutcome> {
  switch (decision.kind) {
    case 'expire':
      await recordExpiry(deps, after);
      return { request: after, notice: expiredNotice(after) };
    case 'closed':
      return { request: after, notice: closedNotice(after) };
    case 'busy':
      return { request: after, notice: { kind: 'busy', by: decision.by } };
  }
}
