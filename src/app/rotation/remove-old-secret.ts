import {
  hasLiveClaim,
  oldSecretQuiet,
  ROTATION_CLAIM_MS,
  type RotationRecord,
} from '../../domain/rotation';
import { isApprover } from '../../ports/approvers';
import { checkRotation, notApprover, type RotationView } from './advance-rotation';
import { auditRotation, changeRotation, claimFor, loadRotation } from './rotation-records';
import type { PasswordPort, RotationActor, RotationPorts } from './rotation-ports';

type Target = 'old' | 'new';

/**
 * Remove old secret (removePassword), offered only once the new one is in use and the old one has
 * been quiet for ROTATION_QUIET_HOURS; then a re-check that it is gone. `target: 'new'` is the
 * "start over" after a lost dialog: it deletes the secret that was just created and never used.
 * Exactly once: the record is claimed first; a claim left by a crash goes stale and may be retaken.
 */
export async function removeSecret(
  ports: RotationPorts,
  input: {
    actor: RotationActor;
    appId: string;
    target: Target;
    /** CONSENT_MODE=delegated: a writer with the approver's own rights (else the bot's). */
    approverPasswords?: PasswordPort;
  },
): Promise<RotationView> {
  const { actor, appId, target } = input;
  const refreshed = target === 'old' ? await checkRotation(ports, appId) : undefined;
  const loaded =
    refreshed?.kind === 'rotation'
      ? { record: refreshed.record }
      : await loadRotation(ports.store, appId);
  if (!loaded) return { kind: 'none' };
  const record = loaded.record;
  if (!isApprover(ports.approvers, actor.aadObjectId))
    return { kind: 'rotation', record, notice: notApprover() };
  const now = ports.now();
  const claim = claimFor(actor, now, ROTATION_CLAIM_MS);
  const working: RotationRecord['state'] = target === 'old' ? 'removing' : 'discarding';
  const from: RotationRecord['state'] = target === 'old' ? 'in-use' : 'created';
  const changed = await changeRotation(ports.store, appId, (current) => {
    if (!current || current.id !== record.id) return undefined;
    const resumable = current.state === working && !hasLiveClaim(current, now);
    if (current.state !== from && !resumable) return undefined;
    if (
      target === 'old' &&
      !oldSecretQuiet({ ...current, state: 'in-use' }, now, ports.quietHours).quiet
    )
      return undefined;
    return { ...current, state: working, claim, updatedAt: now.toISOString() };
  });
  if (!changed.written) {
    const current = changed.current ?? record;
    return {
      kind: 'rotation',
      record: current,
      notice: {
        tone: 'info',
        text:
          current.state === working
            ? `${current.claim?.by.name ?? 'Someone'} is removing that secret right now.`
            : target === 'old'
              ? 'The old secret cannot be removed yet: the card shows what is still missing.'
              : 'The new secret can no longer be deleted from here: the card shows where the rotation stands.',
      },
    };
  }
  const keyId = target === 'old' ? record.oldKeyId : (record.newKeyId ?? '');
  const removed = await (input.approverPasswords ?? ports.passwords).remove(appId, keyId);
  const at = ports.now().toISOString();
  const ours = (current: RotationRecord | undefined) => current?.claim?.token === claim?.token;
  if (!removed.ok) {
    const failure = {
      step: target === 'old' ? ('remove-old' as const) : ('remove-new' as const),
      message: removed.error.message,
      ...(removed.error.requestId ? { requestId: removed.error.requestId } : {}),
      at,
    };
    const back = await changeRotation(ports.store, appId, (current) => {
      if (!current || !ours(current)) return undefined;
      const { claim: _c, ...rest } = current;
      return { ...rest, state: from, failure, updatedAt: at };
    });
    await auditRotation(ports, {
      at,
      rotationId: record.id,
      appId,
      step: target === 'old' ? 'remove-old-secret' : 'delete-new-secret',
      outcome: 'failed',
      by: actor,
      keyId,
      ...(failure.requestId ? { requestId: failure.requestId } : {}),
      detail: `${removed.error.status ? `HTTP ${removed.error.status} ` : ''}${removed.error.message}`,
    });
    return {
      kind: 'rotation',
      record: back.current ?? record,
      notice: {
        tone: 'error',
        text: `Microsoft Graph did not remove the secret: ${removed.error.message}${failure.requestId ? ` (request id ${failure.requestId})` : ''}. Nothing else changed; try again.`,
      },
    };
  }
  // The re-check: the secret must be gone from the app registration now.
  const reread = await ports.secretKeyIds(appId);
  const gone = reread.ok && !reread.keyIds.map((k) => k.toLowerCase()).includes(keyId);
  const done = await changeRotation(ports.store, appId, (current) => {
    if (!current || !ours(current)) return undefined;
    const { claim: _c, failure: _f, ...rest } = current;
    return {
      ...rest,
      state: target === 'old' ? 'removed' : 'discarded',
      ...(target === 'old' ? { removedAt: at, removedBy: actor } : {}),
      ...(!gone
        ? {
            failure: {
              step: 're-check' as const,
              message: reread.ok
                ? 'Graph still lists the secret; it can take a minute to disappear.'
                : `The re-check could not read the app: ${reread.message}`,
              at,
            },
          }
        : {}),
      updatedAt: at,
    };
  });
  await auditRotation(ports, {
    at,
    rotationId: record.id,
    appId,
    step: target === 'old' ? 'remove-old-secret' : 'delete-new-secret',
    outcome: 'done',
    by: actor,
    keyId,
    ...(removed.requestId ? { requestId: removed.requestId } : {}),
    detail: gone ? 're-check: gone' : 're-check: not confirmed',
  });
  return { kind: 'rotation', record: done.current ?? record };
}
