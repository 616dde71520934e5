import type { RotationRecord } from '../../domain/rotation';
import { isApprover } from '../../ports/approvers';
import { auditRotation, changeRotation, loadRotation } from './rotation-records';
import type { RotationActor, RotationPorts } from './rotation-ports';

export type RotationView =
  | { kind: 'none' }
  | {
      kind: 'rotation';
      record: RotationRecord;
      notice?: { tone: 'info' | 'warning' | 'error'; text: string };
    };

/**
 * Watch the switch: with sign-in logs, the first sign-in with the new key id moves the rotation to
 * in-use, and the old key's last sign-in is kept up to date (the quiet hours count from it).
 * Without them nothing changes here: the admin confirms each step (confirmRotationStep).
 */
export async function checkRotation(ports: RotationPorts, appId: string): Promise<RotationView> {
  const loaded = await loadRotation(ports.store, appId);
  if (!loaded) return { kind: 'none' };
  const record = loaded.record;
  if (
    !record.verified ||
    !record.newKeyId ||
    (record.state !== 'created' && record.state !== 'in-use')
  )
    return { kind: 'rotation', record };
  const usage = await ports.usage(appId, [record.newKeyId, record.oldKeyId]);
  if (!usage.known) {
    return {
      kind: 'rotation',
      record,
      notice: {
        tone: 'warning',
        text: `The sign-in logs could not be read just now${usage.requestId ? ` (Graph request id ${usage.requestId})` : ''}; nothing changed. Try again later.`,
      },
    };
  }
  const newUse = usage.uses.find((u) => u.keyId === record.newKeyId)?.lastUsed;
  const oldUse = usage.uses.find((u) => u.keyId === record.oldKeyId)?.lastUsed;
  const now = ports.now().toISOString();
  const changed = await changeRotation(ports.store, appId, (current) => {
    if (!current || current.id !== record.id) return undefined;
    if (current.state !== 'created' && current.state !== 'in-use') return undefined;
    const inUse = current.state === 'created' && newUse !== undefined;
    const oldMoved = oldUse !== undefined && oldUse !== current.oldLastUsed;
    if (!inUse && !oldMoved) return undefined;
    return {
      ...current,
      ...(inUse ? { state: 'in-use' as const, inUseAt: newUse } : {}),
      ...(oldUse ? { oldLastUsed: oldUse } : {}),
      updatedAt: now,
    };
  });
  const current = changed.current ?? record;
  if (changed.written && record.state === 'created' && current.state === 'in-use') {
    await auditRotation(ports, {
      at: now,
      rotationId: current.id,
      appId,
      step: 'in-use',
      outcome: 'done',
      by: { name: 'sign-in logs' },
      ...(current.newKeyId ? { keyId: current.newKeyId } : {}),
      detail: `first sign-in with the new secret seen at ${current.inUseAt ?? ''}`,
    });
  }
  return { kind: 'rotation', record: current };
}

/** Without sign-in logs: an approver confirms "Emplifi Agent uses the new secret" or "the old one is unused". */
export async function confirmRotationStep(
  ports: RotationPorts,
  input: { actor: RotationActor; appId: string; step: 'in-use' | 'quiet' },
): Promise<RotationView> {
  const { actor, appId, step } = input;
  const loaded = await loadRotation(ports.store, appId);
  if (!loaded) return { kind: 'none' };
  if (!isApprover(ports.approvers, actor.aadObjectId))
    return { kind: 'rotation', record: loaded.record, notice: notApprover() };
  const now = ports.now().toISOString();
  const changed = await changeRotation(ports.store, appId, (current) => {
    if (!current || current.verified || current.id !== loaded.record.id) return undefined;
    if (step === 'in-use' && current.state === 'created')
      return { ...current, state: 'in-use', inUseAt: now, inUseConfirmedBy: actor, updatedAt: now };
    if (step === 'quiet' && current.state === 'in-use' && !current.quietConfirmedBy)
      return { ...current, quietConfirmedBy: actor, updatedAt: now };
    return undefined;
  });
  if (changed.written) {
    await auditRotation(ports, {
      at: now,
      rotationId: loaded.record.id,
      appId,
      step: step === 'in-use' ? 'in-use-confirmed' : 'quiet-confirmed',
      outcome: 'done',
      by: actor,
      detail: 'confirmed by the admin; not verified (no sign-in logs)',
    });
  }
  return { kind: 'rotation', record: changed.current ?? loaded.record };
}

/** The dialog's "I have saved it": recorded so the card stops offering to start over. */
export async function markSecretSaved(
  ports: RotationPorts,
  input: { actor: RotationActor; appId: string; rotationId: string },
): Promise<RotationView> {
  const now = ports.now().toISOString();
  const changed = await changeRotation(ports.store, input.appId, (current) =>
    current &&
    current.id === input.rotationId &&
    current.state === 'created' &&
    !current.savedAt &&
    current.shownTo?.aadObjectId === input.actor.aadObjectId
      ? { ...current, savedAt: now, updatedAt: now }
      : undefined,
  );
  if (changed.written) {
    await auditRotation(ports, {
      at: now,
      rotationId: input.rotationId,
      appId: input.appId,
      step: 'value-saved',
      outcome: 'done',
      by: input.actor,
    });
  }
  return changed.current ? { kind: 'rotation', record: changed.current } : { kind: 'none' };
}

export function notApprover(): { tone: 'error'; text: string } {
  return {
    tone: 'error',
    text: 'Only an approver of PCEmail Ops (APPROVERS) can rotate PCEmail’s secret; nothing changed.',
  };
}
