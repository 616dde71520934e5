import type { AdaptiveCard } from '../cards';
import { isServiceUrlAllowed } from '../domain/service-url';
import type { Logger } from '../logger';
import type { StateStore } from '../store/state-store';
import type { Notifier, PostOutcome } from '../ports/notifier';
import type { StoredConversation } from '../ports/conversations';
import { errorMessage } from '../domain/product-error';

/**
 * Proactive posts go only to a Bot Connector on ALLOWED_SERVICE_URLS: the post carries the bot's
 * own token. A stored conversation naming another address (e.g. planted while inbound
 * authentication was off) is deleted and logged, and answers `gone`, so callers forget it too.
 */
export class ServiceUrlGuard implements Notifier {
  constructor(
    private readonly inner: Notifier,
    private readonly options: { allowed: readonly string[]; store: StateStore; logger: Logger },
  ) {}

  async post(conversation: StoredConversation, card: AdaptiveCard): Promise<PostOutcome> {
    return (await this.refusal(conversation)) ?? this.inner.post(conversation, card);
  }

  async update(
    conversation: StoredConversation,
    activityId: string,
    card: AdaptiveCard,
  ): Promise<PostOutcome> {
    return (await this.refusal(conversation)) ?? this.inner.update(conversation, activityId, card);
  }

  private async refusal(conversation: StoredConversation): Promise<PostOutcome | undefined> {
    const serviceUrl = (conversation.reference as { serviceUrl?: unknown }).serviceUrl;
    if (isServiceUrlAllowed(serviceUrl, this.options.allowed)) return undefined;
    const shown = typeof serviceUrl === 'string' ? serviceUrl.slice(0, 200) : typeof serviceUrl;
    try {
      await this.options.store.delete(conversation.key);
      this.options.logger.warn(
        { conversation: conversation.key.slice(0, 200), serviceUrl: shown },
        'dropped a stored conversation whose serviceUrl is not allowed; nothing was sent to it',
      );
    } catch (error) {
      this.options.logger.warn(
        {
          conversation: conversation.key.slice(0, 200),
          serviceUrl: shown,
          err: { message: errorMessage(error) },
        },
        'a stored conversation names a serviceUrl that is not allowed; nothing was sent, and it could not be deleted now',
      );
    }
    return {
      ok: false,
      reason: 'gone',
      message: 'this conversation’s address is not an allowed Teams service',
    };
  }
}
