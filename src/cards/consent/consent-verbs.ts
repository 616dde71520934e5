import { CARD_VERBS } from '../card-verbs';

/** The Action.Execute verbs of the consent flow, namespaced `consent.*` (see card-verbs.ts). */
export const CONSENT_VERBS = CARD_VERBS.consent;

/** The Input.Text on the reject form. */
export const REJECT_REASON_INPUT = 'rejectReason';
