export { consentActions } from './consent-actions';
export { handleConsentHistory } from './consent-history-command';
