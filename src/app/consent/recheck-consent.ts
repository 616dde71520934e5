import { isTenantError } from '../../domain';
import {
  BOT_PERSON,
  includesPermission,
  isOpen,
  observeConsent,
  type ConsentRequest,
  type Person,
} from '../../domain/consent';
import { isApprover } from '../../ports/approvers';
import type { ConsentInspection, ConsentServiceDeps } from './consent-deps';
import {
  closedNotice,
  expiredNotice,
  type Actor,
  type ConsentActionOutcome,
} from './consent-outcome';
import { changeRequest } from './consent-records';
import { expireIfDue } from './expire-request';
import { personOf } from './person-of';
import { audit, publishRequest } from './publish-request';

/**
 * "I have consented": re-reads the tenant and completes the request when every permission of it
 * now has consent (the bot checks the tenant itself rather than trusting a redirect). Anyone may
 * ask: it only reads, and changes the request only to what the tenant shows.
 */
export async function recheckConsent(
  deps: ConsentServiceDeps,
  input: { requestId: unknown; actor: Actor },
): Promise<ConsentActionOutcome> {
  const id = typeof input.requestId === 'string' ? input.requestId : '';
  const { request, expired } = await expireIfDue(deps, id);
  if (!request) return { notice: { kind: 'not-found' } };
  if (expired) return { request, notice: expiredNotice(request) };
  if (!isOpen(request)) return { request, notice: closedNotice(request) };
  let inspection: ConsentInspection;
  try {
    inspection = await deps.inspect();
  } catch (error) {
    if (!isTenantError(error)) throw error;
    return { request, notice: { kind: 'tenant-unreadable', reason: error.info.message } };
  }
  const completed = await completeIfConsented(deps, request, inspection, personOf(input.actor));
  if (completed) return { request: completed, notice: { kind: 'consent-seen' } };
  const gap = inspection.gap;
  if (!gap.ok) return { request, notice: { kind: 'tenant-unreadable', reason: gap.reason } };
  const missing = request.permissions.filter(
    (p) => includesPermission(gap.missing, p) || includesPermission(gap.notRequested, p),
  );
  return { request, notice: { kind: 'consent-not-yet', missing } };
}

/** Completes the request when the tenant holds consent for all of it; the stored result, or undefined. */
export async function completeIfConsented(
  deps: ConsentServiceDeps,
  request: ConsentRequest,
  inspection: ConsentInspection,
  actor: Person = BOT_PERSON,
): Promise<ConsentRequest | undefined> {
  const gap = inspection.gap;
  if (!gap.ok || gap.target.appId.toLowerCase() !== request.appId.toLowerCase()) return undefined;
  const stillMissing = [...gap.missing, ...gap.notRequested];
  const { after, changed } = await changeRequest(deps.store, request.id, (current) =>
    observeConsent(current, {
      stillMissing,
      now: deps.now(),
      consentChecks: inspection.consentChecks,
    }),
  );
  if (!changed || !after) return undefined;
  await audit(deps, 'consent-seen', after, actor, {
    detail: 'Admin consent for every permission of the request was found in the tenant.',
  });
  await publishRequest(deps, after);
  return after;
}

/** The card for one viewer (refresh): the current state; Approve never depends on this view. */
export async function viewRequest(
  deps: ConsentServiceDeps,
  input: { requestId: unknown; actor: Actor },
): Promise<ConsentActionOutcome> {
  const id = typeof input.requestId === 'string' ? input.requestId : '';
  const { request } = await expireIfDue(deps, id);
  if (!request) return { notice: { kind: 'not-found' } };
  return {
    request,
    viewer: isApprover(deps.approvers, input.actor.aadObjectId) ? 'approver' : 'other',
  };
}
