import type { TurnContext } from 'botbuilder';
import { plainText } from '../../cards';
import { renderNotificationsOverviewCard, renderSubscriptionCard } from '../../cards/notifications';
import {
  listNotifications,
  stopNotifications,
  subscribeConversation,
  type Requester,
} from '../../app/notifications';
import type { StoredConversation } from '../../ports/conversations';
import type { BotDeps } from '../bot-deps';
import { sendCard } from '../send-card';
import { notificationConversation, notificationConversationKey } from './notification-conversation';

/** `notify here`: approvers subscribe this conversation to reminders, ingestion status and the digest. */
export async function handleNotifyHere(context: TurnContext, deps: BotDeps): Promise<void> {
  const outcome = await subscribeConversation(
    deps,
    notificationConversation(context, deps.now()),
    requesterOf(context),
    deps.now(),
  );
  if (outcome.kind === 'refused') {
    await refuse(context, deps, 'subscribe a conversation to notifications');
    return;
  }
  const { conversation } = outcome;
  const facts = deps.notifications;
  await sendCard(
    context,
    renderSubscriptionCard({
      title:
        outcome.kind === 'already'
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
  const outcome = await stopNotifications(
    deps,
    notificationConversationKey(context),
    requesterOf(context),
  );
  if (outcome.kind === 'refused') {
    await refuse(context, deps, 'stop notifications');
    return;
  }
  const existed = outcome.kind === 'stopped';
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
  const listing = await listNotifications(
    deps,
    notificationConversationKey(context),
    requesterOf(context),
    deps.now(),
  );
  const facts = deps.notifications;
  await sendCard(
    context,
    renderNotificationsOverviewCard({
      simulated: deps.tenant.mode === 'simulated',
      channels: listing.channels,
      watchedApps: facts?.watchedApps ?? [deps.appName],
      reminderDays: facts?.reminderDays ?? [],
      schedules: facts?.schedules ?? { timezone: 'UTC' },
      mailboxCount: facts?.mailboxCount ?? 0,
      backlogMinutes: facts?.backlogMinutes ?? 0,
      externalJobs: facts?.externalJobs ?? false,
      canManage: listing.canManage,
    }),
  );
}

function requesterOf(context: TurnContext): Requester {
  const from = context.activity.from;
  return {
    ...(from?.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
    ...(from?.name ? { name: from.name } : {}),
  };
}

/** Non-approvers are told why, and nothing changes. */
async function refuse(context: TurnContext, deps: BotDeps, what: string): Promise<void> {
  const user = context.activity.from?.aadObjectId;
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
}

function where(conversation: StoredConversation): string {
  if (conversation.kind === 'channel')
    return conversation.label && conversation.label !== 'a channel'
      ? `The channel ${plainText(conversation.label, 120)}`
      : 'This channel';
  return conversation.kind === 'groupChat' ? 'This group chat' : 'This chat';
}
