export {
  createConsentService,
  type ConsentHistoryView,
  type ConsentService,
} from './consent-service';
export type { ConsentInspection, ConsentServiceDeps, DelegatedGrants } from './consent-deps';
export type { Actor, ConsentActionOutcome, ConsentNoticeView } from './consent-outcome';
export type { Delivery, RequestConsentOutcome } from './request-consent';
export { inspectConsent } from './inspect-consent';
export { buildConsentService } from './build-consent';
