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
import { renderNoticeCard, type AdaptiveCard } from '../../cards';
import { renderRotationCard, renderSecretDialogCard, ROTATION_VERBS } from '../../cards/rotation';
import { isGuid } from '../../domain';
import type { Bot } from '../bot';
import type { BotDeps } from '../bot-deps';
import { actorOf } from '../consent/actor';

type CardData = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

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
        deps.logger.error(
          { err: { message: (error as Error).message }, verb },
          'rotation step failed',
        );
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
  const appId = text(data.appId).toLowerCase();
  const keyRef = text(data.keyRef).toLowerCase();
  if (!isGuid(appId) || !/^[0-9a-f]{8}$/.test(keyRef))
    return dialog(
      'Rotate now',
      notice('This button is not one PCEmail Ops recognises; nothing was created.'),
    );
  const pcemail = await ports.pcemailAppId();
  if (pcemail !== appId)
    return dialog(
      'Rotate now',
      notice(
        'PCEmail Ops rotates only the PCEmail app registration’s secret; nothing was created.',
      ),
    );
  const secrets = await ports.secrets(appId);
  const matches = secrets.ok
    ? secrets.secrets.filter((c) => c.keyId.toLowerCase().startsWith(keyRef))
    : [];
  const keyId = matches.length === 1 ? matches[0]?.keyId : undefined;
  if (!keyId)
    return dialog(
      'Rotate now',
      notice(
        secrets.ok
          ? 'That secret is no longer on the PCEmail app registration; run the check again. Nothing was created.'
          : `PCEmail’s secrets could not be read (${secrets.message}); nothing was created. Try again.`,
      ),
    );
  const outcome = await startRotation(ports, {
    actor: actorOf(context),
    appId,
    appName: deps.appName,
    oldKeyId: keyId,
  });
  switch (outcome.kind) {
    case 'not-approver':
      return dialog(
        'Rotate now',
        notice(
          'Only an approver of PCEmail Ops (APPROVERS) can rotate PCEmail’s secret; nothing was created.',
        ),
      );
    case 'exists':
      return dialog(
        'Rotation under way',
        viewCard(
          deps,
          ports,
          { kind: 'rotation', record: outcome.record },
          'A rotation of this secret is already under way; nothing new was created.',
        ),
      );
    case 'failed':
      return dialog(
        'Rotate now',
        notice(
          `Microsoft Graph did not create the new secret: ${outcome.error.message}` +
            `${outcome.error.status === 403 ? ' PCEmail Ops needs Application.ReadWrite.OwnedBy and must be an owner of the PCEmail app registration (docs/DEPLOYMENT.md).' : ''}` +
            `${outcome.error.requestId ? ` Graph request id: ${outcome.error.requestId}.` : ''} Nothing was created; try again.`,
        ),
      );
    case 'created': {
      // The card in the chat: where the rotation stands, without the value.
      await context.sendActivity(
        MessageFactory.attachment(
          CardFactory.adaptiveCard(
            viewCard(deps, ports, { kind: 'rotation', record: outcome.record }),
          ),
        ),
      );
      const record = outcome.record;
      return dialog(
        'New PCEmail secret',
        renderSecretDialogCard({
          appName: deps.appName,
          appId,
          rotationId: record.id,
          keyId: record.newKeyId ?? '',
          displayName: record.newDisplayName ?? '',
          endDateTime: record.newEndDateTime ?? '',
          secretText: outcome.secretText,
          keyVault: record.keyVault ?? 'not-configured',
          ...(outcome.keyVaultProblem ? { keyVaultProblem: outcome.keyVaultProblem } : {}),
        }),
      );
    }
  }
}

function viewCard(
  deps: BotDeps,
  ports: RotationPorts,
  view: RotationView,
  extra?: string,
): AdaptiveCard {
  if (view.kind === 'none') return notice('There is no rotation of PCEmail’s secret under way.');
  const note = extra ? { tone: 'info' as const, text: extra } : view.notice;
  return renderRotationCard({
    record: view.record,
    now: deps.now(),
    quietHours: ports.quietHours,
    ...(note ? { notice: note } : {}),
  });
}

function dialog(title: string, card: AdaptiveCard): TaskModuleTaskInfo {
  return { title, width: 'medium', height: 'medium', card: CardFactory.adaptiveCard(card) };
}

function notice(line: string): AdaptiveCard {
  return renderNoticeCard({ title: 'Secret rotation', lines: [line], tone: 'warning' });
}

async function guardedDialog<T>(
  deps: BotDeps,
  run: () => Promise<T>,
): Promise<T | TaskModuleTaskInfo> {
  try {
    return await run();
  } catch (error) {
    deps.logger.error({ err: { message: (error as Error).message } }, 'rotation dialog failed');
    return dialog('Rotate now', notice('Something went wrong; try again in a minute.'));
  }
}
