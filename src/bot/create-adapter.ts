import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotIdentity } from '../config';
import type { Logger } from '../logger';
import { realSleep, type TransportPolicy } from '../tenant/transport-policy';
import { createBotCredentials } from './inbound-auth/bot-credentials';
import { botFrameworkSettings } from './inbound-auth/bot-framework-settings';
import { TurnClientCache } from './inbound-auth/client-cache';
import { quietConnectorConsole } from './inbound-auth/quiet-connector-console';

/** Bounds on the bot's own token request for replies. */
const BOT_TOKEN_POLICY: TransportPolicy = {
  timeoutMs: 10_000,
  maxRetries: 2,
  retryAfterCapSeconds: 10,
  sleep: realSleep,
};

/**
 * The Teams adapter, split in two steps so the HTTP edge decides the answer: `authenticate` checks the
 * inbound token (the edge bounds it and maps its errors), `runTurn` runs the bot on an authenticated
 * activity. With an empty BOT_ID authentication is off (local runs only).
 */
export class BotAdapter extends TeamsAdapter {
  private readonly clients = new TurnClientCache();

  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    this.clients.cacheUserTokenClients(this.botFrameworkAuthentication);
  }

  authenticate(
    activity: Partial<Activity>,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authHeader);
  }

  runTurn(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const connectorFactory = auth.connectorFactory
      ? this.clients.connectorFactory(auth.connectorFactory, auth.claimsIdentity)
      : undefined;
    return this.processActivity({ ...auth, connectorFactory }, activity, logic);
  }
}

export function createAdapter(
  identity: BotIdentity,
  logger: Logger,
  policy: TransportPolicy = BOT_TOKEN_POLICY,
): BotAdapter {
  quietConnectorConsole();
  const adapter = new BotAdapter(
    botFrameworkSettings(identity),
    createBotCredentials(identity, policy),
  );
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: { name: error.name, message: error.message } }, 'unhandled turn error');
    await Promise.resolve(context);
  };
  return adapter;
}
