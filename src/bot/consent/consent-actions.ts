import type { TurnContext } from 'botbuilder';
import { renderNoticeCard, renderTurnFailedCard, type AdaptiveCard } from '../../cards';
import { CONSENT_VERBS, REJECT_REASON_INPUT } from '../../cards/consent';
import { isTenantError } from '../../domain';
import { deliveryNotice, type ConsentActionOutcome } from '../../services/consent';
import type { Bot } from '../bot';
import type { BotDeps } from '../bot-deps';
import { actorOf } from './actor';
import { answerWithCard } from './answer-invoke';
import { approveWithSignIn, registerSignInInvokes } from '../sso/delegated-approve';
import { asProductError, errorName } from '../../domain/product-error';

type CardData = Record<string, unknown>;

/** Marks a turn whose answer was a sign-in request (already sent). */
const SIGN_IN_REQUESTED: AdaptiveCard = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [],
} as unknown as AdaptiveCard;

/** The consent flow's Action.Execute verbs: parse → use case → render → answer (the clicker's card). */
export function registerConsentActions(app: Bot, deps: BotDeps): void {
  const on = (
    verb: string,
    handle: (context: TurnContext, data: CardData) => Promise<AdaptiveCard>,
  ) =>
    app.adaptiveCards.actionExecute<CardData>(verb, async (context, _state, data) =>
      answerWithCard(context, await guarded(deps, verb, () => handle(context, data ?? {}))),
    );

  on(CONSENT_VERBS.request, (context) => requestConsentCard(context, deps));
  if (deps.consentMode === 'delegated') {
    registerSignInInvokes(app, deps);
    app.adaptiveCards.actionExecute<CardData>(
      CONSENT_VERBS.approve,
      async (context, _state, data) => {
        const card = await guarded(deps, CONSENT_VERBS.approve, async () => {
          const answered = await approveWithSignIn(context, deps, data ?? {}, (outcome) =>
            outcomeCard(deps, outcome),
          );
          return answered ?? SIGN_IN_REQUESTED;
        });
        return card === SIGN_IN_REQUESTED ? '' : answerWithCard(context, card);
      },
    );
  } else {
    on(CONSENT_VERBS.approve, async (context, data) =>
      outcomeCard(
        deps,
        await deps.consent.approve({
          requestId: data.requestId,
          cardData: data,
          actor: actorOf(context),
        }),
      ),
    );
  }
  on(CONSENT_VERBS.reject, async (context, data) =>
    outcomeCard(
      deps,
      await deps.consent.reject({
        requestId: data.requestId,
        cardData: data,
        actor: actorOf(context),
        reason: typeof data[REJECT_REASON_INPUT] === 'string' ? data[REJECT_REASON_INPUT] : '',
      }),
    ),
  );
  on(CONSENT_VERBS.check, async (context, data) =>
    outcomeCard(
      deps,
      await deps.consent.recheck({ requestId: data.requestId, actor: actorOf(context) }),
    ),
  );
  on(CONSENT_VERBS.refresh, async (context, data) =>
    outcomeCard(
      deps,
      await deps.consent.view({ requestId: data.requestId, actor: actorOf(context) }),
    ),
  );
}

async function requestConsentCard(context: TurnContext, deps: BotDeps): Promise<AdaptiveCard> {
  const origin = await deps.conversations.remember(context).catch(() => undefined);
  const actor = actorOf(context);
  const outcome = await deps.consent.request({
    requester: {
      ...(actor.aadObjectId ? { aadObjectId: actor.aadObjectId } : {}),
      name: actor.name,
    },
    ...(origin ? { origin } : {}),
    ...(context.activity.replyToId ? { originActivityId: context.activity.replyToId } : {}),
  });
  if (outcome.kind === 'requested') {
    return (
      deps.consent.cardFor({ request: outcome.request, notice: deliveryNotice(outcome) }) ??
      notFoundCard()
    );
  }
  if (outcome.kind === 'nothing-missing') {
    return renderNoticeCard({
      title: 'No admin consent to request',
      lines: [
        outcome.notRequested.length > 0
          ? `PCEmail does not request ${outcome.notRequested.map((p) => p.name).join(', ')} yet: add it under API permissions in the Entra admin center first, then run the check again.`
          : 'Every permission PCEmail requests has admin consent already. Run "check pcemail permissions" to see the current state.',
      ],
      tone: 'info',
    });
  }
  return renderNoticeCard({
    title: 'Admin consent cannot be requested',
    lines: [outcome.reason],
    tone: 'warning',
  });
}

function outcomeCard(deps: BotDeps, outcome: ConsentActionOutcome): AdaptiveCard {
  return (
    deps.consent.cardFor(outcome) ??
    renderNoticeCard({
      title: 'Admin consent request',
      lines: [outcome.notice?.text ?? 'Nothing was changed.'],
      tone: 'warning',
    })
  );
}

function notFoundCard(): AdaptiveCard {
  return renderNoticeCard({
    title: 'Admin consent request',
    lines: ['The request could not be shown.'],
    tone: 'warning',
  });
}

/** A failure becomes a plain card (no stack trace reaches Teams); the stored request stays the truth. */
async function guarded(
  deps: BotDeps,
  verb: string,
  work: () => Promise<AdaptiveCard>,
): Promise<AdaptiveCard> {
  try {
    return await work();
  } catch (error) {
    if (isTenantError(error)) {
      deps.logger.warn({ verb, error: error.info }, 'a consent action could not read the tenant');
      return renderNoticeCard({
        title: 'The tenant could not be read',
        lines: [
          error.info.message,
          ...(error.info.requestId ? [`Request id: ${error.info.requestId}`] : []),
        ],
        tone: 'error',
      });
    }
    const failure = asProductError(error);
    deps.logger.error(
      { verb, code: failure.info.code, err: { name: errorName(error), message: failure.message } },
      'a consent action failed',
    );
    return renderTurnFailedCard(failure.info);
  }
}
