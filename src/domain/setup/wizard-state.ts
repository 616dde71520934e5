import type { CredentialSummary } from '../check-result';
import type { CheckResult } from '../check-result';
import type { SetupInputs } from './setup-inputs';
import {
  isSetupStepId,
  nextStep,
  previousStep,
  STEP_FIELDS,
  stepNumber,
  WORK_STEP_COUNT,
  type SetupStepId,
} from './setup-steps';

/** Facts the wizard learned from the tenant's last check, for the PowerShell and the summary. */
export interface TenantFacts {
  appId?: string;
  servicePrincipalId?: string;
  /** The mailboxes the checks used (typed, else configured). */
  mailboxes?: string[];
}

/** The last "Verify this step" (or the summary's full check) of the current step. */
export interface StepVerification {
  step: SetupStepId;
  checkedAt: string;
  /** The step's results (all of them for the summary). */
  checks: CheckResult[];
  /** Results of other steps that did not pass. */
  otherNotPassing: number;
  /** PCEmail's secrets as the check found them (hint and end date only), for the summary. */
  credentials?: CredentialSummary[];
}

/** One admin's wizard in one conversation, as stored (plain JSON). */
export interface WizardState {
  version: 1;
  /** New for every `setup pcemail`: cards of an earlier wizard carry another one. */
  wizardId: string;
  status: 'active' | 'cancelled' | 'finished';
  step: SetupStepId;
  inputs: SetupInputs;
  facts: TenantFacts;
  verification?: StepVerification;
  startedAt: string;
  updatedAt: string;
}

/** What every wizard card's buttons carry; the stored state, not this, decides what happens. */
export interface WizardCardRef {
  wizardId: string;
  step: SetupStepId;
}

export function startWizard(wizardId: string, now: Date): WizardState {
  const at = now.toISOString();
  return {
    version: 1,
    wizardId,
    status: 'active',
    step: 'register',
    inputs: {},
    facts: {},
    startedAt: at,
    updatedAt: at,
  };
}

/** Why a card's button cannot act on the stored wizard. */
export type StaleReason =
  | { kind: 'no-wizard' }
  | { kind: 'other-wizard'; current?: WizardState }
  | { kind: 'ended'; status: 'cancelled' | 'finished' }
  | { kind: 'other-step'; cardStep: SetupStepId; current: WizardState };

export type CardCheck = { ok: true; state: WizardState } | { ok: false; reason: StaleReason };

/**
 * Decides whether a click on a wizard card may act: the card must belong to the stored wizard,
 * which must still run, and show its current step. Anything else is stale and changes nothing.
 */
export function checkCard(
  state: WizardState | undefined,
  ref: WizardCardRef | undefined,
): CardCheck {
  if (state === undefined) return { ok: false, reason: { kind: 'no-wizard' } };
  if (ref === undefined || ref.wizardId !== state.wizardId) {
    return {
      ok: false,
      reason: { kind: 'other-wizard', ...(state.status === 'active' ? { current: state } : {}) },
    };
  }
  if (state.status !== 'active')
    return { ok: false, reason: { kind: 'ended', status: state.status } };
  if (ref.step !== state.step) {
    return { ok: false, reason: { kind: 'other-step', cardStep: ref.step, current: state } };
  }
  return { ok: true, state };
}

/**
 * The step's own fields replaced by what was typed (an emptied field goes back to the configuration).
 * Another App ID means another app: what was learned about the old one is forgotten.
 */
export function withStepInputs(state: WizardState, typed: SetupInputs, now: Date): WizardState {
  const inputs: SetupInputs = { ...state.inputs };
  for (const field of STEP_FIELDS[state.step]) {
    const value = typed[field];
    if (value === undefined) delete inputs[field];
    else (inputs as Record<string, unknown>)[field] = value;
  }
  const facts = inputs.appId === state.inputs.appId ? state.facts : {};
  return { ...state, inputs, facts, updatedAt: now.toISOString() };
}

/** Records a check of the current step: its results and what they taught about the tenant. */
export function withVerification(
  state: WizardState,
  verification: Omit<StepVerification, 'step'>,
  facts: TenantFacts,
  now: Date,
): WizardState {
  return {
    ...state,
    facts: { ...state.facts, ...facts },
    verification: { step: state.step, ...verification },
    updatedAt: now.toISOString(),
  };
}

export function withFacts(state: WizardState, facts: TenantFacts, now: Date): WizardState {
  return { ...state, facts: { ...state.facts, ...facts }, updatedAt: now.toISOString() };
}

/** Moves one step on (or back); the previous step's results are dropped with it. */
export function moveTo(state: WizardState, direction: 'next' | 'back', now: Date): WizardState {
  const target = direction === 'next' ? nextStep(state.step) : previousStep(state.step);
  if (target === undefined) return state;
  const { verification: _dropped, ...rest } = state;
  return { ...rest, step: target, updatedAt: now.toISOString() };
}

export function endWizard(
  state: WizardState,
  status: 'cancelled' | 'finished',
  now: Date,
): WizardState {
  return { ...state, status, updatedAt: now.toISOString() };
}

/** "step 3 of 5" / "the summary". */
export function describeStep(step: SetupStepId): string {
  return step === 'finish' ? 'the summary' : `step ${stepNumber(step)} of ${WORK_STEP_COUNT}`;
}

/** Reads a card's wizard reference from untrusted action data. */
export function readCardRef(data: Readonly<Record<string, unknown>>): WizardCardRef | undefined {
  const { wizardId, step } = data;
  if (typeof wizardId !== 'string' || wizardId.length === 0 || wizardId.length > 100)
    return undefined;
  if (!isSetupStepId(step)) return undefined;
  return { wizardId, step };
}

/** The state without the results of its last check (they no longer describe what is stored). */
export function withoutVerification(state: WizardState): WizardState {
  const { verification: _dropped, ...rest } = state;
  return rest;
}

/** Whether the restriction step still lacks what its commands need from the tenant. */
export function needsTenantFacts(state: WizardState): boolean {
  return (
    (state.inputs.appId ?? state.facts.appId) === undefined ||
    state.facts.servicePrincipalId === undefined ||
    (state.inputs.mailboxes ?? state.facts.mailboxes) === undefined
  );
}
