import { includesPermission, type ConsentPermission } from './consent-permission';
import {
  isOpen,
  type CheckRow,
  type ConsentRequest,
  type ConsentRequestState,
  type GrantRefusal,
  type GrantStep,
  type Person,
} from './consent-request';

/** How long one approval may hold the right to write to Graph before another may take over. */
export const GRANT_CLAIM_MS = 2 * 60 * 1000;

/** The bot itself, for decisions nobody clicked (expiry, a consent seen by the scheduled re-check). */
export const BOT_PERSON: Person = { name: 'PCEmail Ops' };

function hasLiveClaim(request: ConsentRequest, now: Date): boolean {
  return (
    request.state === 'granting' &&
    request.claim !== undefined &&
    Date.parse(request.claim.until) > now.getTime()
  );
}

/** Open and past its expiry; a grant in progress is let finish first. */
export function isPastExpiry(request: ConsentRequest, now: Date): boolean {
  return (
    isOpen(request) && !hasLiveClaim(request, now) && now.getTime() >= Date.parse(request.expiresAt)
  );
}

export function expire(request: ConsentRequest, now: Date): ConsentRequest | undefined {
  if (!isPastExpiry(request, now)) return undefined;
  const { claim: _claim, ...rest } = request;
  return { ...rest, state: 'expired', expiredAt: now.toISOString() };
}

export type ApprovalDecision =
  /** Grant mode: this approval may write to Graph now. */
  | { kind: 'claim'; next: ConsentRequest }
  /** Link mode: approved; consent is given in Entra and seen by the re-check. */
  | { kind: 'approve-link'; next: ConsentRequest }
  | { kind: 'expire'; next: ConsentRequest }
  /** Another approval is writing to Graph right now. */
  | { kind: 'busy'; by: Person }
  /** Link mode, already approved: nothing to change, the link stands. */
  | { kind: 'waiting-for-consent' }
  | { kind: 'closed'; state: ConsentRequestState };

export function decideApproval(
  request: ConsentRequest,
  input: { approver: Person; now: Date; mode: 'grant' | 'link'; claimToken: string },
): ApprovalDecision {
  const { approver, now } = input;
  const expired = expire(request, now);
  if (expired) return { kind: 'expire', next: expired };
  if (!isOpen(request)) return { kind: 'closed', state: request.state };
  if (hasLiveClaim(request, now)) return { kind: 'busy', by: request.claim?.by ?? BOT_PERSON };
  const approved = { ...request, approvedBy: approver, approvedAt: now.toISOString() };
  if (input.mode === 'grant') {
    const until = new Date(now.getTime() + GRANT_CLAIM_MS).toISOString();
    return {
      kind: 'claim',
      next: {
        ...approved,
        state: 'granting',
        claim: { token: input.claimToken, by: approver, until },
      },
    };
  }
  if (request.state === 'awaiting-consent') return { kind: 'waiting-for-consent' };
  const { claim: _claim, ...rest } = approved;
  return { kind: 'approve-link', next: { ...rest, state: 'awaiting-consent' } };
}

export interface GrantAttempt {
  claimToken: string;
  steps: GrantStep[];
  /** Graph answered 403: the bot may not grant; the link is offered. */
  refusal?: GrantRefusal;
  /** Why nothing could be attempted (e.g. Graph unavailable while re-reading the tenant). */
  problem?: string;
  consentChecks?: CheckRow[];
  now: Date;
}

/**
 * Records a grant attempt; undefined when the claim was lost meanwhile (then someone else's
 * outcome stands). A permission counts as done when it was granted now or earlier, or Graph says
 * it already existed.
 */
export function completeGrant(
  request: ConsentRequest,
  attempt: GrantAttempt,
): ConsentRequest | undefined {
  if (request.state !== 'granting' || request.claim?.token !== attempt.claimToken) return undefined;
  const grantedNow = attempt.steps.filter((s) => s.outcome === 'granted').map((s) => s.permission);
  const granted = [
    ...request.granted,
    ...grantedNow.filter((p) => !includesPermission(request.granted, p)),
  ];
  const settled = (p: ConsentPermission) =>
    includesPermission(granted, p) ||
    attempt.steps.some(
      (s) => s.outcome === 'already-granted' && includesPermission([s.permission], p),
    );
  const { claim: _claim, problem: _problem, grantRefused: _refused, ...rest } = request;
  const base: ConsentRequest = {
    ...rest,
    granted,
    steps: attempt.steps,
    ...(attempt.problem ? { problem: attempt.problem } : {}),
    ...(attempt.consentChecks ? { consentChecks: attempt.consentChecks } : {}),
  };
  if (request.permissions.every(settled)) {
    return {
      ...base,
      state: 'granted',
      completedAt: attempt.now.toISOString(),
      completedHow: granted.length > 0 ? 'granted-by-bot' : 'already-granted',
    };
  }
  if (attempt.refusal) return { ...base, state: 'awaiting-consent', grantRefused: attempt.refusal };
  return { ...base, state: 'partially-granted' };
}

/** The request no longer matches the tenant (e.g. PCEmail's app changed): closed, nothing granted. */
export function closeAsInvalid(
  request: ConsentRequest,
  claimToken: string,
  reason: string,
  now: Date,
): ConsentRequest | undefined {
  if (request.state !== 'granting' || request.claim?.token !== claimToken) return undefined;
  const { claim: _claim, ...rest } = request;
  return {
    ...rest,
    state: 'rejected',
    rejectedBy: BOT_PERSON,
    rejectedAt: now.toISOString(),
    rejectReason: reason,
  };
}

export type RejectionDecision =
  | { kind: 'reject'; next: ConsentRequest }
  | { kind: 'expire'; next: ConsentRequest }
  | { kind: 'busy'; by: Person }
  | { kind: 'closed'; state: ConsentRequestState };

export function decideRejection(
  request: ConsentRequest,
  input: { by: Person; reason: string; now: Date },
): RejectionDecision {
  const expired = expire(request, input.now);
  if (expired) return { kind: 'expire', next: expired };
  if (!isOpen(request)) return { kind: 'closed', state: request.state };
  if (hasLiveClaim(request, input.now))
    return { kind: 'busy', by: request.claim?.by ?? BOT_PERSON };
  const { claim: _claim, ...rest } = request;
  return {
    kind: 'reject',
    next: {
      ...rest,
      state: 'rejected',
      rejectedBy: input.by,
      rejectedAt: input.now.toISOString(),
      ...(input.reason ? { rejectReason: input.reason } : {}),
    },
  };
}

/**
 * The tenant now holds consent for every permission of the request (granted in Entra, through
 * the admin-consent link or otherwise): the request is done. A grant in progress is let finish.
 */
export function observeConsent(
  request: ConsentRequest,
  input: { stillMissing: readonly ConsentPermission[]; now: Date; consentChecks?: CheckRow[] },
): ConsentRequest | undefined {
  if (!isOpen(request) || hasLiveClaim(request, input.now)) return undefined;
  if (request.permissions.some((p) => includesPermission(input.stillMissing, p))) return undefined;
  const { claim: _claim, ...rest } = request;
  return {
    ...rest,
    state: 'granted',
    completedAt: input.now.toISOString(),
    completedHow: 'consent-seen',
    ...(input.consentChecks ? { consentChecks: input.consentChecks } : {}),
  };
}
