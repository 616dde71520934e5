export { CONSENT_VERBS, REJECT_REASON_INPUT } from './consent-verbs';
export {
  renderConsentRequestCard,
  type ConsentNotice,
  type ConsentRequestCardView,
} from './consent-request-card';
export { renderConsentHistoryCard, type ConsentHistoryCardView } from './consent-history-card';
