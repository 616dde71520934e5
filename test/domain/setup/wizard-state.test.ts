import { CHECK_IDS } from '../../../src/domain/check-result';
import {
  checkCard,
  describeStep,
  endWizard,
  moveTo,
  needsTenantFacts,
  readCardRef,
  SETUP_STEP_IDS,
  startWizard,
  STEP_CHECKS,
  withStepInputs,
  withVerification,
  type WizardState,
} from '../../../src/domain/setup';

const NOW = new Date('2025-06-01T12:00:00Z');
const LATER = new Date('2025-06-01T12:05:00Z');
const APP = '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8';

function at(step: WizardState['step']): WizardState {
  return { ...startWizard('w-1', NOW), step };
}

describe('the wizard state', () => {
  it('when a wizard starts, then it is active at step 1 with nothing typed', () => {
    expect(startWizard('w-1', NOW)).toEqual({
      version: 1,
      wizardId: 'w-1',
      status: 'active',
      step: 'register',
      inputs: {},
      facts: {},
      startedAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it('when moving next and back, then the steps follow the setup order and the previous results are dropped', () => {
    let state = withVerification(
      at('register'),
      { checkedAt: NOW.toISOString(), checks: [], otherNotPassing: 0 },
      {},
      NOW,
    );
    const order: string[] = [state.step];
    for (let i = 0; i < 6; i++) {
      state = moveTo(state, 'next', LATER);
      order.push(state.step);
    }
    expect(order).toEqual([
      'register',
      'secret',
      'permissions',
      'consent',
      'restrict',
      'finish',
      'finish',
    ]);
    expect(state.verification).toBeUndefined();
    expect(moveTo(at('register'), 'back', LATER).step).toBe('register');
    expect(moveTo(at('finish'), 'back', LATER).step).toBe('restrict');
  });

  it('when step inputs are applied, then only that step’s fields change and an emptied field is removed', () => {
    const state: WizardState = {
      ...at('restrict'),
      inputs: { appId: APP, mailboxes: ['a@b.com'], scopeGroup: 'g@b.com' },
    };
    const next = withStepInputs(state, { mailboxes: ['c@d.com'], appId: 'ignored' }, LATER);
    expect(next.inputs).toEqual({ appId: APP, mailboxes: ['c@d.com'] });
    expect(next.updatedAt).toBe(LATER.toISOString());
  });

  it('when another App ID is typed, then the facts learned about the old app are forgotten', () => {
    const state: WizardState = {
      ...at('register'),
      inputs: { appId: APP },
      facts: { appId: APP, servicePrincipalId: 'sp' },
    };
    expect(withStepInputs(state, { appId: APP }, LATER).facts).toEqual({
      appId: APP,
      servicePrincipalId: 'sp',
    });
    expect(withStepInputs(state, { appId: 'other' }, LATER).facts).toEqual({});
    expect(needsTenantFacts(withStepInputs(state, { appId: 'other' }, LATER))).toBe(true);
  });

  it('when a card matches the stored wizard and step, then it may act', () => {
    const state = at('secret');
    expect(checkCard(state, { wizardId: 'w-1', step: 'secret' })).toEqual({ ok: true, state });
  });

  it.each([
    ['no stored wizard', undefined, { wizardId: 'w-1', step: 'register' }, { kind: 'no-wizard' }],
    ['another wizard', 'active', { wizardId: 'w-0', step: 'secret' }, { kind: 'other-wizard' }],
    ['a missing reference', 'active', undefined, { kind: 'other-wizard' }],
    [
      'a cancelled wizard',
      'cancelled',
      { wizardId: 'w-1', step: 'secret' },
      { kind: 'ended', status: 'cancelled' },
    ],
    [
      'a finished wizard',
      'finished',
      { wizardId: 'w-1', step: 'secret' },
      { kind: 'ended', status: 'finished' },
    ],
    [
      'an older step',
      'active',
      { wizardId: 'w-1', step: 'register' },
      { kind: 'other-step', cardStep: 'register' },
    ],
  ] as const)('when the card refers to %s, then it is stale', (_what, status, ref, reason) => {
    const state = status === undefined ? undefined : endOr(at('secret'), status);
    const result = checkCard(state, ref);
    expect(result.ok).toBe(false);
    expect(result.ok ? undefined : result.reason).toMatchObject(reason);
  });

  it('when card data is read, then only a known step and a string wizard id count', () => {
    expect(readCardRef({ wizardId: 'w-1', step: 'consent', extra: 1 })).toEqual({
      wizardId: 'w-1',
      step: 'consent',
    });
    for (const data of [
      {},
      { wizardId: 'w', step: 'admin' },
      { wizardId: 1, step: 'consent' },
      { wizardId: 'x'.repeat(101), step: 'consent' },
    ]) {
      expect(readCardRef(data)).toBeUndefined();
    }
  });

  it('when steps are described, then they count five working steps and a summary', () => {
    expect(describeStep('register')).toBe('step 1 of 5');
    expect(describeStep('restrict')).toBe('step 5 of 5');
    expect(describeStep('finish')).toBe('the summary');
  });

  it('when the step checks are listed, then every catalogue check belongs to exactly one working step', () => {
    const work = SETUP_STEP_IDS.filter((st) => st !== 'finish').flatMap((st) => [
      ...STEP_CHECKS[st],
    ]);
    expect([...work].sort()).toEqual([...CHECK_IDS].sort());
    expect(STEP_CHECKS.finish).toEqual(CHECK_IDS);
    expect(new Set(work).size).toBe(work.length);
  });
});

function endOr(state: WizardState, status: 'active' | 'cancelled' | 'finished'): WizardState {
  return status === 'active' ? state : endWizard(state, status, LATER);
}
