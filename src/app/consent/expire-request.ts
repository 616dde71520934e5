import { BOT_PERSON, expire, type ConsentRequest } from '../../domain/consent';
import type { ConsentServiceDeps } from './consent-deps';
import { changeRequest } from './consent-records';
import { audit, publishRequest } from './publish-request';

/** Expires the request if it is open and past its expiry; returns it as stored afterwards. */
export async function expireIfDue(
  deps: ConsentServiceDeps,
  id: string,
): Promise<{ request?: ConsentRequest; expired: boolean }> {
  const { after, changed } = await changeRequest(deps.store, id, (current) =>
    expire(current, deps.now()),
  );
  if (changed && after) await recordExpiry(deps, after);
  return { request: after, expired: changed };
}

export async function recordExpiry(
  deps: ConsentServiceDeps,
  request: ConsentRequest,
): Promise<void> {
  await audit(deps, 'expired', request, BOT_PERSON, {
    detail: `No decision before ${request.expiresAt}.`,
  });
  await publishRequest(deps, request);
}
