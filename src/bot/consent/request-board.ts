import { renderConsentRequestCard } from '../../cards/consent';
import type { Notifier } from '../../ports/notifier';
import type { RequestBoard } from '../../ports/request-board';

/** The consent use cases' RequestBoard: each request view rendered as its card, sent by the Notifier. */
export function requestBoard(notifier: Notifier): RequestBoard {
  return {
    post: (conversation, view) => notifier.post(conversation, renderConsentRequestCard(view)),
    update: (conversation, activityId, view) =>
      notifier.update(conversation, activityId, renderConsentRequestCard(view)),
  };
}
