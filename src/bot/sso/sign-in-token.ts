import { randomUUID } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { UserTokenClient } from 'botframework-connector';
import type { BotDeps } from '../bot-deps';
import { errorMessage } from '../../domain/product-error';

/**
 * Teams single sign-on for an Action.Execute (Universal Actions). Without a token the bot answers
 * `401` with an `application/vnd.microsoft.activity.loginRequest`; Teams then gets a token for the
 * `tokenExchangeResource` silently (or shows the sign-in button, the OAuth card fallback) and sends
 * the same action again with `value.authentication.token`, or with `value.state` (a magic code)
 * after a sign-in through the OAuth connection:
 * https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/sso-adaptive-cards-universal-action
 * The token is used within this turn only and never stored.
 *
 * teams-ai's `Application.authentication` (TeamsSsoSettings / OAuthSettings) is not used: it signs in
 * for message turns and keeps the token in turn state across turns, while here one Action.Execute
 * must be answered with a sign-in request and retried with the token. botbuilder's UserTokenClient
 * (the Bot Framework token service) serves the OAuth-connection fallback.
 */
const LOGIN_REQUEST_TYPE = 'application/vnd.microsoft.activity.loginRequest';

interface InvokeValue {
  authentication?: { token?: unknown };
  state?: unknown;
}

/** The approver's SSO token this turn, or undefined when Teams sent none. */
export async function signInTokenOf(
  context: TurnContext,
  deps: BotDeps,
): Promise<string | undefined> {
  const value = (context.activity.value ?? {}) as InvokeValue;
  const token = value.authentication?.token;
  if (typeof token === 'string' && token.trim() !== '') return token.trim();
  const magicCode = typeof value.state === 'string' ? value.state.trim() : '';
  const connectionName = deps.sso?.connectionName;
  if (magicCode === '' || !connectionName) return undefined;
  // The OAuth-card fallback: the Bot Framework token service holds the token for this connection.
  try {
    const client = userTokenClient(context);
    const fromService = await client?.getUserToken(
      context.activity.from?.id ?? '',
      connectionName,
      context.activity.channelId ?? 'msteams',
      magicCode,
    );
    return fromService?.token || undefined;
  } catch (error) {
    deps.logger.warn(
      { err: { message: errorMessage(error) } },
      'the Bot Framework token service did not return the approver’s token',
    );
    return undefined;
  }
}

/** Answers the Action.Execute with a sign-in request (HTTP 200, body statusCode 401). */
export async function answerLoginRequest(
  context: TurnContext,
  deps: BotDeps,
  text: string,
): Promise<void> {
  const sso = deps.sso;
  const connectionName = sso?.connectionName;
  const signInLink = connectionName ? await signInUrl(context, deps, connectionName) : undefined;
  const body = {
    statusCode: 401,
    type: LOGIN_REQUEST_TYPE,
    value: {
      text,
      ...(connectionName ? { connectionName } : {}),
      tokenExchangeResource: { id: randomUUID(), uri: sso?.resource ?? '' },
      ...(signInLink
        ? { buttons: [{ type: 'signin', title: 'Sign in', text: 'Sign in', value: signInLink }] }
        : {}),
    },
  };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

async function signInUrl(
  context: TurnContext,
  deps: BotDeps,
  connectionName: string,
): Promise<string | undefined> {
  try {
    const resource = await userTokenClient(context)?.getSignInResource(
      connectionName,
      context.activity,
      '',
    );
    return resource?.signInLink || undefined;
  } catch (error) {
    deps.logger.warn(
      { err: { message: errorMessage(error) } },
      'no sign-in link from the Bot Framework token service; Teams can only sign in silently',
    );
    return undefined;
  }
}

function userTokenClient(context: TurnContext): UserTokenClient | undefined {
  const adapter = context.adapter as { UserTokenClientKey?: symbol };
  return adapter.UserTokenClientKey
    ? context.turnState.get<UserTokenClient>(adapter.UserTokenClientKey)
    : undefined;
}
