import { CONVERSATIONS_PREFIX, type StoredConversation } from '../../monitor/stored-conversation';
import { listChannelTargets } from '../../store/state-subscriptions';
import type { StateStore } from '../../store/state-store';
import { isApprover } from './approvers';

export interface Destination {
  conversation: StoredConversation;
  why: 'subscribed channel' | 'approver chat' | 'requester';
}

/**
 * Where a request goes (DESIGN §8): every conversation subscribed with `notify here`, and each
 * approver's 1:1 chat with the bot (stored conversation references: a 1:1 created from an object
 * id fails in the Agents Playground, and needs the user's consent to the app in Teams).
 */
export async function findDestinations(
  store: StateStore,
  approvers: readonly string[],
): Promise<Destination[]> {
  const found = new Map<string, Destination>();
  for (const { conversation } of await listChannelTargets(store)) {
    found.set(conversation.key, { conversation, why: 'subscribed channel' });
  }
  for (const key of await store.list(CONVERSATIONS_PREFIX)) {
    if (found.has(key)) continue;
    const conversation = (await store.get<StoredConversation>(key))?.value;
    if (conversation?.kind === 'personal' && isApprover(approvers, conversation.userAadObjectId)) {
      found.set(conversation.key, { conversation, why: 'approver chat' });
    }
  }
  return [...found.values()];
}

/** The approver's Teams user id (MRI) from their 1:1 conversation reference, for refresh.userIds. */
export function teamsUserIdOf(conversation: StoredConversation): string | undefined {
  const user = (conversation.reference as { user?: { id?: unknown } }).user;
  return typeof user?.id === 'string' && user.id !== '' ? user.id : undefined;
}

export function labelOf(conversation: StoredConversation): string {
  if (conversation.label) return conversation.label;
  return conversation.kind === 'personal'
    ? 'a 1:1 chat'
    : conversation.kind === 'channel'
      ? 'a channel'
      : 'a group chat';
}
