export * from './adaptive-card';
export { TEAMS_CARD_LIMIT_BYTES, CARD_BUDGET_BYTES, cardSizeBytes } from './card-size';
export { plainText, PLAIN_TEXT_MAX_LENGTH } from './plain-text';
export { formatUtc } from './format-time';
export {
  SIMULATED_RESULTS_BANNER,
  SIMULATED_BOT_BANNER,
  STATUS_WORD,
  type TenantView,
} from './card-parts';
export { renderDiagnosisCard, type DiagnosisCardView } from './diagnosis-card';
export { renderCheckingCard, type CheckingCardView } from './checking-card';
export { renderHelpCard, type HelpCardView, type CommandView } from './help-card';
export { renderWelcomeCard, type WelcomeCardView } from './welcome-card';
export { renderNoticeCard, type NoticeCardView, type NoticeTone } from './notice-card';
export { renderTurnFailedCard } from './turn-failed-card';
export { renderWhoamiCard, type WhoamiCardView } from './whoami-card';
