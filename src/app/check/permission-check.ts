import { diagnose, type Diagnosis } from '../../domain';
import type { PcemailTarget, SnapshotReader } from '../../ports/tenant-reader';

/** The "check pcemail permissions" use case: gather the tenant's facts, then judge them. */
export interface PermissionCheck {
  /** Throws ProductError(InspectorUnavailable) when the checks cannot run at all. */
  run(overrides?: Partial<PcemailTarget>): Promise<Diagnosis>;
}

export function createPermissionCheck(
  reader: SnapshotReader,
  target: PcemailTarget,
): PermissionCheck {
  return {
    async run(overrides = {}) {
      const snapshot = await reader.readSnapshot({ ...target, ...overrides });
      return diagnose(snapshot);
    },
  };
}
