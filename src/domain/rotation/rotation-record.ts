/**
 * A guided rotation of PCEmail's client secret, stored under `rotation/apps/<appId>` (one at a
 * time per app). The secret's value is never part of it.
 *
 *   creating ──addPassword ok──> created ──first sign-in with the new key (or confirmed)──> in-use
 *   creating ──addPassword failed──> failed (start again)
 *   created ──dialog lost──> discarding ──removePassword(new)──> discarded (start again)
 *   in-use ──old key quiet for the quiet hours (or confirmed)──> removing ──removePassword(old)──> removed
 *   removing ──failed──> in-use (with the failure, retryable)
 *
 * Every change is a conditional write on the stored record, so two clicks or two instances see
 * one winner; only the holder of a `creating`/`removing`/`discarding` claim writes to Graph.
 */
export type RotationState =
  | 'creating'
  | 'created'
  | 'in-use'
  | 'removing'
  | 'removed'
  | 'discarding'
  | 'discarded'
  | 'failed';

export interface RotationPerson {
  aadObjectId?: string;
  name: string;
}

export interface RotationFailure {
  step: 'add' | 'remove-old' | 'remove-new' | 'key-vault' | 're-check';
  message: string;
  requestId?: string;
  at: string;
}

export interface RotationRecord {
  id: string;
  appId: string;
  appName: string;
  oldKeyId: string;
  state: RotationState;
  startedBy: RotationPerson;
  startedAt: string;
  /** Whether sign-in logs could be read when the rotation started (else every step is confirmed). */
  verified: boolean;
  claim?: { token: string; until: string; by: RotationPerson };
  newKeyId?: string;
  newHint?: string;
  newEndDateTime?: string;
  newDisplayName?: string;
  /** The value was shown once, in a dialog, to this person. */
  shownTo?: RotationPerson;
  /** The approver said the value is saved (the dialog's "I have saved it"). */
  savedAt?: string;
  inUseAt?: string;
  inUseConfirmedBy?: RotationPerson;
  oldLastUsed?: string;
  quietConfirmedBy?: RotationPerson;
  removedAt?: string;
  removedBy?: RotationPerson;
  keyVault?: 'written' | 'failed' | 'not-configured';
  failure?: RotationFailure;
  updatedAt: string;
}

/** How long one click may hold the right to write to Graph before another may take over. */
export const ROTATION_CLAIM_MS = 2 * 60 * 1000;

export function hasLiveClaim(record: RotationRecord, now: Date): boolean {
  return record.claim !== undefined && Date.parse(record.claim.until) > now.getTime();
}

/** A new rotation may start: none yet, or the last one ended (or failed, or its claim went stale). */
export function mayStart(record: RotationRecord | undefined, now: Date): boolean {
  if (!record) return true;
  if (record.state === 'removed' || record.state === 'discarded' || record.state === 'failed')
    return true;
  return record.state === 'creating' && !hasLiveClaim(record, now);
}

/** The old secret counts as quiet when it signed nobody in for the quiet hours. */
export function oldSecretQuiet(
  record: RotationRecord,
  now: Date,
  quietHours: number,
): { quiet: boolean; since?: string; quietFrom?: string } {
  if (record.state !== 'in-use' || !record.inUseAt) return { quiet: false };
  if (!record.verified) return { quiet: record.quietConfirmedBy !== undefined };
  const lastOld = Math.max(
    Date.parse(record.oldLastUsed ?? record.startedAt),
    Date.parse(record.startedAt),
  );
  const quietFrom = new Date(lastOld + quietHours * 3_600_000).toISOString();
  return {
    quiet: now.getTime() >= Date.parse(quietFrom),
    since: new Date(lastOld).toISOString(),
    quietFrom,
  };
}

/** `PCEmail Ops rotation 2026-12-02 by Ada Admin` (Entra keeps at most 90 characters). */
export function newSecretName(by: string, now: Date): string {
  return `PCEmail Ops rotation ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC by ${by}`.slice(
    0,
    90,
  );
}

/** The new secret's end: `months` after now (ROTATION_SECRET_MONTHS, at most 24). */
export function newSecretEnd(now: Date, months: number): string {
  const end = new Date(now.getTime());
  end.setUTCMonth(end.getUTCMonth() + Math.min(Math.max(months, 1), 24));
  return end.toISOString();
}
