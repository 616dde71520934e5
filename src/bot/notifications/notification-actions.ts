import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { AdaptiveCard } from '../../cards';
import { snoozeReminder } from '../../app/notifications';
import {
  CHECK_NOW_VERB,
  renderSecretReminderCard,
  SNOOZE_VERB,
  type SecretReminderView,
} from '../../cards/notifications';
import { execute, type CardAction, type CardData, type Parsed } from '../actions/card-action';
import { accept, noData, refuse } from '../actions/card-data';
import type { BotDeps } from '../bot-deps';
import { checkPermissionsCard } from '../commands/check-permissions';
import { notificationConversationKey } from './notification-conversation';
import { errorMessage } from '../../domain/product-error';

interface SnoozeClick {
  reminder: SecretReminderView;
  keyId: string;
}

/** The reminder card's verbs: Snooze 7 days (approvers, per channel) and Check now. */
export function notificationActions(deps: BotDeps): CardAction[] {
  return [
    execute(SNOOZE_VERB, parseSnooze, (context, click) => snooze(context, deps, click)),
    execute(CHECK_NOW_VERB, noData, () => checkPermissionsCard(deps)),
  ];
}

/** Snooze carries the reminder it was on (to answer with it) and the credential's key id. */
function parseSnooze(data: CardData): Parsed<SnoozeClick> {
  const reminder = reminderOf(data);
  const keyId = typeof data.keyId === 'string' ? data.keyId : undefined;
  if (!reminder || !keyId) {
    return refuse({
      title: 'This reminder cannot be snoozed',
      lines: ['The card is incomplete; the next reminder will have a working Snooze.'],
    });
  }
  return accept({ reminder, keyId });
}

async function snooze(
  context: TurnContext,
  deps: BotDeps,
  { reminder, keyId }: SnoozeClick,
): Promise<AdaptiveCard> {
  const user = context.activity.from?.aadObjectId;
  const outcome = await snoozeReminder(
    deps,
    notificationConversationKey(context),
    keyId,
    user ? { aadObjectId: user } : {},
    deps.now(),
  );
  if (outcome.kind === 'refused') {
    return renderSecretReminderCard({
      ...reminder,
      notice: 'Only approvers (APPROVERS) can snooze reminders. Nothing was changed.',
    });
  }
  if (outcome.kind === 'not-subscribed') {
    return renderSecretReminderCard({
      ...reminder,
      notice: 'This conversation no longer receives notifications, so there is nothing to snooze.',
    });
  }
  const until = outcome.until;
  deps.logger.info({ keyId, until, user }, 'secret-expiry reminder snoozed');
  const card = renderSecretReminderCard({
    ...reminder,
    snoozed: {
      until,
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
