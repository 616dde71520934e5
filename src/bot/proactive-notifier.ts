import { CardFactory, MessageFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { AdaptiveCard } from '../cards';
import type { Notifier, PostOutcome } from '../monitor/notifier';
import type { StoredConversation } from '../monitor/stored-conversation';

/**
 * The Notifier port over Bot Framework proactive messages (continueConversationAsync). Kept
 * minimal: rate limiting and retries wrap it (see the notification sender).
 */
export class ProactiveNotifier implements Notifier {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {}

  post(conversation: StoredConversation, card: AdaptiveCard): Promise<PostOutcome> {
    return this.send(conversation, async (context) => {
      const response = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      return response?.id ?? '';
    });
  }

  update(conversation: StoredConversation, activityId: string, card: AdaptiveCard): Promise<PostOutcome> {
    return this.send(conversation, async (context) => {
      const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
      activity.id = activityId;
      await context.updateActivity(activity);
      return activityId;
    });
  }

  private async send(
    conversation: StoredConversation,
    work: (context: TurnContext) => Promise<string>,
  ): Promise<PostOutcome> {
    let activityId = '';
    try {
      await this.adapter.continueConversationAsync(
        this.botAppId,
        conversation.reference as unknown as ConversationReference,
        async (context) => {
          activityId = await work(context);
        },
      );
      return { ok: true, activityId };
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      const gone = status === 403 || status === 404;
      return {
        ok: false,
        reason: gone ? 'gone' : 'failed',
        status,
        message: gone ? 'the bot can no longer post in this conversation' : 'Teams did not accept the message',
      };
    }
  }
}
