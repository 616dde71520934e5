/**
 * A channel (or chat) that asked for notifications with `notify here`. Consent
 * requests, secret-expiry reminders and ingestion status go to every subscription.
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

export const SUBSCRIPTIONS_PREFIX = 'subscriptions/';

export function subscriptionKey(conversationKey: string): string {
  return `${SUBSCRIPTIONS_PREFIX}${encodeURIComponent(conversationKey)}`;
}
