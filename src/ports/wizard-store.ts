import type { WizardState } from '../domain/setup';

/**
 * Where each admin's setup wizard is kept, one per key (tenant, conversation, user). Implemented
 * over the state store by `store/state-wizard-store.ts` (`stateWizardStore`).
 */
export interface WizardStore {
  load(key: string): Promise<WizardState | undefined>;
  /**
   * Read-modify-write: `decide` sees the state as stored now (again after a conflict) and returns
   * the state to write in `next`, or none to write nothing. Resolves with what it decided last, so
   * the caller shows exactly what was stored.
   */
  change<T extends { next?: WizardState }>(
    key: string,
    decide: (current: WizardState | undefined) => T,
  ): Promise<T>;
}
