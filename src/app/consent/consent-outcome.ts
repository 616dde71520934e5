import type { ConsentNotice } from '../../cards/consent';
import type { ConsentRequest } from '../../domain/consent';

/** What a consent action answers the person who clicked: the request as it now is, and a note. */
export interface ConsentActionOutcome {
  request?: ConsentRequest;
  notice?: ConsentNotice;
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
