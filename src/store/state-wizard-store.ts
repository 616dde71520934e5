import type { WizardState } from '../domain/setup';
import type { WizardStore } from '../ports/wizard-store';
import { updateItem, type StateStore } from './state-store';

/** The `WizardStore` port over the state store (keys `setup/<tenant>/<conversation>/<user>`). */
export function stateWizardStore(store: StateStore): WizardStore {
  return {
    load: (key) => loadWizard(store, key),
    change: (key, decide) => changeWizard(store, key, decide),
  };
}

async function loadWizard(store: StateStore, key: string): Promise<WizardState | undefined> {
  const item = await store.get<WizardState>(key);
  return item && isWizardState(item.value) ? item.value : undefined;
}

/**
 * Read-modify-write with the store's eTags: `decide` sees the state as stored now (re-read after a
 * conflict) and returns the state to write, or undefined to write nothing. Resolves with what it
 * decided last, so the caller renders exactly what was stored.
 */
async function changeWizard<T extends { next?: WizardState }>(
  store: StateStore,
  key: string,
  decide: (current: WizardState | undefined) => T,
): Promise<T> {
  let decision: T | undefined;
  await updateItem<WizardState>(store, key, (stored) => {
    decision = decide(stored && isWizardState(stored) ? stored : undefined);
    return decision.next;
  });
  return decision as T;
}

function isWizardState(value: unknown): value is WizardState {
  const v = value as Partial<WizardState> | undefined;
  return typeof v === 'object' && v !== null && v.version === 1 && typeof v.wizardId === 'string';
}
