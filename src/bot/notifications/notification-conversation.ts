import { TurnContext } from 'botbuilder';
import { conversationKey, type StoredConversation } from '../../ports/conversations';
import { activityTenantId } from '../tenant-gate';

/**
 * The conversation notifications go to, from any activity in it. In a channel Teams gives each
 * reply chain its own id (`19:…@thread.tacv2;messageid=…`); posting there would bury notifications
 * in that thread, so the channel itself (the id before `;`) is used and each post starts a new one.
 */
export function notificationConversation(context: TurnContext, now: Date): StoredConversation {
  const activity = context.activity;
  const type = activity.conversation.conversationType;
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  const id = kind === 'channel' ? channelIdOf(activity.conversation.id) : activity.conversation.id;
  const reference = TurnContext.getConversationReference(activity) as unknown as Record<
    string,
    unknown
  >;
  delete reference.activityId;
  reference.conversation = { ...(reference.conversation as Record<string, unknown>), id };
  const channelData = activity.channelData as
    { team?: { name?: unknown }; channel?: { name?: unknown } } | undefined;
  const label = [channelData?.team?.name, channelData?.channel?.name]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' › ');
  return {
    key: conversationKey(id),
    reference,
    kind,
    tenantId: activityTenantId(context),
    userAadObjectId: kind === 'personal' ? activity.from?.aadObjectId : undefined,
    label:
      label ||
      (kind === 'channel'
        ? 'a channel'
        : kind === 'groupChat'
          ? 'a group chat'
          : `a chat with ${activity.from?.name ?? 'a user'}`),
    updatedAt: now.toISOString(),
  };
}

export function channelIdOf(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
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
