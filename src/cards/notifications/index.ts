export {
  renderSecretReminderCard,
  SNOOZE_VERB,
  CHECK_NOW_VERB,
  SNOOZE_DAYS,
  type SecretReminderView,
  type CredentialView,
} from './secret-reminder-card';
export {
  renderIngestionChangesCard,
  renderIngestionDigestCard,
  type IngestionChangeView,
  type IngestionChangesCardView,
  type IngestionDigestCardView,
  type IngestionStateView,
  type MailboxRowView,
} from './ingestion-cards';
export {
  renderNotificationsOverviewCard,
  renderSubscriptionCard,
  type ChannelView,
  type NotificationsOverviewView,
  type SubscriptionChangeView,
} from './subscription-cards';
