import { mapPool } from '../domain/map-pool';
import type { StoredConversation } from '../ports/conversations';
import type { ChannelTarget, Subscription, Subscriptions } from '../ports/subscriptions';
import { isStoreConflict, updateItem, type StateStore } from './state-store';

export type { ChannelTarget, Subscription };

const SUBSCRIPTIONS_PREFIX = 'subscriptions/';

export function subscriptionKey(conversationKey: string): string {
  return `${SUBSCRIPTIONS_PREFIX}${encodeURIComponent(conversationKey)}`;
}

/** The `Subscriptions` port over the state store (keys `subscriptions/…`, `conversations/…`). */
export function stateSubscriptions(store: StateStore): Subscriptions {
  return {
    list: () => listChannelTargets(store),
    forEach: (concurrency, work) => forEachChannelTarget(store, concurrency, work),
    subscribe: (conversation, by, now, byName) => subscribe(store, conversation, by, now, byName),
    unsubscribe: (conversationKey) => unsubscribe(store, conversationKey),
    snooze: (conversationKey, keyId, until) =>
      snoozeCredential(store, conversationKey, keyId, until),
  };
}

/** Prefix of everything recorded about what one channel was sent (reminders, ingestion, digest). */
export function channelLedgerPrefix(conversationKey: string): string {
  return `notifications/${encodeURIComponent(conversationKey)}/`;
}

/** Every subscription whose conversation is still known, read `concurrency` at a time. */
export async function listChannelTargets(
  store: StateStore,
  concurrency = 16,
): Promise<ChannelTarget[]> {
  const keys = await store.list(SUBSCRIPTIONS_PREFIX);
  const targets = await mapPool(keys, concurrency, (key) => readChannelTarget(store, key));
  return targets.filter((t): t is ChannelTarget => t !== undefined);
}

/**
 * Runs `work` for each subscribed conversation, `concurrency` at a time, each as soon as its own
 * records are read: a fan-out starts posting before the last subscription is loaded. Returns how
 * many conversations there were.
 */
async function forEachChannelTarget(
  store: StateStore,
  concurrency: number,
  work: (target: ChannelTarget) => Promise<void>,
): Promise<number> {
  const keys = await store.list(SUBSCRIPTIONS_PREFIX);
  let count = 0;
  await mapPool(keys, concurrency, async (key) => {
    const target = await readChannelTarget(store, key);
    if (!target) return;
    count++;
    await work(target);
  });
  return count;
}

async function readChannelTarget(
  store: StateStore,
  key: string,
): Promise<ChannelTarget | undefined> {
  const subscription = (await store.get<Subscription>(key))?.value;
  if (!subscription) return undefined;
  const conversation = (await store.get<StoredConversation>(subscription.conversationKey))?.value;
  return conversation ? { subscription, conversation } : undefined;
}

/** Subscribes the conversation; `already` when it was (nothing changes then). */
async function subscribe(
  store: StateStore,
  conversation: StoredConversation,
  by: string,
  now: Date,
  byName?: string,
): Promise<'subscribed' | 'already'> {
  // The reference must exist under its key: jobs find the conversation through it.
  await store.put(conversation.key, conversation);
  const subscription: Subscription = {
    conversationKey: conversation.key,
    subscribedBy: by,
    ...(byName ? { subscribedByName: byName.slice(0, 200) } : {}),
    subscribedAt: now.toISOString(),
  };
  try {
    await store.put(subscriptionKey(conversation.key), subscription, { ifNoneMatch: '*' });
    return 'subscribed';
  } catch (error) {
    if (isStoreConflict(error)) return 'already';
    throw error;
  }
}

/** Unsubscribes and forgets what the channel was sent; false when it was not subscribed. */
async function unsubscribe(store: StateStore, conversationKey: string): Promise<boolean> {
  const key = subscriptionKey(conversationKey);
  const existed = (await store.get(key)) !== undefined;
  await store.delete(key);
  const ledger = await store.list(channelLedgerPrefix(conversationKey));
  await mapPool(ledger, 8, (entry) => store.delete(entry));
  return existed;
}

/** Silences one credential's reminders in one channel until `until`; false when not subscribed. */
async function snoozeCredential(
  store: StateStore,
  conversationKey: string,
  keyId: string,
  until: Date,
): Promise<boolean> {
  const updated = await updateItem<Subscription>(
    store,
    subscriptionKey(conversationKey),
    (current) =>
      current
        ? { ...current, snoozedUntil: { ...current.snoozedUntil, [keyId]: until.toISOString() } }
        : undefined,
  );
  return updated !== undefined;
}
