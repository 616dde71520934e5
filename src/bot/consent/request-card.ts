import type { ConsentActionOutcome, ConsentService } from '../../app/consent';
import type { AdaptiveCard } from '../../cards';
import { renderConsentRequestCard, type ConsentNotice } from '../../cards/consent';
import type { ConsentRequest } from '../../domain/consent';
import { noticeText } from './consent-notices';

/** The request's card for everyone, or for one viewer with a notice on top. */
export function requestCard(
  consent: Pick<ConsentService, 'viewOf'>,
  request: ConsentRequest,
  options: { notice?: ConsentNotice; viewer?: 'approver' | 'other' } = {},
): AdaptiveCard {
  return renderConsentRequestCard({ ...consent.viewOf(request), ...options });
}

/** The request card answering a consent action; undefined when there is no request to show. */
export function outcomeRequestCard(
  consent: Pick<ConsentService, 'viewOf'>,
  outcome: ConsentActionOutcome,
): AdaptiveCard | undefined {
  if (!outcome.request) return undefined;
  return requestCard(consent, outcome.request, {
    ...(outcome.notice ? { notice: noticeText(outcome.notice) } : {}),
    ...(outcome.viewer ? { viewer: outcome.viewer } : {}),
  });
}
