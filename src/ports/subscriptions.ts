import type { StoredConversation } from '../ports/conversations';

/**
 * A channel (or chat) that asked for notifications with `notify here`. Consent requests,
 * secret-expiry reminders and ingestion status go to every subscription.
 */
export interface Subscription {
  /** The StoredConversation key of the subscribed conversation. */
  conversationKey: string;
  /** Entra object id of the approver who subscribed it. */
  subscribedBy: string;
  /** Their display name as Teams sent it; cards show this, never the object id. */
  subscribedByName?: string;
  subscribedAt: string;
  /** Per-channel snooze of secret-expiry reminders: credential keyId → ISO time the snooze ends. */
  snoozedUntil?: Record<string, string>;
}

/** A subscribed conversation, ready to post into. */
export interface ChannelTarget {
  subscription: Subscription;
  conversation: StoredConversation;
}

/**
 * Which conversations receive notifications. Implemented over the state store by
 * `store/state-subscriptions.ts` (`stateSubscriptions`).
 */
export interface Subscriptions {
  /** Every subscription whose conversation is still known. */
  list(): Promise<ChannelTarget[]>;
  /**
   * Runs `work` for each subscribed conversation, `concurrency` at a time, each as soon as its own
   * records are read (a fan-out starts before the last one is loaded). Resolves with how many.
   */
  forEach(concurrency: number, work: (target: ChannelTarget) => Promise<void>): Promise<number>;
  /** Subscribes the conversation (and stores its reference); `already` when it was. */
  subscribe(
    conversation: StoredConversation,
    by: string,
    now: Date,
    byName?: string,
  ): Promise<'subscribed' | 'already'>;
  /**
   * Unsubscribes and forgets what the channel was sent (also when Teams says the bot can no longer
   * post there); false when it was not subscribed.
   */
  unsubscribe(conversationKey: string): Promise<boolean>;
  /** Silences one credential's reminders in one channel until `until`; false when not subscribed. */
  snooze(conversationKey: string, keyId: string, until: Date): Promise<boolean>;
}
