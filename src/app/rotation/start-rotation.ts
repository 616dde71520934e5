import { randomUUID } from 'node:crypto';
import type { ErrorInfo } from '../../domain';
import {
  mayStart,
  newSecretEnd,
  newSecretName,
  ROTATION_CLAIM_MS,
  type RotationRecord,
} from '../../domain/rotation';
import { isApprover } from '../../ports/approvers';
import { auditRotation, changeRotation, claimFor } from './rotation-records';
import type { PasswordPort, RotationActor, RotationPorts } from './rotation-ports';

export type StartOutcome =
  | {
      kind: 'created';
      record: RotationRecord;
      /** The new value: for the one dialog of the approver who clicked, nowhere else. */
      secretText: string;
      keyVaultProblem?: string;
    }
  | { kind: 'not-approver' }
  /** A rotation of this app is under way (or being started by someone else right now). */
  | { kind: 'exists'; record: RotationRecord }
  | { kind: 'failed'; record: RotationRecord; error: ErrorInfo };

/**
 * Rotate now: an approver adds a new client secret to the app (addPassword, a display name saying
 * when and by whom, ROTATION_SECRET_MONTHS), exactly once across clicks and instances: the stored
 * rotation record is claimed with a conditional write first. The value is returned to the caller
 * only; the record, the audit and the log never see it.
 */
export async function startRotation(
  ports: RotationPorts,
  input: {
    actor: RotationActor;
    appId: string;
    appName: string;
    oldKeyId: string;
    /** CONSENT_MODE=delegated: a writer with the approver's own rights (else the bot's). */
    approverPasswords?: PasswordPort;
  },
): Promise<StartOutcome> {
  const rights = input.approverPasswords
    ? 'with the approver’s own rights'
    : 'with the bot’s Application.ReadWrite.OwnedBy';
  const { actor, appId } = input;
  const now = ports.now();
  if (!isApprover(ports.approvers, actor.aadObjectId)) {
    await auditRotation(ports, {
      at: now.toISOString(),
      rotationId: '-',
      appId,
      step: 'start',
      outcome: 'refused',
      by: actor,
      detail: 'not an approver',
    });
    return { kind: 'not-approver' };
  }
  const usage = await ports.usage(appId, [input.oldKeyId]);
  const oldUse = usage.known ? usage.uses.find((u) => u.keyId === input.oldKeyId) : undefined;
  const claim = claimFor(actor, now, ROTATION_CLAIM_MS);
  const fresh: RotationRecord = {
    id: randomUUID(),
    appId: appId.toLowerCase(),
    appName: input.appName,
    oldKeyId: input.oldKeyId.toLowerCase(),
    state: 'creating',
    startedBy: actor,
    startedAt: now.toISOString(),
    verified: usage.known,
    claim,
    ...(oldUse?.lastUsed ? { oldLastUsed: oldUse.lastUsed } : {}),
    updatedAt: now.toISOString(),
  };
  const claimed = await changeRotation(ports.store, appId, (current) =>
    mayStart(current, now) ? fresh : undefined,
  );
  if (!claimed.written) {
    return claimed.current
      ? { kind: 'exists', record: claimed.current }
      : { kind: 'exists', record: fresh };
  }
  const displayName = newSecretName(actor.name, now);
  const added = await (input.approverPasswords ?? ports.passwords).add(appId, {
    displayName,
    endDateTime: newSecretEnd(now, ports.secretMonths),
  });
  const at = ports.now().toISOString();
  if (!added.ok) {
    const failure = {
      step: 'add' as const,
      message: added.error.message,
      ...(added.error.requestId ? { requestId: added.error.requestId } : {}),
      at,
    };
    const { claim: _c, ...rest } = fresh;
    const failed: RotationRecord = { ...rest, state: 'failed', failure, updatedAt: at };
    await changeRotation(ports.store, appId, (current) =>
      current?.claim?.token === claim?.token ? failed : undefined,
    );
    await auditRotation(ports, {
      at,
      rotationId: fresh.id,
      appId,
      step: 'add-password',
      outcome: 'failed',
      by: actor,
      ...(failure.requestId ? { requestId: failure.requestId } : {}),
      detail: `${rights}: ${added.error.status ? `HTTP ${added.error.status} ` : ''}${added.error.serviceCode ?? ''} ${added.error.message}`,
    });
    return { kind: 'failed', record: failed, error: added.error };
  }
  const created = added.value;
  let keyVault: RotationRecord['keyVault'] = 'not-configured';
  let keyVaultProblem: string | undefined;
  if (ports.vault) {
    const written = await ports.vault.write(created.secretText);
    keyVault = written.ok ? 'written' : 'failed';
    if (!written.ok)
      keyVaultProblem = `${written.message}${written.requestId ? ` (request id ${written.requestId})` : ''}`;
    await auditRotation(ports, {
      at: ports.now().toISOString(),
      rotationId: fresh.id,
      appId,
      step: 'key-vault-write',
      outcome: written.ok ? 'done' : 'failed',
      by: actor,
      keyId: created.keyId,
      ...(!written.ok && written.requestId ? { requestId: written.requestId } : {}),
      ...(!written.ok ? { detail: written.message } : {}),
    });
  }
  const { claim: _claim, ...rest } = fresh;
  const record: RotationRecord = {
    ...rest,
    state: 'created',
    newKeyId: created.keyId.toLowerCase(),
    newHint: created.hint,
    newEndDateTime: created.endDateTime,
    newDisplayName: displayName,
    shownTo: actor,
    keyVault,
    updatedAt: ports.now().toISOString(),
  };
  await changeRotation(ports.store, appId, (current) =>
    current?.claim?.token === claim?.token ? record : undefined,
  );
  await auditRotation(ports, {
    at: record.updatedAt,
    rotationId: record.id,
    appId,
    step: 'add-password',
    outcome: 'done',
    by: actor,
    keyId: record.newKeyId,
    ...(added.requestId ? { requestId: added.requestId } : {}),
    detail: `${rights}; value shown once to ${actor.name} in a dialog`,
  });
  return {
    kind: 'created',
    record,
    secretText: created.secretText,
    ...(keyVaultProblem ? { keyVaultProblem } : {}),
  };
}
