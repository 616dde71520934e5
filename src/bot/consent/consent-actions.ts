import type { TurnContext } from 'botbuilder';
import { renderNoticeCard, renderTurnFailedCard, type AdaptiveCard } from '../../cards';
import { CONSENT_VERBS } from '../../cards/consent';
import { isTenantError } from '../../domain';
import type { ConsentActionOutcome } from '../../app/consent';
import { execute, type CardAction, type CardData, type Parsed } from '../actions/card-action';
import { noData } from '../actions/card-data';
import type { CardVerb } from '../../cards/card-verbs';
import type { BotDeps } from '../bot-deps';
import { actorOf } from './actor';
import { answerWithCard } from './answer-invoke';
import { parseRequestClick } from './request-click';
import { approveWithSignIn } from '../sso/delegated-approve';
import { deliveryNotice, noticeText } from './consent-notices';
import { outcomeRequestCard, requestCard } from './request-card';
import { asProductError, errorName } from '../../domain/product-error';

/** Marks a turn whose answer was a sign-in request (already sent). */
const SIGN_IN_REQUESTED: AdaptiveCard = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [],
} as unknown as AdaptiveCard;

/** The consent flow's Action.Execute verbs: parse → use case → render → answer (the clicker's card). */
export function consentActions(deps: BotDeps): CardAction[] {
  const on = <T>(
    verb: CardVerb,
    parse: (data: CardData) => Parsed<T>,
    handle: (context: TurnContext, value: T) => Promise<AdaptiveCard>,
  ) =>
    execute(verb, parse, async (context, value) =>
      answerWithCard(context, await guarded(deps, verb, () => handle(context, value))),
    );

  const approve =
    deps.consentMode === 'delegated'
      ? execute(CONSENT_VERBS.approve, parseRequestClick, async (context, click) => {
          const card = await guarded(deps, CONSENT_VERBS.approve, async () => {
            const answered = await approveWithSignIn(context, deps, click, (outcome) =>
              outcomeCard(deps, outcome),
            );
            return answered ?? SIGN_IN_REQUESTED;
          });
          return card === SIGN_IN_REQUESTED ? '' : answerWithCard(context, card);
        })
      : on(CONSENT_VERBS.approve, parseRequestClick, async (context, click) =>
          outcomeCard(
            deps,
            await deps.consent.approve({
              requestId: click.requestId,
              cardData: click.cardData,
              actor: actorOf(context),
            }),
          ),
        );
  return [
    on(CONSENT_VERBS.request, noData, (context) => requestConsentCard(context, deps)),
    approve,
    on(CONSENT_VERBS.reject, parseRequestClick, async (context, click) =>
      outcomeCard(
        deps,
        await deps.consent.reject({
          requestId: click.requestId,
          cardData: click.cardData,
          actor: actorOf(context),
          reason: click.reason,
        }),
      ),
    ),
    on(CONSENT_VERBS.check, parseRequestClick, async (context, click) =>
      outcomeCard(
        deps,
        await deps.consent.recheck({ requestId: click.requestId, actor: actorOf(context) }),
      ),
    ),
    on(CONSENT_VERBS.refresh, parseRequestClick, async (context, click) =>
      outcomeCard(
        deps,
        await deps.consent.view({ requestId: click.requestId, actor: actorOf(context) }),
      ),
    ),
  ];
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
    return requestCard(deps.consent, outcome.request, { notice: deliveryNotice(outcome) });
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
    outcomeRequestCard(deps.consent, outcome) ??
    renderNoticeCard({
      title: 'Admin consent request',
      lines: [outcome.notice ? noticeText(outcome.notice).text : 'Nothing was changed.'],
      tone: 'warning',
    })
  );
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
