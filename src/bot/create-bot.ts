import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { renderNoticeCard, renderWelcomeCard } from '../cards';
import { registerCardActions } from './actions';
import type { Bot } from './bot';
import { COMMAND_HANDLERS } from './commands';
import { handleUnrecognisedText } from './commands/unrecognised-text';
import type { BotDeps } from './bot-deps';
import { COMMANDS } from './command-catalogue';
import { commandFromCardSubmit, parseMessage } from './command-matcher';
import { isBotRemoved } from './conversation-registry';
import { answerFailedTurn } from './answer-failed-turn';
import { sendCard } from './send-card';
import { activityTenantId, isTenantAllowed } from './tenant-gate';
import { errorMessage } from '../domain/product-error';

export type { Bot } from './bot';

/** Builds the whole bot from its dependencies (probot style): a test builds it the same way. */
export function createBot(adapter: TeamsAdapter, deps: BotDeps): Bot {
  const app: Bot = new Application<TurnState>({
    adapter,
    removeRecipientMention: true,
    // Progress is sent explicitly where work is slow; a timer would add stray typing activities.
    startTypingTimer: false,
    longRunningMessages: false,
  });

  app.turn('beforeTurn', async (context) => {
    if (!(await refuseOtherTenants(context, deps))) return false;
    await trackConversation(context, deps);
    return true;
  });

  app.activity(ActivityTypes.Message, async (context) => {
    const typed = context.activity.text ?? '';
    // A help-card button: no text, the command in the value.
    const clicked =
      typed.trim() === '' ? commandFromCardSubmit(context.activity.value, COMMANDS) : undefined;
    const parsed = parseMessage(clicked ?? typed, COMMANDS);
    if (parsed.kind === 'command') {
      await COMMAND_HANDLERS[parsed.command](context, deps, parsed.rest);
    } else {
      await handleUnrecognisedText(context, parsed.text);
    }
  });

  registerCardActions(app, deps);

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
    if (!botWasAdded) return;
    await sendCard(
      context,
      renderWelcomeCard({
        simulated: deps.tenant.mode === 'simulated',
        tenantId: deps.tenant.id,
        commands: [...COMMANDS],
      }),
    );
  });

  app.error((context, error) => answerFailedTurn(context, error, deps.logger));

  return app;
}

/** Stores the conversation reference (for notifications) or forgets it when the bot was removed. */
async function trackConversation(context: TurnContext, deps: BotDeps): Promise<void> {
  try {
    if (isBotRemoved(context)) await deps.conversations.forget(context);
    else await deps.conversations.remember(context);
  } catch (error) {
    // Storage trouble must not cost the user their answer; the next turn tries again.
    deps.logger.warn(
      { err: { message: errorMessage(error) } },
      'could not store the conversation reference',
    );
  }
}

async function refuseOtherTenants(context: TurnContext, deps: BotDeps): Promise<boolean> {
  const tenantId = activityTenantId(context);
  if (isTenantAllowed(tenantId, deps.allowedTenants)) return true;
  deps.logger.warn({ tenantId }, 'refused an activity from a tenant that is not allowed');
  const card = renderNoticeCard({
    title: 'This bot is not available to your organization',
    lines: [
      'PCEmail Ops serves the Microsoft 365 tenant it was set up for. Ask your administrator for access.',
    ],
    tone: 'warning',
  });
  if (context.activity.type === 'invoke') {
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
      },
    });
  } else if (context.activity.type === 'message') {
    await sendCard(context, card);
  }
  return false;
}
