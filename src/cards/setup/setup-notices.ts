import { describeStep, STEP_TITLES, type StaleReason, type WizardState } from '../../domain/setup';
import { executeAction, type AdaptiveCard } from '../adaptive-card';
import { renderNoticeCard } from '../notice-card';
import { SETUP_VERBS, wizardAction } from './setup-card-parts';

const SHOW_CURRENT = 'Show the current step';

/** The answer to a click on a card the stored wizard no longer matches; nothing was changed. */
export function renderStaleSetupCard(reason: StaleReason): AdaptiveCard {
  switch (reason.kind) {
    case 'no-wizard':
      return renderNoticeCard({
        title: 'There is no setup in progress here',
        lines: ['Nothing was changed. Type "setup pcemail" to start one.'],
        tone: 'info',
      });
    case 'other-wizard':
      return renderNoticeCard({
        title: 'This card belongs to an earlier setup',
        lines: [
          'Nothing was changed.',
          reason.current
            ? `Your current setup is at ${describeStep(reason.current.step)}: ${STEP_TITLES[reason.current.step]}.`
            : 'Type "setup pcemail" to start a new setup.',
        ],
        tone: 'warning',
        ...(reason.current ? { actions: [executeAction(SHOW_CURRENT, SETUP_VERBS.show)] } : {}),
      });
    case 'ended':
      return renderNoticeCard({
        title:
          reason.status === 'cancelled' ? 'This setup was cancelled' : 'This setup is finished',
        lines: [
          'Nothing was changed.',
          reason.status === 'cancelled'
            ? 'Type "setup pcemail" to start again.'
            : 'Type "check pcemail permissions" to check again, or "setup pcemail" to start a new setup.',
        ],
        tone: 'info',
      });
    case 'other-step':
      return renderNoticeCard({
        title: 'This card is out of date',
        lines: [
          `It shows ${describeStep(reason.cardStep)}, but the setup has moved on to ${describeStep(reason.current.step)}: ${STEP_TITLES[reason.current.step]}. Nothing was changed.`,
        ],
        tone: 'warning',
        actions: [executeAction(SHOW_CURRENT, SETUP_VERBS.show)],
      });
  }
}

/** `setup pcemail` while a setup runs: continue it or start over, never silently lose it. */
export function renderSetupInProgressCard(state: WizardState): AdaptiveCard {
  const ref = { wizardId: state.wizardId, step: state.step };
  return renderNoticeCard({
    title: 'A setup is already in progress',
    lines: [
      `You are at ${describeStep(state.step)}: ${STEP_TITLES[state.step]}. Continue it, or start over with empty fields.`,
    ],
    tone: 'info',
    actions: [
      executeAction('Continue', SETUP_VERBS.show),
      wizardAction('Start over', SETUP_VERBS.startOver, ref, { associatedInputs: 'none' }),
    ],
  });
}

export function renderSetupCancelledCard(): AdaptiveCard {
  return renderNoticeCard({
    title: 'Setup cancelled',
    lines: [
      'I changed nothing in your tenant; what you did in Entra and Exchange stays as it is.',
      'Type "setup pcemail" to start again.',
    ],
    tone: 'info',
  });
}

export function renderNoSetupCard(): AdaptiveCard {
  return renderNoticeCard({
    title: 'There is no setup in progress here',
    lines: ['Type "setup pcemail" to start one.'],
    tone: 'info',
  });
}

export function renderSetupFailedCard(): AdaptiveCard {
  return renderNoticeCard({
    title: 'Something went wrong',
    lines: ['I could not finish that; nothing was changed. Try again in a minute.'],
    tone: 'error',
    actions: [executeAction(SHOW_CURRENT, SETUP_VERBS.show)],
  });
}
