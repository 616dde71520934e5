import type { Logger } from '../../logger';
import type { ChannelTarget, Subscriptions } from '../../ports/subscriptions';

/**
 * Channels worked on at once. Waiting for a send slot costs nothing, and a full second's worth of
 * Teams' per-tenant limit (50) must be ready when a window opens, or the fan-out falls behind it.
 */
export const FAN_OUT_CONCURRENCY = 64;

/** Teams said the bot can no longer post there (403/404): the subscription goes. */
export async function forgetGoneChannel(
  deps: { subscriptions: Subscriptions; logger: Logger },
  target: ChannelTarget,
): Promise<void> {
  deps.logger.warn(
    { conversation: target.conversation.key },
    'the bot can no longer post in a subscribed conversation; removing the subscription',
  );
  await deps.subscriptions.unsubscribe(target.conversation.key);
}
