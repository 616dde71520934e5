import type { TurnContext } from 'botbuilder';
import { conversationKey, type StoredConversation } from '../../ports/conversations';
import { channelIdOf, conversationOf } from '../conversation-of';

/** The conversation notifications go to, from any activity in it (the channel, not a reply chain). */
export function notificationConversation(context: TurnContext, now: Date): StoredConversation {
  return conversationOf(context, now, 'channel');
}

/** The key under which notifications for the activity's conversation are subscribed. */
export function notificationConversationKey(context: TurnContext): string {
  const activity = context.activity;
  const id =
    activity.conversation.conversationType === 'channel'
      ? channelIdOf(activity.conversation.id)
      : activity.conversation.id;
  return conversationKey(id);
}
