import { isApprover } from '../../ports/approvers';
import { SNOOZE_DAYS } from '../../domain/notifications/snooze';
import type { NotificationPorts, Requester } from './manage-subscriptions';

export type SnoozeOutcome =
  { kind: 'refused' } | { kind: 'not-subscribed' } | { kind: 'snoozed'; until: string };

/** Snooze on a secret-expiry reminder: approvers only, per channel, for SNOOZE_DAYS. */
export async function snoozeReminder(
  ports: NotificationPorts,
  conversationKey: string,
  keyId: string,
  by: Requester,
  now: Date,
): Promise<SnoozeOutcome> {
  if (!isApprover(ports.approvers, by.aadObjectId)) return { kind: 'refused' };
  const until = new Date(now.getTime() + SNOOZE_DAYS * 86_400_000);
  const snoozed = await ports.subscriptions.snooze(conversationKey, keyId, until);
  return snoozed ? { kind: 'snoozed', until: until.toISOString() } : { kind: 'not-subscribed' };
}
