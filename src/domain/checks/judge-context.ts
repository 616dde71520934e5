import type { PermissionCatalog } from '../permission-catalog';
import type { RestrictionModel } from '../restriction-model';
import type { AppRegistration, SnapshotSettings, TenantSnapshot } from '../tenant-snapshot';

/** What every check after `app.registered` judges against: exactly one PCEmail registration. */
export interface JudgeContext {
  snapshot: TenantSnapshot;
  settings: SnapshotSettings;
  app: AppRegistration;
  /** `snapshot.takenAt` in milliseconds: the checks' only clock. */
  now: number;
  catalog: PermissionCatalog;
  /** How PCEmail is limited to its mailboxes: configured, or inferred from the evidence. */
  restriction: RestrictionModel;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** "2025-03-01" (UTC), the way admins read dates in the Entra admin center's lists. */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export { plural } from '../plural';

/** "a", "a and b", "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}
