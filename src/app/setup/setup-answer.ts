import type { CardNotice } from '../../domain/setup/card-notice';
import type { InputDraft, InputErrors, StaleReason, WizardState } from '../../domain/setup';

/** Beside the stored state, what the wizard's card shows this time. */
export interface WizardExtras {
  /** What was typed, when it was refused. */
  draft?: InputDraft;
  errors?: InputErrors;
  notice?: CardNotice;
  finished?: boolean;
}

/** What a wizard turn answers with; bot/setup renders it as the card that replaces the clicked one. */
export type SetupAnswer =
  | { kind: 'wizard'; state: WizardState; extras: WizardExtras }
  | { kind: 'in-progress'; running: WizardState }
  | { kind: 'no-setup' }
  | { kind: 'stale'; reason: StaleReason }
  | { kind: 'cancelled' };
