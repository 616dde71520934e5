/** The Action.Execute verbs of the consent flow, namespaced `consent.*` (the bot registers each). */
export const CONSENT_VERBS = {
  /** On the check card: ask for admin consent for what is missing. */
  request: 'consent.request',
  approve: 'consent.approve',
  reject: 'consent.reject',
  /** Link mode: "I have consented" — re-check the tenant now. */
  check: 'consent.check',
  /** `refresh` of the request card: the current state, for the user who views it. */
  refresh: 'consent.refresh',
} as const;

/** The Input.Text on the reject form. */
export const REJECT_REASON_INPUT = 'rejectReason';
