import { diagnose } from '../../domain';
import { findConsentGap } from '../../domain/consent';
import type { PcemailTarget, SnapshotReader } from '../../ports/tenant-reader';
import type { ConsentInspection } from './consent-deps';

/**
 * Reads what consent needs: the registration, both service principals and the grants. With the
 * access-policy model that is all (PCEmail does not sign in, no mailbox is probed). Otherwise PCEmail
 * signs in and reads its mailboxes too, because RBAC for Applications is recognised from that
 * evidence, and under RBAC a tenant-wide Mail.* consent must never be requested or granted.
 */
export function inspectConsent(
  reader: SnapshotReader,
  target: PcemailTarget,
): () => Promise<ConsentInspection> {
  return async () => {
    const evidence = target.restrictionModel !== 'access-policy';
    const snapshot = await reader.readSnapshot({
      appId: target.appId,
      appName: target.appName,
      mailboxes: evidence ? target.mailboxes : [],
      ...(evidence && target.clientSecret ? { clientSecret: target.clientSecret } : {}),
      ...(target.restrictionModel ? { restrictionModel: target.restrictionModel } : {}),
    });
    const consentChecks = diagnose(snapshot)
      .checks.filter((row) => row.id.startsWith('consent.'))
      .map(({ id, status, title }) => ({ id, status, title }));
    return { gap: findConsentGap(snapshot), consentChecks };
  };
}
