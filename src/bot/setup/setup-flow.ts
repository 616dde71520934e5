import { randomUUID } from 'node:crypto';
import {
  checkCard,
  endWizard,
  factsFromDiagnosis,
  moveTo,
  needsTenantFacts,
  readCardRef,
  readStepInputs,
  startWizard,
  verificationOf,
  withFacts,
  withStepInputs,
  withVerification,
  withoutVerification,
  type SetupInputs,
  type StaleReason,
  type WizardCardRef,
  type WizardState,
} from '../../domain/setup';
import type { AdaptiveCard } from '../../cards';
import {
  renderNoSetupCard,
  renderSetupCancelledCard,
  renderSetupInProgressCard,
  renderStaleSetupCard,
} from '../../cards/setup';
import type { BotDeps } from '../bot-deps';
import { renderWizard } from './render-wizard';
import { runChecks, type CheckRun } from './wizard-checks';
import { changeWizard, loadWizard } from './wizard-store';

/** One turn of the wizard: who (the store key) and with what. */
export interface SetupTurn {
  deps: BotDeps;
  key: string;
  /** Whether the clicking user is an approver (non-approvers see mailbox reachability only). */
  approver: boolean;
}

type Data = Readonly<Record<string, unknown>>;

/** `setup pcemail`: a new wizard at step 1, unless one is running (then: continue or start over). */
export async function startSetup({ deps, key }: SetupTurn): Promise<AdaptiveCard> {
  const decision = await changeWizard(deps.store, key, (current) =>
    current?.status === 'active'
      ? { running: current }
      : { next: startWizard(randomUUID(), deps.now()) },
  );
  if (decision.running) return renderSetupInProgressCard(decision.running);
  return renderWizard(decision.next, deps);
}

/** `continue setup` and "Show the current step": the stored wizard's current card. */
export async function showSetup({ deps, key }: SetupTurn): Promise<AdaptiveCard> {
  const state = await loadWizard(deps.store, key);
  if (state === undefined) return renderNoSetupCard();
  if (state.status !== 'active')
    return renderStaleSetupCard({ kind: 'ended', status: state.status });
  return renderWizard(state, deps);
}

/** "Start over" on the in-progress card: only for the wizard that card was about. */
export async function startOver({ deps, key }: SetupTurn, data: Data): Promise<AdaptiveCard> {
  const ref = readCardRef(data);
  const decision = await changeWizard(deps.store, key, (current) =>
    current?.status === 'active' && current.wizardId !== ref?.wizardId
      ? { stale: { kind: 'other-wizard', current } as StaleReason }
      : { next: startWizard(randomUUID(), deps.now()) },
  );
  if (decision.stale) return renderStaleSetupCard(decision.stale);
  return renderWizard(decision.next, deps);
}

export async function cancelSetup({ deps, key }: SetupTurn, data: Data): Promise<AdaptiveCard> {
  const ref = readCardRef(data);
  const decision = await onCurrentCard(deps, key, ref, (state) =>
    endWizard(state, 'cancelled', deps.now()),
  );
  return decision.stale ? renderStaleSetupCard(decision.stale) : renderSetupCancelledCard();
}

export async function finishSetup({ deps, key }: SetupTurn, data: Data): Promise<AdaptiveCard> {
  const ref = readCardRef(data);
  if (ref?.step !== 'finish') return stale(deps, key, ref);
  const decision = await onCurrentCard(deps, key, ref, (state) =>
    endWizard(state, 'finished', deps.now()),
  );
  if (decision.stale) return renderStaleSetupCard(decision.stale);
  return renderWizard(decision.next as WizardState, deps, { finished: true });
}

/** "Verify this step" (and the summary's "Run the full check again"). */
export async function verifyStep(
  { deps, key, approver }: SetupTurn,
  data: Data,
): Promise<AdaptiveCard> {
  const prepared = await prepare(deps, key, data);
  if ('card' in prepared) return prepared.card;
  const { ref, typed } = prepared;
  const now = deps.now();
  const run = await runChecks(deps, prepared.inputs, { approver });
  const decision = await onCurrentCard(deps, key, ref, (state) => {
    const withInputs = withStepInputs(state, typed, now);
    return run.ok
      ? withVerification(
          withInputs,
          verificationOf(state.step, run.checks, run.checkedAt, run.facts.credentials),
          factsFromDiagnosis(run.diagnosis),
          now,
        )
      : withoutVerification(withInputs);
  });
  if (decision.stale) return renderStaleSetupCard(decision.stale);
  return renderWizard(decision.next as WizardState, deps, run.notice ? { notice: run.notice } : {});
}

/** Next / Back: the typed inputs are kept; the summary and the restriction step look at the tenant. */
export async function moveStep(
  { deps, key, approver }: SetupTurn,
  data: Data,
  direction: 'next' | 'back',
): Promise<AdaptiveCard> {
  const prepared = await prepare(deps, key, data);
  if ('card' in prepared) return prepared.card;
  const { ref, typed } = prepared;
  const now = deps.now();
  const target = moveTo(withStepInputs(prepared.state, typed, now), direction, now);
  let run: CheckRun | undefined;
  if (target.step === 'finish' || (target.step === 'restrict' && needsTenantFacts(target))) {
    run = await runChecks(deps, target.inputs, { approver });
  }
  const decision = await onCurrentCard(deps, key, ref, (state) => {
    const moved = moveTo(withStepInputs(state, typed, now), direction, now);
    if (!run?.ok) return moved;
    const facts = factsFromDiagnosis(run.diagnosis);
    return moved.step === 'finish'
      ? withVerification(moved, verificationOf('finish', run.checks, run.checkedAt, run.facts.credentials), facts, now)
      : withFacts(moved, facts, now);
  });
  if (decision.stale) return renderStaleSetupCard(decision.stale);
  return renderWizard(
    decision.next as WizardState,
    deps,
    run?.notice ? { notice: run.notice } : {},
  );
}

type Prepared =
  | { card: AdaptiveCard }
  | { ref: WizardCardRef; state: WizardState; typed: SetupInputs; inputs: SetupInputs };

/** The stored wizard must match the card, and the step's inputs must be valid; else the answer. */
async function prepare(deps: BotDeps, key: string, data: Data): Promise<Prepared> {
  const ref = readCardRef(data);
  const check = checkCard(await loadWizard(deps.store, key), ref);
  if (!check.ok || ref === undefined) {
    return { card: renderStaleSetupCard(check.ok ? { kind: 'other-wizard' } : check.reason) };
  }
  const reading = readStepInputs(check.state.step, data, deps.tenant.id);
  if (!reading.ok) {
    return {
      card: renderWizard(check.state, deps, {
        draft: reading.draft,
        errors: reading.errors,
        notice: {
          tone: 'warning',
          lines: ['Nothing was saved: correct the field marked below and try again.'],
        },
      }),
    };
  }
  const typed = reading.inputs;
  return {
    ref,
    state: check.state,
    typed,
    inputs: withStepInputs(check.state, typed, deps.now()).inputs,
  };
}

/** Applies `change` to the stored wizard if the card still matches it (re-checked on every retry). */
async function onCurrentCard(
  deps: BotDeps,
  key: string,
  ref: WizardCardRef | undefined,
  change: (state: WizardState) => WizardState,
): Promise<{ next?: WizardState; stale?: StaleReason }> {
  return changeWizard(deps.store, key, (current) => {
    const check = checkCard(current, ref);
    return check.ok ? { next: change(check.state) } : { stale: check.reason };
  });
}

/** A button that does not belong to its card's step (only a crafted request sends one). */
async function stale(
  deps: BotDeps,
  key: string,
  ref: WizardCardRef | undefined,
): Promise<AdaptiveCard> {
  const check = checkCard(await loadWizard(deps.store, key), ref);
  if (!check.ok) return renderStaleSetupCard(check.reason);
  return renderWizard(check.state, deps, {
    notice: {
      tone: 'warning',
      lines: ['That button does not belong to this step; nothing was changed.'],
    },
  });
}
