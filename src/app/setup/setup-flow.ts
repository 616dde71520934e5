import { randomUUID } from 'node:crypto';
import {
  checkCard,
  endWizard,
  factsFromDiagnosis,
  moveTo,
  needsTenantFacts,
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
import type { SetupAnswer, WizardExtras } from './setup-answer';
import type { SetupPorts } from './setup-ports';
import { runChecks, type CheckRun } from './wizard-checks';

/** One turn of the wizard: who (the store key) and with what. */
export interface SetupTurn {
  deps: SetupPorts;
  key: string;
  /** Whether the clicking user is an approver (non-approvers see mailbox reachability only). */
  approver: boolean;
}

/** A wizard button's data, parsed by the bot before the use case runs. */
export interface WizardClick {
  /** Which wizard and step the clicked card showed; undefined when the card named none. */
  ref: WizardCardRef | undefined;
  /** The card's input fields as typed (read by the step's own rules, `readStepInputs`). */
  fields: Readonly<Record<string, unknown>>;
}

/** `setup pcemail`: a new wizard at step 1, unless one is running (then: continue or start over). */
export async function startSetup({ deps, key }: SetupTurn): Promise<SetupAnswer> {
  const decision = await deps.wizards.change(key, (current) =>
    current?.status === 'active'
      ? { running: current }
      : { next: startWizard(randomUUID(), deps.now()) },
  );
  if (decision.running) return { kind: 'in-progress', running: decision.running };
  return wizard(decision.next);
}

/** `continue setup` and "Show the current step": the stored wizard's current card. */
export async function showSetup({ deps, key }: SetupTurn): Promise<SetupAnswer> {
  const state = await deps.wizards.load(key);
  if (state === undefined) return { kind: 'no-setup' };
  if (state.status !== 'active') return staleAnswer({ kind: 'ended', status: state.status });
  return wizard(state);
}

/** "Start over" on the in-progress card: only for the wizard that card was about. */
export async function startOver(
  { deps, key }: SetupTurn,
  click: WizardClick,
): Promise<SetupAnswer> {
  const { ref } = click;
  const decision = await deps.wizards.change(key, (current) =>
    current?.status === 'active' && current.wizardId !== ref?.wizardId
      ? { stale: { kind: 'other-wizard', current } as StaleReason }
      : { next: startWizard(randomUUID(), deps.now()) },
  );
  if (decision.stale) return staleAnswer(decision.stale);
  return wizard(decision.next);
}

export async function cancelSetup(
  { deps, key }: SetupTurn,
  click: WizardClick,
): Promise<SetupAnswer> {
  const { ref } = click;
  const decision = await onCurrentCard(deps, key, ref, (state) =>
    endWizard(state, 'cancelled', deps.now()),
  );
  return decision.stale ? staleAnswer(decision.stale) : { kind: 'cancelled' };
}

export async function finishSetup(
  { deps, key }: SetupTurn,
  click: WizardClick,
): Promise<SetupAnswer> {
  const { ref } = click;
  if (ref?.step !== 'finish') return stale(deps, key, ref);
  const decision = await onCurrentCard(deps, key, ref, (state) =>
    endWizard(state, 'finished', deps.now()),
  );
  if (decision.stale) return staleAnswer(decision.stale);
  return wizard(decision.next as WizardState, { finished: true });
}

/** "Verify this step" (and the summary's "Run the full check again"). */
export async function verifyStep(
  { deps, key, approver }: SetupTurn,
  click: WizardClick,
): Promise<SetupAnswer> {
  const prepared = await prepare(deps, key, click);
  if ('answer' in prepared) return prepared.answer;
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
  if (decision.stale) return staleAnswer(decision.stale);
  return wizard(decision.next as WizardState, run.notice ? { notice: run.notice } : {});
}

/** Next / Back: the typed inputs are kept; the summary and the restriction step look at the tenant. */
export async function moveStep(
  { deps, key, approver }: SetupTurn,
  click: WizardClick,
  direction: 'next' | 'back',
): Promise<SetupAnswer> {
  const prepared = await prepare(deps, key, click);
  if ('answer' in prepared) return prepared.answer;
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
      ? withVerification(
          moved,
          verificationOf('finish', run.checks, run.checkedAt, run.facts.credentials),
          facts,
          now,
        )
      : withFacts(moved, facts, now);
  });
  if (decision.stale) return staleAnswer(decision.stale);
  return wizard(decision.next as WizardState, run?.notice ? { notice: run.notice } : {});
}

type Prepared =
  | { answer: SetupAnswer }
  | { ref: WizardCardRef; state: WizardState; typed: SetupInputs; inputs: SetupInputs };

/** The stored wizard must match the card, and the step's inputs must be valid; else the answer. */
async function prepare(deps: SetupPorts, key: string, click: WizardClick): Promise<Prepared> {
  const { ref } = click;
  const check = checkCard(await deps.wizards.load(key), ref);
  if (!check.ok || ref === undefined) {
    return { answer: staleAnswer(check.ok ? { kind: 'other-wizard' } : check.reason) };
  }
  const reading = readStepInputs(check.state.step, click.fields, deps.tenant.id);
  if (!reading.ok) {
    return {
      answer: wizard(check.state, {
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
  deps: SetupPorts,
  key: string,
  ref: WizardCardRef | undefined,
  change: (state: WizardState) => WizardState,
): Promise<{ next?: WizardState; stale?: StaleReason }> {
  return deps.wizards.change(key, (current) => {
    const check = checkCard(current, ref);
    return check.ok ? { next: change(check.state) } : { stale: check.reason };
  });
}

/** A button that does not belong to its card's step (only a crafted request sends one). */
async function stale(
  deps: SetupPorts,
  key: string,
  ref: WizardCardRef | undefined,
): Promise<SetupAnswer> {
  const check = checkCard(await deps.wizards.load(key), ref);
  if (!check.ok) return staleAnswer(check.reason);
  return wizard(check.state, {
    notice: {
      tone: 'warning',
      lines: ['That button does not belong to this step; nothing was changed.'],
    },
  });
}

function wizard(state: WizardState, extras: WizardExtras = {}): SetupAnswer {
  return { kind: 'wizard', state, extras };
}

function staleAnswer(reason: StaleReason): SetupAnswer {
  return { kind: 'stale', reason };
}
