import type { TurnContext } from 'botbuilder';
import type { WizardState } from '../../domain/setup';
import { updateItem, type StateStore } from '../../store/state-store';
import type { BotDeps } from '../bot-deps';
import { activityTenantId } from '../tenant-gate';

/** Where one admin's wizard in one conversation lives: setup/<tenant>/<conversation>/<user>. */
export function wizardKey(context: TurnContext, deps: BotDeps): string {
  const activity = context.activity;
  const tenant = activityTenantId(context) ?? deps.tenant.id;
  const conversation = activity.conversation?.id ?? 'unknown-conversation';
  const user = activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown-user';
  // Teams conversation ids hold ':', '@' and ';' (and could hold '/'): each segment is encoded.
  return ['setup', tenant, conversation, user]
    .map((part, i) => (i === 0 ? part : encodeURIComponent(part)))
    .join('/');
}

export async function loadWizard(store: StateStore, key: string): Promise<WizardState | undefined> {
  const item = await store.get<WizardState>(key);
  return item && isWizardState(item.value) ? item.value : undefined;
}

/**
 * Read-modify-write with the store's eTags: `decide` sees the state as stored now (re-read after a
 * conflict) and returns the state to write, or undefined to write nothing. Resolves with what it
 * decided last, so the caller renders exactly what was stored.
 */
export async function changeWizard<T extends { next?: WizardState }>(
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
