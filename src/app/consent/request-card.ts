import { renderConsentRequestCard, type ConsentNotice } from '../../cards/consent';
import type { AdaptiveCard } from '../../cards';
import type { ConsentRequest } from '../../domain/consent';
import type { ConsentServiceDeps } from './consent-deps';

/** The request's card for everyone, or for one viewer with a notice on top. */
export function requestCard(
  deps: Pick<ConsentServiceDeps, 'tenant' | 'links' | 'mode'>,
  request: ConsentRequest,
  options: { notice?: ConsentNotice; viewer?: 'approver' | 'other' } = {},
): AdaptiveCard {
  return renderConsentRequestCard({
    request,
    tenant: deps.tenant,
    links: deps.links(request.appId, request.redirectUri),
    mode: deps.mode,
    ...options,
  });
}
