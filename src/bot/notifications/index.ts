export {
  handleNotifyHere,
  handleStopNotifications,
  handleNotifications,
} from './notification-commands';
export { registerNotificationActions } from './notification-actions';
export { notificationConversation, notificationConversationKey } from './notification-conversation';
