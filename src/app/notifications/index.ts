export {
  listNotifications,
  stopNotifications,
  subscribeConversation,
  type ChannelListing,
  type NotificationListing,
  type NotificationPorts,
  type Requester,
  type StopOutcome,
  type SubscribeOutcome,
} from './manage-subscriptions';
export { snoozeReminder, type SnoozeOutcome } from './snooze-reminder';
