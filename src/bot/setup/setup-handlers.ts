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
} from '../../app/setup/setup-flow';
import { renderSetupFailedCard, SETUP_VERBS, type SetupVerb } from '../../cards/setup';
import { isApprover } from '../../monitor/approvers';
import { execute, type CardAction, type CardData, type Parsed } from '../actions/card-action';
import { accept } from '../actions/card-data';
import type { BotDeps } from '../bot-deps';
import { sendCard } from '../send-card';
import { renderSetupAnswer } from './render-wizard';
import { wizardKey } from './wizard-key';

type Data = Record<string, unknown>;

/** `setup pcemail` */
export async function handleSetupPcemail(context: TurnContext, deps: BotDeps): Promise<void> {
  await sendCard(context, renderSetupAnswer(await startSetup(turnOf(context, deps)), deps));
}

/** `continue setup` */
export async function handleContinueSetup(context: TurnContext, deps: BotDeps): Promise<void> {
  await sendCard(context, renderSetupAnswer(await showSetup(turnOf(context, deps)), deps));
}

/** A wizard button's data: the fields as typed, passed on to the step's own input reading. */
function parseWizardClick(data: CardData): Parsed<Data> {
  return accept({ ...data });
}

const ACTIONS: Record<SetupVerb, (turn: SetupTurn, data: Data) => Promise<SetupAnswer>> = {
  [SETUP_VERBS.verify]: verifyStep,
  [SETUP_VERBS.next]: (turn, data) => moveStep(turn, data, 'next'),
  [SETUP_VERBS.back]: (turn, data) => moveStep(turn, data, 'back'),
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
