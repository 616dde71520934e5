/** Why a user token could not be exchanged, in words for the approver. */
export type OboFailureKind =
  | 'expired'
  | 'consent-missing'
  | 'wrong-app'
  | 'invalid-token'
  | 'throttled'
  | 'unavailable'
  | 'refused';

export interface OboFailure {
  kind: OboFailureKind;
  message: string;
  aadsts?: number;
  correlationId?: string;
}

/**
 * The approver's Teams sign-in exchanged on-behalf-of the bot for a Graph token (implemented by
 * `tenant/on-behalf-of.ts` `exchangeOnBehalfOf`), or why not.
 */
export type OboResult = { ok: true; accessToken: string } | { ok: false; failure: OboFailure };
