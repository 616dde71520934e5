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
import { isGuid } from '../../domain';
import type { Bot } from '../bot';
import type { BotDeps } from '../bot-deps';
import { actorOf } from '../consent/actor';

import { registerSignedInRotation } from './rotation-sign-in';
import {
  dialog,
  notCreated,
  notice,
  resolveOldSecret,
  secretDialog,
  text,
  viewCard,
  type CardData,
} from './rotation-parts';
import { errorMessage } from '../../domain/product-error';

/**
 * The guided rotation in Teams. Rotate now is a dialog (task/fetch): the new value travels only in
 * that invoke's answer, to the one approver who clicked; the rotation card posted to the
 * conversation never carries it. Every other step is an Action.Execute on the rotation card.
 */
export function registerRotationActions(app: Bot, deps: BotDeps): void {
  const ports = deps.rotation;
  if (!ports) return;
  app.taskModules.fetch<CardData>(ROTATION_VERBS.start, async (context, _state, data) =>
    guardedDialog(deps, () => openRotationDialog(context, deps, ports, data)),
  );
  app.taskModules.submit<CardData>(ROTATION_VERBS.saved, async (context, _state, data) => {
    await guardedDialog(deps, async () => {
      await markSecretSaved(ports, {
        actor: actorOf(context),
        appId: text(data.appId),
        rotationId: text(data.rotationId),
      });
      return 'ok';
    });
    return 'Thank you. The rotation card in the chat watches for Emplifi Agent to use the new secret.';
  });
  const on = (verb: string, run: (context: TurnContext, appId: string) => Promise<RotationView>) =>
    app.adaptiveCards.actionExecute<CardData>(verb, async (context, _state, data) => {
      try {
        const appId = text(data?.appId);
        if (!isGuid(appId))
          return notice('This card is not a rotation card PCEmail Ops recognises.');
        return viewCard(deps, ports, await run(context, appId));
      } catch (error) {
        deps.logger.error({ err: { message: errorMessage(error) }, verb }, 'rotation step failed');
        return notice('Something went wrong; nothing was lost. Try again in a minute.');
      }
    });
  on(ROTATION_VERBS.check, (_context, appId) => checkRotation(ports, appId));
  on(ROTATION_VERBS.confirmInUse, (context, appId) =>
    confirmRotationStep(ports, { actor: actorOf(context), appId, step: 'in-use' }),
  );
  on(ROTATION_VERBS.confirmQuiet, (context, appId) =>
    confirmRotationStep(ports, { actor: actorOf(context), appId, step: 'quiet' }),
  );
  if (ports.delegated) {
    registerSignedInRotation(app, deps, ports, ports.delegated);
    return;
  }
  on(ROTATION_VERBS.removeOld, (context, appId) =>
    removeSecret(ports, { actor: actorOf(context), appId, target: 'old' }),
  );
  on(ROTATION_VERBS.discardNew, (context, appId) =>
    removeSecret(ports, { actor: actorOf(context), appId, target: 'new' }),
  );
}

async function openRotationDialog(
  context: TurnContext,
  deps: BotDeps,
  ports: RotationPorts,
  data: CardData,
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
  const resolved = await resolveOldSecret(ports, data);
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

async function guardedDialog<T>(
  deps: BotDeps,
  run: () => Promise<T>,
): Promise<T | TaskModuleTaskInfo> {
  try {
    return await run();
  } catch (error) {
    deps.logger.error({ err: { message: errorMessage(error) } }, 'rotation dialog failed');
    return dialog('Rotate now', notice('Something went wrong; try again in a minute.'));
  }
}
