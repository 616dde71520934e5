import type { TenantSnapshot } from '../domain';
import type { RestrictionSetting } from '../domain/restriction-model';

/** Which PCEmail registration and mailboxes a check reads. */
export interface PcemailTarget {
  appId?: string;
  appName: string;
  clientSecret?: string;
  mailboxes: string[];
  outOfScopeMailbox?: string;
  /** The mail-enabled security group that scopes PCEmail (typed in the setup wizard), for the fixes. */
  scopeGroup?: string;
  /** RESTRICTION_MODEL; `auto` or unset infers it from the evidence. */
  restrictionModel?: RestrictionSetting;
}

/**
 * Gathers the tenant's facts the checks judge (implemented by `tenant/snapshot-reader.ts`
 * `TenantReader`). Throws ProductError(INSPECTOR_UNAVAILABLE) when the inspector cannot sign in.
 */
export interface SnapshotReader {
  readSnapshot(target: PcemailTarget): Promise<TenantSnapshot>;
}
