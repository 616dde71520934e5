import { isApprover } from '../../ports/approvers';
import type { StoredConversation } from '../../ports/conversations';
import type { Subscriptions } from '../../ports/subscriptions';

/** What the notification use cases need. */
export interface NotificationPorts {
  subscriptions: Subscriptions;
  /** Entra object ids of the approvers (APPROVERS). */
  approvers: readonly string[];
}

/** Who asked, as Teams named them. */
export interface Requester {
  /** Entra object id; absent when Teams did not send one (never an approver then). */
  aadObjectId?: string;
  name?: string;
}

export type SubscribeOutcome =
  { kind: 'refused' } | { kind: 'subscribed' | 'already'; conversation: StoredConversation };

/** `notify here`: approvers subscribe the conversation to reminders, ingestion status and the digest. */
export async function subscribeConversation(
  ports: NotificationPorts,
  conversation: StoredConversation,
  by: Requester,
  now: Date,
): Promise<SubscribeOutcome> {
  if (!isApprover(ports.approvers, by.aadObjectId)) return { kind: 'refused' };
  const result = await ports.subscriptions.subscribe(
    conversation,
    by.aadObjectId ?? '',
    now,
    by.name,
  );
  return { kind: result, conversation };
}

export type StopOutcome = { kind: 'refused' } | { kind: 'stopped' | 'not-subscribed' };

/** `stop notifications`: approvers unsubscribe the conversation. */
export async function stopNotifications(
  ports: NotificationPorts,
  conversationKey: string,
  by: Requester,
): Promise<StopOutcome> {
  if (!isApprover(ports.approvers, by.aadObjectId)) return { kind: 'refused' };
  const existed = await ports.subscriptions.unsubscribe(conversationKey);
  return { kind: existed ? 'stopped' : 'not-subscribed' };
}

/** One subscribed conversation, as `notifications` lists it. */
export interface ChannelListing {
  label: string;
  kind: StoredConversation['kind'];
  /** A name, never an object id (older records kept none: "an approver"). */
  subscribedBy: string;
  subscribedAt: string;
  /** Snoozes still running. */
  snoozes: { credential: string; until: string }[];
  /** Whether it is the conversation the request came from. */
  here: boolean;
}

export interface NotificationListing {
  channels: ChannelListing[];
  /** Whether the requester may subscribe and stop (an approver). */
  canManage: boolean;
}

/** `notifications`: what is posted where; anyone may look. */
export async function listNotifications(
  ports: NotificationPorts,
  hereKey: string,
  by: Requester,
  now: Date,
): Promise<NotificationListing> {
  const targets = await ports.subscriptions.list();
  const at = now.getTime();
  return {
    channels: targets.map(({ subscription, conversation }) => ({
      label: conversation.label ?? conversation.kind,
      kind: conversation.kind,
      subscribedBy: subscription.subscribedByName || 'an approver',
      subscribedAt: subscription.subscribedAt,
      snoozes: Object.entries(subscription.snoozedUntil ?? {})
        .filter(([, until]) => Date.parse(until) > at)
        .map(([keyId, until]) => ({ credential: `credential ${keyId}`, until })),
      here: conversation.key === hereKey,
    })),
    canManage: isApprover(ports.approvers, by.aadObjectId),
  };
}
