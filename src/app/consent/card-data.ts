import { decodePermissions, samePermissionSet, type ConsentRequest } from '../../domain/consent';

/**
 * Compares what an Approve/Reject card says with the stored request. The card is never trusted
 * (the stored request is what gets granted), but a card that names another app or other
 * permissions was altered, and nothing is done for it. Returns what differs, or undefined.
 */
export function cardMismatch(
  request: ConsentRequest,
  data: Record<string, unknown>,
): string | undefined {
  const appId = data.appId;
  if (typeof appId !== 'string' || appId.toLowerCase() !== request.appId.toLowerCase()) {
    return 'it names another app';
  }
  const permissions = decodePermissions(data.permissions);
  if (!permissions || !samePermissionSet(permissions, request.permissions))
    return 'it names other permissions';
  return undefined;
}
