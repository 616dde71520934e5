import type { ConsentRequest } from '../../domain/consent';
import type { RequestView } from '../../ports/request-board';
import type { ConsentServiceDeps } from './consent-deps';

/** The request as its card shows it to everyone (bot/ renders it). */
export function requestView(
  deps: Pick<ConsentServiceDeps, 'tenant' | 'links' | 'mode'>,
  request: ConsentRequest,
): RequestView {
  return {
    request,
    tenant: deps.tenant,
    links: deps.links(request.appId, request.redirectUri),
    mode: deps.mode,
  };
}
