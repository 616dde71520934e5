import { randomUUID } from 'node:crypto';
import type { RotationPerson, RotationRecord } from '../../domain/rotation';
import { isStoreConflict, type StateStore } from '../../store/state-store';
import type { RotationPorts } from './rotation-ports';

const rotationKey = (appId: string) => `rotation/apps/${appId.toLowerCase()}`;
const AUDIT_PREFIX = 'rotation/audit/';

export async function loadRotation(
  store: StateStore,
  appId: string,
): Promise<{ record: RotationRecord; eTag: string } | undefined> {
  const item = await store.get<RotationRecord>(rotationKey(appId));
  return item ? { record: item.value, eTag: item.eTag } : undefined;
}

/**
 * One conditional write: `decide` sees the stored record and returns the next one, or undefined to
 * change nothing. Returns the written record, or undefined when another writer won (re-read).
 */
export async function changeRotation(
  store: StateStore,
  appId: string,
  decide: (current: RotationRecord | undefined) => RotationRecord | undefined,
): Promise<{ written?: RotationRecord; current?: RotationRecord }> {
  const loaded = await loadRotation(store, appId);
  const next = decide(loaded?.record);
  if (!next) return loaded ? { current: loaded.record } : {};
  try {
    await store.put(
      rotationKey(appId),
      next,
      loaded ? { ifMatch: loaded.eTag } : { ifNoneMatch: '*' },
    );
    return { written: next, current: next };
  } catch (error) {
    if (!isStoreConflict(error)) throw error;
    const now = await loadRotation(store, appId);
    return now ? { current: now.record } : {};
  }
}

export interface RotationAuditRecord {
  at: string;
  rotationId: string;
  appId: string;
  step: string;
  outcome: 'done' | 'failed' | 'refused';
  by: RotationPerson;
  keyId?: string;
  requestId?: string;
  detail?: string;
}

/** Every step is audited (store and log); never the secret's value. */
export async function auditRotation(
  ports: Pick<RotationPorts, 'store' | 'logger'>,
  record: RotationAuditRecord,
): Promise<void> {
  ports.logger.info({ rotation: record }, `secret rotation: ${record.step} ${record.outcome}`);
  await ports.store.put(
    `${AUDIT_PREFIX}${record.at}_${record.rotationId}_${randomUUID()}`,
    record,
    {
      ifNoneMatch: '*',
    },
  );
}

export function claimFor(by: RotationPerson, now: Date, ms: number): RotationRecord['claim'] {
  return { token: randomUUID(), until: new Date(now.getTime() + ms).toISOString(), by };
}
