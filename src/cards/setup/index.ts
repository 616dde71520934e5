export { renderSetupStepCard, type SetupStepCardView } from './setup-step-card';
export { renderSetupSummaryCard, type SetupSummaryCardView } from './setup-summary-card';
export {
  renderTroubleshootMenuCard,
  renderTroubleshootResultCard,
  type TroubleshootMenuView,
  type TroubleshootResultView,
} from './troubleshooting-card';
export {
  renderExplanationCard,
  TROUBLESHOOT_VERBS,
  type ExplanationCardView,
} from './explanation-card';
export { SETUP_VERBS, type CardNotice, type SetupVerb } from './setup-card-parts';
export {
  renderNoSetupCard,
  renderSetupCancelledCard,
  renderSetupFailedCard,
  renderSetupInProgressCard,
  renderStaleSetupCard,
} from './setup-notices';
