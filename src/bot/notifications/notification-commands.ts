import type { TurnContext } from 'botbuilder';
import { plainText } from '../../cards';
import { renderNotificationsOverviewCard, renderSubscriptionCard } from '../../cards/notifications';
import { isApprover } from '../../ports/approvers';
import type { StoredConversation } from '../../ports/conversations';
import { listChannelTargets, subscribe, unsubscribe } from '../../monitor/subscriptions';
import type { BotDeps } from '../bot-deps';
import { sendCard } from '../send-card';
import { notificationConversation, notificationConversationKey } from './notification-conversation';

/** `notify here`: approvers subscribe this conversation to reminders, ingestion status and the digest. */
export async function handleNotifyHere(context: TurnContext, deps: BotDeps): Promise<void> {
  if (!(await approverOnly(context, deps, 'subscribe a conversation to notifications'))) return;
  const conversation = notificationConversation(context, deps.now());
  const by = context.activity.from?.aadObjectId ?? '';
  const result = await subscribe(deps.store, conversation, by, deps.now(), context.activity.from?.name);
  const facts = deps.notifications;
  await sendCard(
    context,
    renderSubscriptionCard({
      title:
        result === 'already'
          ? 'This conversation already receives notifications'
          : 'Notifications will be posted here',
      tone: 'good',
      simulated: deps.tenant.mode === 'simulated',
      lines: [
        `${where(conversation)} gets secret-expiry reminders for ${plainText((facts?.watchedApps ?? [deps.appName]).join(', '))}, a card when a PCEmail mailbox changes state, and a daily digest.`,
        'Reminders already due are posted with the next run. "notifications" shows what goes where; "stop notifications" ends it.',
      ],
    }),
  );
}

/** `stop notifications`: approvers unsubscribe this conversation. */
export async function handleStopNotifications(context: TurnContext, deps: BotDeps): Promise<void> {
  if (!(await approverOnly(context, deps, 'stop notifications'))) return;
  const existed = await unsubscribe(deps.store, notificationConversationKey(context));
  await sendCard(
    context,
    renderSubscriptionCard({
      title: existed
        ? 'Notifications stopped here'
        : 'This conversation did not receive notifications',
      tone: 'default',
      simulated: deps.tenant.mode === 'simulated',
      lines: existed
        ? [
            'No more reminders, ingestion cards or digests are posted here. An approver can type "notify here" to start again.',
          ]
        : ['Nothing changed. An approver can type "notify here" to subscribe it.'],
    }),
  );
}

/** `notifications`: what is posted, where, when; anyone may look. */
export async function handleNotifications(context: TurnContext, deps: BotDeps): Promise<void> {
  const here = notificationConversationKey(context);
  const targets = await listChannelTargets(deps.store);
  const facts = deps.notifications;
  const now = deps.now().getTime();
  await sendCard(
    context,
    renderNotificationsOverviewCard({
      simulated: deps.tenant.mode === 'simulated',
      channels: targets.map(({ subscription, conversation }) => ({
        label: conversation.label ?? conversation.kind,
        kind: conversation.kind,
        // A name, never an object id (older records kept none: "an approver").
        subscribedBy: subscription.subscribedByName || 'an approver',
        subscribedAt: subscription.subscribedAt,
        snoozes: Object.entries(subscription.snoozedUntil ?? {})
          .filter(([, until]) => Date.parse(until) > now)
          .map(([keyId, until]) => ({ credential: `credential ${keyId}`, until })),
        here: conversation.key === here,
      })),
      watchedApps: facts?.watchedApps ?? [deps.appName],
      reminderDays: facts?.reminderDays ?? [],
      schedules: facts?.schedules ?? { timezone: 'UTC' },
      mailboxCount: facts?.mailboxCount ?? 0,
      backlogMinutes: facts?.backlogMinutes ?? 0,
      externalJobs: facts?.externalJobs ?? false,
      canManage: isApprover(deps.approvers, context.activity.from?.aadObjectId),
    }),
  );
}

/** Non-approvers are told why, and nothing changes. */
async function approverOnly(context: TurnContext, deps: BotDeps, what: string): Promise<boolean> {
  const user = context.activity.from?.aadObjectId;
  if (isApprover(deps.approvers, user)) return true;
  deps.logger.info({ user }, `refused: only approvers may ${what}`);
  await sendCard(
    context,
    renderSubscriptionCard({
      title: `Only approvers can ${what}`,
      tone: 'warning',
      simulated: deps.tenant.mode === 'simulated',
      lines: [
        'Approvers are the people listed in the bot’s APPROVERS setting (Entra object ids). Nothing was changed.',
        user
          ? `Your Entra object id is ${plainText(user, 60)}; ask an administrator to add it if you should manage notifications.`
          : 'Teams did not tell me your Entra object id.',
      ],
    }),
  );
  return false;
}

function where(conversation: StoredConversation): string {
  if (conversation.kind === 'channel')
    return conversation.label && conversation.label !== 'a channel'
      ? `The channel ${plainText(conversation.label, 120)}`
      : 'This channel';
  return conversation.kind === 'groupChat' ? 'This group chat' : 'This chat';
}
