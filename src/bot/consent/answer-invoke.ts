import { ActivityTypes, type AdaptiveCardInvokeResponse, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards';

/**
 * Answers an Action.Execute with a card for the person who clicked. Sent here rather than returned
 * to teams-ai: it would turn any card with `refresh` into an update of the message for everyone,
 * but a refusal or a user-specific view is for the clicker only; everyone's copy is updated
 * through the Notifier when the request itself changes.
 */
export async function answerWithCard(
  context: TurnContext,
  card: AdaptiveCard,
): Promise<AdaptiveCard> {
  const body = {
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    value: card as unknown as Record<string, unknown>,
  } satisfies AdaptiveCardInvokeResponse;
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
  return card;
}
