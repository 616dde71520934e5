import { ActivityTypes, type TurnContext } from 'botbuilder';
import { renderNoticeCard, type AdaptiveCard } from '../../cards';
import type { ConsentActionOutcome } from '../../app/consent';
import type { Bot } from '../bot';
import type { BotDeps } from '../bot-deps';
import { actorOf } from '../consent/actor';
import type { RequestClick } from '../consent/request-click';
import { answerLoginRequest, signInTokenOf } from './sign-in-token';

const SIGN_IN_TEXT =
  'Sign in to approve: PCEmail Ops grants with your own Microsoft Entra rights, so Teams signs you in first.';

/**
 * Approve in CONSENT_MODE=delegated: the approvers list is checked first (a non-approver is never
 * asked to sign in), then the approver's Teams sign-in is required; the use case exchanges it
 * on-behalf-of and grants with it. The token is held for this turn only.
 */
export async function approveWithSignIn(
  context: TurnContext,
  deps: BotDeps,
  click: RequestClick,
  render: (outcome: ConsentActionOutcome) => AdaptiveCard,
): Promise<AdaptiveCard | undefined> {
  const approverToken = await signInTokenOf(context, deps);
  const outcome = await deps.consent.approve({
    requestId: click.requestId,
    cardData: click.cardData,
    actor: actorOf(context),
    ...(approverToken ? { approverToken } : {}),
  });
  if (outcome.signIn && !outcome.notice) {
    await answerLoginRequest(context, deps, SIGN_IN_TEXT);
    return undefined;
  }
  return render(outcome);
}

/**
 * `signin/tokenExchange` (Teams SSO through an OAuth card): 200 when the token can be used,
 * otherwise 412 so that Teams shows the card's sign-in button instead:
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/authentication/bot-sso-code
 * The token itself is not kept: the approver chooses Approve again, which signs in silently.
 */
export function registerSignInInvokes(app: Bot, deps: BotDeps): void {
  app.activity(
    (context) =>
      Promise.resolve(
        context.activity.type === 'invoke' && context.activity.name === 'signin/tokenExchange',
      ),
    async (context) => {
      const value = (context.activity.value ?? {}) as Record<string, unknown>;
      const id = typeof value.id === 'string' ? value.id : '';
      const connectionName = typeof value.connectionName === 'string' ? value.connectionName : '';
      const token = typeof value.token === 'string' ? value.token : '';
      const usable = token !== '' && (await deps.consent.checkSignIn(token));
      const status = usable ? 200 : 412;
      const body = usable
        ? { id, connectionName }
        : {
            id,
            connectionName,
            failureDetail: 'The token could not be exchanged for PCEmail Ops.',
          };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status, body } });
    },
  );
  app.activity(
    (context) =>
      Promise.resolve(
        context.activity.type === 'invoke' && context.activity.name === 'signin/verifyState',
      ),
    async (context) => {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
      await answerInChat(context);
    },
  );
}

async function answerInChat(context: TurnContext): Promise<void> {
  const card = renderNoticeCard({
    title: 'Signed in',
    lines: ['Choose Approve on the request card again to grant with your rights.'],
    tone: 'info',
  });
  await context.sendActivity({
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  });
}
