import { TurnContext } from 'botbuilder';
import { conversationKey, type StoredConversation } from '../ports/conversations';
import { activityTenantId } from './tenant-gate';

/**
 * The one place a Teams activity becomes a StoredConversation (its conversation reference as plain
 * JSON, plus what the product needs). `as-sent` keeps the conversation exactly as the activity
 * names it (the conversation registry); `channel` is where notifications go: in a channel Teams
 * gives each reply chain its own id (`19:…@thread.tacv2;messageid=…`), and posting there would bury
 * notifications in that thread, so the channel itself (the id before `;`) is used, no activity is
 * replied to, and a missing label is worded ("a channel", "a chat with …").
 */
export function conversationOf(
  context: TurnContext,
  now: Date,
  scope: 'as-sent' | 'channel',
): StoredConversation {
  const activity = context.activity;
  const type = activity.conversation.conversationType;
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  const reference = TurnContext.getConversationReference(activity) as unknown as Record<
    string,
    unknown
  >;
  let id = activity.conversation.id;
  if (scope === 'channel') {
    if (kind === 'channel') id = channelIdOf(id);
    delete reference.activityId;
    reference.conversation = { ...(reference.conversation as Record<string, unknown>), id };
  }
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
    label: label || (scope === 'channel' ? placeholderLabel(kind, activity.from?.name) : undefined),
    updatedAt: now.toISOString(),
  };
}

/** A channel's own id: the part of a reply chain's conversation id before `;`. */
export function channelIdOf(conversationId: string): string {
  return conversationId.split(';')[0] ?? conversationId;
}

function placeholderLabel(kind: StoredConversation['kind'], userName: string | undefined): string {
  if (kind === 'channel') return 'a channel';
  if (kind === 'groupChat') return 'a group chat';
  return `a chat with ${userName ?? 'a user'}`;
}
