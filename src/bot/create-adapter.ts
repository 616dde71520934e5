import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { BotIdentity } from '../config';
import type { Logger } from '../logger';

/** The Bot Framework adapter; with an empty BOT_ID inbound auth is off (local runs only). */
export function createAdapter(identity: BotIdentity, logger: Logger): TeamsAdapter {
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: identity.id,
    MicrosoftAppPassword: identity.password,
    MicrosoftAppType: identity.type,
    MicrosoftAppTenantId: identity.tenantId,
  });
  const adapter = new TeamsAdapter(
    {
      MicrosoftAppId: identity.id,
      MicrosoftAppPassword: identity.password,
      MicrosoftAppType: identity.type,
      MicrosoftAppTenantId: identity.tenantId,
    },
    credentials,
  );
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: { name: error.name, message: error.message } }, 'unhandled turn error');
    await Promise.resolve(context);
  };
  return adapter;
}
