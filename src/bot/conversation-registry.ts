import type { TurnContext } from 'botbuilder';
import { conversationKey, type StoredConversation } from '../ports/conversations';
import type { StateStore } from '../store/state-store';
import { conversationOf } from './conversation-of';

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
    const conversation = conversationOf(context, this.now(), 'as-sent');
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
