import type { AdaptiveCard } from '../cards';
import type { StoredConversation } from './conversations';

/**
 * How monitor/ and the consent flow post to Teams without knowing the Bot Framework: `bot/`
 * implements it with proactive messages. Implementations respect the Teams rate limits and retry
 * 429/412/502/504 with backoff (docs/MICROSOFT.md, Teams).
 */
export interface Notifier {
  /** Posts a new message with the card. */
  post(conversation: StoredConversation, card: AdaptiveCard): Promise<PostOutcome>;
  /** Replaces the card of a message the bot posted earlier (e.g. a consent request, for everyone). */
  update(
    conversation: StoredConversation,
    activityId: string,
    card: AdaptiveCard,
  ): Promise<PostOutcome>;
}

export type PostOutcome =
  | { ok: true; activityId: string }
  /** `gone`: the bot was removed or writes are blocked (403/404): forget the conversation. */
  | {
      ok: false;
      reason: 'gone' | 'failed';
      status?: number;
      message: string;
      /** How long Teams asked us to wait (its Retry-After), when it said. */
      retryAfterMs?: number;
    };
