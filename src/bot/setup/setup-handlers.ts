import type { TurnContext } from 'botbuilder';
import type { SetupAnswer } from '../../app/setup/setup-answer';
import {
  cancelSetup,
  finishSetup,
  moveStep,
  showSetup,
  startOver,
  startSetup,
  verifyStep,
  type SetupTurn,
  type WizardClick,
} from '../../app/setup/setup-flow';
import { readCardRef } from '../../domain/setup';
import { renderSetupFailedCard, SETUP_VERBS, type SetupVerb } from '../../cards/setup';
import { isApprover } from '../../ports/approvers';
import { execute, type CardAction, type CardData, type Parsed } from '../actions/card-action';
import { accept } from '../actions/card-data';
import type { BotDeps } from '../bot-deps';
import { sendCard } from '../send-card';
import { renderSetupAnswer } from './render-wizard';
import { wizardKey } from './wizard-key';

/** `setup pcemail` */
export async function handleSetupPcemail(context: TurnContext, deps: BotDeps): Promise<void> {
  await sendCard(context, renderSetupAnswer(await startSetup(turnOf(context, deps)), deps));
}

/** `continue setup` */
export async function handleContinueSetup(context: TurnContext, deps: BotDeps): Promise<void> {
  await sendCard(context, renderSetupAnswer(await showSetup(turnOf(context, deps)), deps));
}

/**
 * A wizard button's data: the wizard and step its card showed (checked against the stored wizard
 * by the use case, which answers a stale card) and the fields as typed.
 */
function parseWizardClick(data: CardData): Parsed<WizardClick> {
  return accept({ ref: readCardRef(data), fields: data });
}

const ACTIONS: Record<SetupVerb, (turn: SetupTurn, click: WizardClick) => Promise<SetupAnswer>> = {
  [SETUP_VERBS.verify]: verifyStep,
  [SETUP_VERBS.next]: (turn, click) => moveStep(turn, click, 'next'),
  [SETUP_VERBS.back]: (turn, click) => moveStep(turn, click, 'back'),
  [SETUP_VERBS.cancel]: cancelSetup,
  [SETUP_VERBS.done]: finishSetup,
  [SETUP_VERBS.show]: (turn) => showSetup(turn),
  [SETUP_VERBS.startOver]: startOver,
};

/** The wizard's Action.Execute verbs; each answers with the card that replaces the clicked one. */
export function setupActions(deps: BotDeps): CardAction[] {
  return (Object.entries(ACTIONS) as [SetupVerb, (typeof ACTIONS)[SetupVerb]][]).map(
    ([verb, action]) =>
      execute(verb, parseWizardClick, async (context, data) => {
        try {
          return renderSetupAnswer(await action(turnOf(context, deps), data), deps);
        } catch (error) {
          const err = error instanceof Error ? error : new Error(String(error));
          deps.logger.error(
            { err: { name: err.name, message: err.message }, verb },
            'setup action failed',
          );
          return renderSetupFailedCard();
        }
      }),
  );
}

function turnOf(context: TurnContext, deps: BotDeps): SetupTurn {
  const approver = isApprover(deps.approvers, context.activity.from?.aadObjectId);
  return { deps, key: wizardKey(context, deps), approver };
}
