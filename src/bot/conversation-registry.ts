import { TurnContext } from 'botbuilder';
import { conversationKey, type StoredConversation } from '../ports/conversations';
import type { StateStore } from '../store/state-store';
import { activityTenantId } from './tenant-gate';

/**
 * Remembers every conversation the bot is installed in or addressed from (as plain JSON), so jobs
 * can post there later; forgets it on uninstall. One write per conversation per process: the
 * reference does not change between turns, and `help` must not pay a storage round trip.
 */
export class ConversationRegistry {
  private readonly known = new Set<string>();

  constructor(
    private readonly store: StateStore,
    private readonly now: () => Date,
  ) {}

  async remember(context: TurnContext): Promise<StoredConversation> {
    const conversation = describe(context, this.now());
    if (this.known.has(conversation.key)) return conversation;
    await this.store.put(conversation.key, conversation);
    this.known.add(conversation.key);
    return conversation;
  }

  async forget(context: TurnContext): Promise<void> {
    const key = conversationKey(context.activity.conversation.id);
    this.known.delete(key);
    await this.store.delete(key);
  }
}

/** True when this activity tells that the bot was removed from the conversation. */
export function isBotRemoved(context: TurnContext): boolean {
  const activity = context.activity;
  if (activity.type === 'installationUpdate') return activity.action === 'remove';
  if (activity.type !== 'conversationUpdate') return false;
  return (activity.membersRemoved ?? []).some((member) => member.id === activity.recipient?.id);
}

function describe(context: TurnContext, now: Date): StoredConversation {
  const activity = context.activity;
  const type = activity.conversation.conversationType;
  const kind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  const channelData = activity.channelData as
    | { team?: { name?: unknown }; channel?: { name?: unknown } }
    | undefined;
  const label = [channelData?.team?.name, channelData?.channel?.name]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join(' › ');
  const reference = TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>;
  return {
    key: conversationKey(activity.conversation.id),
    reference,
    kind,
    tenantId: activityTenantId(context),
    userAadObjectId: kind === 'personal' ? activity.from?.aadObjectId : undefined,
    label: label || undefined,
    updatedAt: now.toISOString(),
  };
}
