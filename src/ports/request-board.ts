import type { ConsentLinks, ConsentMode, ConsentRequest } from '../domain/consent';
import type { StoredConversation } from './conversations';
import type { PostOutcome } from './notifier';

/** A consent request as every copy of its card shows it: data only, rendered by bot/. */
export interface RequestView {
  request: ConsentRequest;
  tenant: { id: string; mode: 'live' | 'simulated' };
  links: ConsentLinks;
  mode: ConsentMode;
}

/**
 * Where consent requests are shown: the consent use cases post a request to a conversation and
 * replace every copy of its card when the request changes. bot/consent/request-board.ts implements
 * it by rendering the card and sending it through the Notifier.
 */
export interface RequestBoard {
  post(conversation: StoredConversation, view: RequestView): Promise<PostOutcome>;
  update(
    conversation: StoredConversation,
    activityId: string,
    view: RequestView,
  ): Promise<PostOutcome>;
}
