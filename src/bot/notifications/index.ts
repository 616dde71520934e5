export {
  handleNotifyHere,
  handleStopNotifications,
  handleNotifications,
} from './notification-commands';
export { notificationActions } from './notification-actions';
export { notificationConversation, notificationConversationKey } from './notification-conversation';
