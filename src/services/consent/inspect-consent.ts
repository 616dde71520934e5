import { diagnose } from '../../domain';
import { findConsentGap } from '../../domain/consent';
import type { PcemailTarget, TenantReader } from '../../tenant/snapshot-reader';
import type { ConsentInspection } from './consent-deps';

/**
 * Reads only what consent needs: the registration, both service principals and the grants. No
 * PCEmail secret and no mailboxes, so PCEmail does not sign in and no mailbox is probed.
 */
export function inspectConsent(
  reader: TenantReader,
  target: PcemailTarget,
): () => Promise<ConsentInspection> {
  return async () => {
    const snapshot = await reader.readSnapshot({
      appId: target.appId,
      appName: target.appName,
      mailboxes: [],
    });
    const consentChecks = diagnose(snapshot)
      .checks.filter((row) => row.id.startsWith('consent.'))
      .map(({ id, status, title }) => ({ id, status, title }));
    return { gap: findConsentGap(snapshot), consentChecks };
  };
}
