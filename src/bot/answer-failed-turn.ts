import {
  ActivityTypes,
  INVOKE_RESPONSE_KEY,
  type AdaptiveCardInvokeResponse,
  type TurnContext,
} from 'botbuilder';
import { renderTurnFailedCard } from '../cards';
import { asProductError, errorName } from '../domain/product-error';
import type { Logger } from '../logger';
import { sendCard } from './send-card';

/** The invokes whose answer is a task module (dialog), not a card. */
const TASK_INVOKES = new Set(['task/fetch', 'task/submit']);

/**
 * The one answer to a turn that failed, whatever its activity type: one log line with the error
 * code, and the same error card for the person. A message gets it as a reply; an invoke
 * (Action.Execute, a dialog) gets it in the invoke response, the only place Teams shows an answer
 * to a click: https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards
 * Other activity types (conversation updates) have no one to answer: the log line is all.
 */
export async function answerFailedTurn(
  context: TurnContext,
  error: unknown,
  logger: Logger,
): Promise<void> {
  const failure = asProductError(error);
  logger.error(
    { code: failure.info.code, err: { name: errorName(error), message: failure.message } },
    'turn failed',
  );
  const card = renderTurnFailedCard(failure.info);
  const activity = context.activity;
  try {
    if (activity.type === 'message') {
      await sendCard(context, card);
    } else if (activity.type === 'invoke') {
      // A handler that already answered (then failed) has had its say; a second answer is dropped.
      if (context.turnState.get(INVOKE_RESPONSE_KEY)) return;
      const body = TASK_INVOKES.has(activity.name ?? '')
        ? {
            task: {
              type: 'continue',
              value: { title: 'Something went wrong', card: attachment(card) },
            },
          }
        : ({
            statusCode: 200,
            type: 'application/vnd.microsoft.card.adaptive',
            value: card as unknown as Record<string, unknown>,
          } satisfies AdaptiveCardInvokeResponse);
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body },
      });
    }
  } catch (answerError) {
    // Teams itself is unreachable: the log line above is what remains.
    logger.warn(
      { err: { message: asProductError(answerError).message } },
      'the error card could not be sent',
    );
  }
}

function attachment(card: object): { contentType: string; content: object } {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
