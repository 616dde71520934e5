import type {
  ConsentPermission,
  ConsentRequest,
  ConsentRequestState,
  Person,
} from '../../domain/consent';

/**
 * What the person who clicked is told above the request card, as data: the wording is
 * bot/consent/consent-notices.ts `noticeText`.
 */
export type ConsentNoticeView =
  | { kind: 'not-approver' }
  | { kind: 'not-found' }
  | { kind: 'mismatch'; what: string }
  | { kind: 'busy'; by: Person }
  | { kind: 'closed'; state: ConsentRequestState }
  | { kind: 'expired'; at: string }
  | { kind: 'waiting-for-consent' }
  | { kind: 'claim-lost' }
  | { kind: 'partly-granted' }
  | { kind: 'refused' }
  | { kind: 'granted' }
  | { kind: 'consent-seen' }
  | { kind: 'consent-not-yet'; missing: readonly ConsentPermission[] }
  | { kind: 'tenant-unreadable'; reason: string }
  /** The grant plan found the request cannot be granted any more (`reason` says why). */
  | { kind: 'invalid'; reason: string }
  /** Delegated mode without single sign-on configured. */
  | { kind: 'sso-missing' }
  /** Delegated mode: the approver's sign-in could not be exchanged on-behalf-of. */
  | { kind: 'sign-in-failed'; retryable: boolean; message: string; correlationId?: string }
  /** Delegated mode: Entra refused the approver's own rights (no admin role). */
  | { kind: 'approver-lacks-role'; partlyGranted: boolean };

/** What a consent action answers the person who clicked: the request as it now is, and a note. */
export interface ConsentActionOutcome {
  request?: ConsentRequest;
  notice?: ConsentNoticeView;
  /** A user-specific view (refresh). */
  viewer?: 'approver' | 'other';
  /** Delegated mode: the approver must sign in (Teams single sign-on) before anything happens. */
  signIn?: boolean;
}

/** Who clicked: Entra object id (what APPROVERS holds), Teams user id and display name. */
export interface Actor {
  aadObjectId?: string;
  teamsUserId?: string;
  name: string;
}

/** The gate's notices that depend on the request. */
export function expiredNotice(request: ConsentRequest): ConsentNoticeView {
  return { kind: 'expired', at: request.expiredAt ?? request.expiresAt };
}

export function closedNotice(request: ConsentRequest): ConsentNoticeView {
  return { kind: 'closed', state: request.state };
}
