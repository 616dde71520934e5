import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { loadRotation } from '../../app/rotation/rotation-records';
import { removeSecret } from '../../app/rotation/remove-old-secret';
import type { PasswordPort, RotationPorts } from '../../app/rotation/rotation-ports';
import { startRotation } from '../../app/rotation/start-rotation';
import type { AdaptiveCard } from '../../cards';
import { ROTATION_VERBS } from '../../cards/rotation';
import { isGuid } from '../../domain';
import { isApprover } from '../../ports/approvers';
import {
  dialogFetch,
  execute,
  type CardAction,
  type CardData,
  type Parsed,
} from '../actions/card-action';
import type { CardVerb } from '../../cards/card-verbs';
import type { BotDeps } from '../bot-deps';
import { actorOf } from '../consent/actor';
import { answerWithCard } from '../consent/answer-invoke';
import { answerLoginRequest, signInTokenOf } from '../sso/sign-in-token';
import { RevealBox } from './reveal-box';
import { parseReveal, parseRotateNow, parseRotationCard } from './rotation-clicks';
import {
  dialog,
  notCreated,
  notice,
  resolveOldSecret,
  secretDialog,
  viewCard,
} from './rotation-parts';

const SIGN_IN_TEXT =
  'Sign in to rotate: PCEmail Ops changes PCEmail’s secrets with your own Microsoft Entra rights, so Teams signs you in first.';
const NOT_APPROVER =
  'Only an approver of PCEmail Ops (APPROVERS) can rotate PCEmail’s secret; nothing was changed.';

type Delegated = NonNullable<RotationPorts['delegated']>;

/**
 * CONSENT_MODE=delegated: every write to PCEmail's secrets acts with the approver's own rights.
 * A Teams dialog (task/fetch) carries no single sign-on token, so Rotate now is an Action.Execute
 * here: Teams signs the approver in (Universal Actions SSO, as Approve does), the token is exchanged
 * on-behalf-of for delegated Application.ReadWrite.All, and addPassword runs with it. The value then
 * waits in this process's memory (RevealBox), for that approver only, until the "Show the new secret
 * (once)" dialog takes it, the new secret is discarded, or 10 minutes pass. Remove old secret and the start-over delete sign in the same way.
 */
export function signedInRotationActions(
  deps: BotDeps,
  ports: RotationPorts,
  delegated: Delegated,
): CardAction[] {
  const box = new RevealBox(deps.now);
  const signedIn = <T>(
    verb: CardVerb,
    parse: (data: CardData) => Parsed<T>,
    run: (context: TurnContext, data: T, passwords: PasswordPort) => Promise<AdaptiveCard>,
  ) =>
    // Anything thrown reaches the shared failed-turn answer (one error card, one log line).
    execute(verb, parse, async (context, data) => {
      if (!isApprover(ports.approvers, actorOf(context).aadObjectId))
        return answerWithCard(context, notice(NOT_APPROVER));
      const rights = await approverRights(context, deps, delegated);
      if (rights === 'sign-in-requested') return '';
      if ('refusal' in rights) return answerWithCard(context, notice(rights.refusal));
      return answerWithCard(context, await run(context, data, rights.passwords));
    });

  const begin = signedIn(ROTATION_VERBS.begin, parseRotateNow, async (context, data, passwords) => {
    const resolved = await resolveOldSecret(ports, data);
    if ('refusal' in resolved) return notice(resolved.refusal);
    const actor = actorOf(context);
    const outcome = await startRotation(ports, {
      actor,
      appId: resolved.appId,
      appName: deps.appName,
      oldKeyId: resolved.keyId,
      approverPasswords: passwords,
    });
    if (outcome.kind !== 'created') return notCreated(deps, ports, outcome, true);
    box.put(outcome.record.id, actor.aadObjectId ?? '', outcome.secretText);
    const view = { kind: 'rotation' as const, record: outcome.record };
    await context.sendActivity(
      MessageFactory.attachment(CardFactory.adaptiveCard(viewCard(deps, ports, view))),
    );
    return viewCard(
      deps,
      ports,
      view,
      'The new secret was created with your rights. Choose "Show the new secret (once)" now: the value is kept for you alone, for 10 minutes, and shown once.',
      true,
    );
  });
  const removeOld = signedIn(
    ROTATION_VERBS.removeOld,
    parseRotationCard,
    async (context, { appId }, passwords) => {
      const view = await removeSecret(ports, {
        actor: actorOf(context),
        appId,
        target: 'old',
        approverPasswords: passwords,
      });
      return viewCard(deps, ports, view);
    },
  );
  const discardNew = signedIn(
    ROTATION_VERBS.discardNew,
    parseRotationCard,
    async (context, { appId }, passwords) => {
      // The approver gave the unsaved secret up: its value (if still waiting here) goes first.
      const current = await loadRotation(ports.store, appId);
      if (current) box.drop(current.record.id);
      const view = await removeSecret(ports, {
        actor: actorOf(context),
        appId,
        target: 'new',
        approverPasswords: passwords,
      });
      return viewCard(deps, ports, view);
    },
  );

  const reveal = dialogFetch(
    ROTATION_VERBS.reveal,
    'New PCEmail secret',
    parseReveal,
    async (context, { appId, rotationId }) => {
      const person = actorOf(context).aadObjectId ?? '';
      const value = person ? box.take(rotationId, person) : undefined;
      const loaded = isGuid(appId) ? await loadRotation(ports.store, appId) : undefined;
      if (value === undefined || !loaded || loaded.record.id !== rotationId)
        return dialog(
          'New PCEmail secret',
          notice(
            'The value is no longer here: it is shown once, only to the approver who created it, within 10 minutes, by the PCEmail Ops instance that created it. If it was not saved, choose "Delete the new secret and start over" on the rotation card.',
          ),
        );
      return secretDialog(deps, loaded.record, value);
    },
  );
  return [begin, removeOld, discardNew, reveal];
}

async function approverRights(
  context: TurnContext,
  deps: BotDeps,
  delegated: Delegated,
): Promise<'sign-in-requested' | { passwords: PasswordPort } | { refusal: string }> {
  const token = await signInTokenOf(context, deps);
  if (!token) {
    await answerLoginRequest(context, deps, SIGN_IN_TEXT);
    return 'sign-in-requested';
  }
  const exchanged = await delegated.exchange(token);
  if (exchanged.ok) return { passwords: delegated.writerFor(exchanged.accessToken) };
  const { failure } = exchanged;
  deps.logger.warn(
    { kind: failure.kind, correlationId: failure.correlationId },
    'the approver’s sign-in could not be exchanged on-behalf-of for the secret rotation',
  );
  if (failure.kind === 'expired') {
    await answerLoginRequest(context, deps, SIGN_IN_TEXT);
    return 'sign-in-requested';
  }
  const id = failure.correlationId ? ` (Correlation id: ${failure.correlationId})` : '';
  return {
    refusal:
      failure.kind === 'consent-missing'
        ? `PCEmail Ops has no admin consent for its delegated Microsoft Graph permission Application.ReadWrite.All, so it cannot act with your rights (AADSTS65001). Nothing was changed; see docs/DEPLOYMENT.md.${id}`
        : `${failure.message.replace(/Nothing was granted/g, 'Nothing was changed').replace(/choose Approve again/g, 'try again')}${id}`,
  };
}
