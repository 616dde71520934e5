import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { TaskModuleTaskInfo } from 'botbuilder';
import {
  checkRotation,
  confirmRotationStep,
  markSecretSaved,
  type RotationView,
} from '../../app/rotation/advance-rotation';
import { removeSecret } from '../../app/rotation/remove-old-secret';
import type { RotationPorts } from '../../app/rotation/rotation-ports';
import { startRotation } from '../../app/rotation/start-rotation';
import { ROTATION_VERBS } from '../../cards/rotation';
import {
  dialogFetch,
  dialogSubmit,
  execute,
  type CardAction,
  type CardData,
  type Parsed,
} from '../actions/card-action';
import { accept, textField } from '../actions/card-data';
import type { CardVerb } from '../../cards/card-verbs';
import type { BotDeps } from '../bot-deps';
import { actorOf } from '../consent/actor';
import { parseRotateNow, parseRotationCard, type RotateNowClick } from './rotation-clicks';
import { signedInRotationActions } from './rotation-sign-in';
import {
  dialog,
  notCreated,
  notice,
  resolveOldSecret,
  secretDialog,
  viewCard,
} from './rotation-parts';

/**
 * The guided rotation in Teams. Rotate now is a dialog (task/fetch): the new value travels only in
 * that invoke's answer, to the one approver who clicked; the rotation card posted to the
 * conversation never carries it. Every other step is an Action.Execute on the rotation card.
 * Expected outcomes (a refusal, Graph's 403, a stale card) have their own cards; anything else
 * thrown here reaches the shared failed-turn answer (one error card, one log line with the code).
 */
export function rotationActions(deps: BotDeps): CardAction[] {
  const ports = deps.rotation;
  if (!ports) return [];
  const on = (
    verb: CardVerb,
    run: (context: TurnContext, appId: string) => Promise<RotationView>,
  ) =>
    execute(verb, parseRotationCard, async (context, { appId }) =>
      viewCard(deps, ports, await run(context, appId)),
    );
  const actions = [
    dialogFetch(ROTATION_VERBS.start, 'Rotate now', parseRotateNow, (context, button) =>
      openRotationDialog(context, deps, ports, button),
    ),
    dialogSubmit(ROTATION_VERBS.saved, parseSaved, async (context, saved) => {
      await markSecretSaved(ports, { actor: actorOf(context), ...saved });
      return 'Thank you. The rotation card in the chat watches for Emplifi Agent to use the new secret.';
    }),
    on(ROTATION_VERBS.check, (_context, appId) => checkRotation(ports, appId)),
    on(ROTATION_VERBS.confirmInUse, (context, appId) =>
      confirmRotationStep(ports, { actor: actorOf(context), appId, step: 'in-use' }),
    ),
    on(ROTATION_VERBS.confirmQuiet, (context, appId) =>
      confirmRotationStep(ports, { actor: actorOf(context), appId, step: 'quiet' }),
    ),
  ];
  if (ports.delegated)
    return [...actions, ...signedInRotationActions(deps, ports, ports.delegated)];
  return [
    ...actions,
    on(ROTATION_VERBS.removeOld, (context, appId) =>
      removeSecret(ports, { actor: actorOf(context), appId, target: 'old' }),
    ),
    on(ROTATION_VERBS.discardNew, (context, appId) =>
      removeSecret(ports, { actor: actorOf(context), appId, target: 'new' }),
    ),
  ];
}

/** The dialog's "I have saved it": the rotation it was about (checked against the stored one). */
function parseSaved(data: CardData): Parsed<{ appId: string; rotationId: string }> {
  return accept({ appId: textField(data, 'appId'), rotationId: textField(data, 'rotationId') });
}

async function openRotationDialog(
  context: TurnContext,
  deps: BotDeps,
  ports: RotationPorts,
  button: RotateNowClick,
): Promise<TaskModuleTaskInfo | string> {
  // Delegated mode writes with the approver's rights, which a dialog cannot carry: an older card's
  // dialog button is refused rather than falling back to the bot's own rights.
  if (ports.delegated)
    return dialog(
      'Rotate now',
      notice(
        'Run the check again and choose Rotate now on the new card: it signs you in first. Nothing was created.',
      ),
    );
  const resolved = await resolveOldSecret(ports, button);
  if ('refusal' in resolved) return dialog('Rotate now', notice(resolved.refusal));
  const outcome = await startRotation(ports, {
    actor: actorOf(context),
    appId: resolved.appId,
    appName: deps.appName,
    oldKeyId: resolved.keyId,
  });
  if (outcome.kind !== 'created')
    return dialog(
      outcome.kind === 'exists' ? 'Rotation under way' : 'Rotate now',
      notCreated(deps, ports, outcome, false),
    );
  // The card in the chat: where the rotation stands, without the value.
  await context.sendActivity(
    MessageFactory.attachment(
      CardFactory.adaptiveCard(viewCard(deps, ports, { kind: 'rotation', record: outcome.record })),
    ),
  );
  return secretDialog(deps, outcome.record, outcome.secretText, outcome.keyVaultProblem);
}
