import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { renderNoticeCard, type AdaptiveCard } from '../../cards';
import {
  CHECK_NOW_VERB,
  renderSecretReminderCard,
  SNOOZE_DAYS,
  SNOOZE_VERB,
  type SecretReminderView,
} from '../../cards/notifications';
import { isApprover } from '../../monitor/approvers';
import { snoozeCredential } from '../../monitor/subscriptions';
import type { Bot } from '../bot';
import type { BotDeps } from '../bot-deps';
import { checkPermissionsCard } from '../commands/check-permissions';
import { notificationConversationKey } from './notification-conversation';
import { errorMessage } from '../../domain/product-error';

type CardData = Record<string, unknown>;

/** The reminder card's verbs: Snooze 7 days (approvers, per channel) and Check now. */
export function registerNotificationActions(app: Bot, deps: BotDeps): void {
  app.adaptiveCards.actionExecute<CardData>(SNOOZE_VERB, async (context, _state, data) =>
    snooze(context, deps, data ?? {}),
  );
  app.adaptiveCards.actionExecute<CardData>(CHECK_NOW_VERB, async () => checkPermissionsCard(deps));
}

async function snooze(context: TurnContext, deps: BotDeps, data: CardData): Promise<AdaptiveCard> {
  const reminder = reminderOf(data);
  const keyId = typeof data.keyId === 'string' ? data.keyId : undefined;
  if (!reminder || !keyId) {
    return renderNoticeCard({
      title: 'This reminder cannot be snoozed',
      lines: ['The card is incomplete; the next reminder will have a working Snooze.'],
      tone: 'warning',
    });
  }
  const user = context.activity.from?.aadObjectId;
  if (!isApprover(deps.approvers, user)) {
    return renderSecretReminderCard({
      ...reminder,
      notice: 'Only approvers (APPROVERS) can snooze reminders. Nothing was changed.',
    });
  }
  const until = new Date(deps.now().getTime() + SNOOZE_DAYS * 86_400_000);
  const snoozed = await snoozeCredential(
    deps.store,
    notificationConversationKey(context),
    keyId,
    until,
  );
  if (!snoozed) {
    return renderSecretReminderCard({
      ...reminder,
      notice: 'This conversation no longer receives notifications, so there is nothing to snooze.',
    });
  }
  deps.logger.info({ keyId, until: until.toISOString(), user }, 'secret-expiry reminder snoozed');
  const card = renderSecretReminderCard({
    ...reminder,
    snoozed: {
      until: until.toISOString(),
      by: context.activity.from?.name ?? user ?? 'an approver',
    },
  });
  await showToEveryone(context, card, deps);
  return card;
}

/** The invoke answer reaches only the clicker; the posted message is updated for the channel too. */
async function showToEveryone(
  context: TurnContext,
  card: AdaptiveCard,
  deps: BotDeps,
): Promise<void> {
  const messageId = context.activity.replyToId;
  if (!messageId) return;
  try {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
    activity.id = messageId;
    await context.updateActivity(activity);
  } catch (error) {
    deps.logger.warn(
      { err: { message: errorMessage(error) } },
      'could not update the reminder for everyone',
    );
  }
}

function reminderOf(data: CardData): SecretReminderView | undefined {
  const reminder = data.reminder as Partial<SecretReminderView> | undefined;
  const credential = reminder?.credential;
  if (
    !reminder ||
    typeof reminder !== 'object' ||
    !credential ||
    typeof credential.keyId !== 'string'
  )
    return undefined;
  if (
    typeof reminder.appName !== 'string' ||
    typeof reminder.appId !== 'string' ||
    typeof credential.endDateTime !== 'string'
  )
    return undefined;
  return {
    appName: reminder.appName,
    appId: reminder.appId,
    credential: {
      kind: credential.kind === 'certificate' ? 'certificate' : 'secret',
      keyId: credential.keyId,
      displayName: typeof credential.displayName === 'string' ? credential.displayName : null,
      hint: typeof credential.hint === 'string' ? credential.hint.slice(0, 3) : null,
      endDateTime: credential.endDateTime,
    },
    daysLeft: typeof reminder.daysLeft === 'number' ? reminder.daysLeft : 0,
    expired: reminder.expired === true,
    ...(reminder.newer &&
    typeof reminder.newer.keyId === 'string' &&
    typeof reminder.newer.endDateTime === 'string'
      ? {
          newer: {
            kind: reminder.newer.kind === 'certificate' ? 'certificate' : 'secret',
            keyId: reminder.newer.keyId,
            displayName:
              typeof reminder.newer.displayName === 'string' ? reminder.newer.displayName : null,
            hint: typeof reminder.newer.hint === 'string' ? reminder.newer.hint.slice(0, 3) : null,
            endDateTime: reminder.newer.endDateTime,
          },
        }
      : {}),
    simulated: reminder.simulated === true,
  };
}
