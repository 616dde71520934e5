import type { SetupAnswer, WizardExtras } from '../../app/setup/setup-answer';
import { draftOf, planRestriction, type WizardState } from '../../domain/setup';
import type { AdaptiveCard } from '../../cards';
import {
  renderNoSetupCard,
  renderSetupCancelledCard,
  renderSetupInProgressCard,
  renderSetupStepCard,
  renderSetupSummaryCard,
  renderStaleSetupCard,
} from '../../cards/setup';
import type { BotDeps } from '../bot-deps';

/** The card that answers a wizard turn (it replaces the clicked card). */
export function renderSetupAnswer(answer: SetupAnswer, deps: BotDeps): AdaptiveCard {
  switch (answer.kind) {
    case 'wizard':
      return renderWizard(answer.state, deps, answer.extras);
    case 'in-progress':
      return renderSetupInProgressCard(answer.running);
    case 'no-setup':
      return renderNoSetupCard();
    case 'stale':
      return renderStaleSetupCard(answer.reason);
    case 'cancelled':
      return renderSetupCancelledCard();
  }
}

/** The card of the wizard's current step, from the stored state (plus a refused draft, if any). */
function renderWizard(state: WizardState, deps: BotDeps, extras: WizardExtras = {}): AdaptiveCard {
  const tenant = deps.tenant;
  const appId = state.inputs.appId ?? state.facts.appId;
  const verification = state.verification?.step === state.step ? state.verification : undefined;
  if (state.step === 'finish') {
    return renderSetupSummaryCard({
      wizardId: state.wizardId,
      tenant,
      appName: deps.appName,
      ...(appId === undefined ? {} : { appId }),
      mailboxes: state.inputs.mailboxes ?? state.facts.mailboxes ?? [],
      credentials: verification?.credentials ?? [],
      ...(verification ? { verification } : {}),
      ...(extras.notice ? { notice: extras.notice } : {}),
      finished: extras.finished ?? false,
    });
  }
  const stored = draftOf(state.inputs);
  if (stored.mailboxes === undefined && state.facts.mailboxes) {
    stored.mailboxes = state.facts.mailboxes.join(', ');
  }
  const refused = extras.errors !== undefined && Object.keys(extras.errors).length > 0;
  return renderSetupStepCard({
    wizardId: state.wizardId,
    step: state.step,
    tenant,
    appName: deps.appName,
    draft: { ...stored, ...extras.draft },
    ...(extras.errors ? { errors: extras.errors } : {}),
    ...(appId === undefined ? {} : { appId }),
    ...(verification ? { verification } : {}),
    ...(extras.notice ? { notice: extras.notice } : {}),
    // A refused card shows no commands: they would not match the fields as typed.
    ...(state.step === 'restrict' && !refused
      ? { restriction: planRestriction(state, deps.appName, deps.exchangeEnvironment) }
      : {}),
  });
}
