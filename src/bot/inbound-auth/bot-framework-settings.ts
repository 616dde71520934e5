import type { BotIdentity } from '../../config';

/** Audience of the bot's outbound token and the public Azure caller id (botframework-connector constants). */
const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';
const PUBLIC_AZURE_CALLER_ID = 'urn:botframework:azure';

/**
 * The adapter's settings, always as the full set: setting any `To…`, `OAuthUrl` or `CallerId` key
 * drops every public-cloud default (docs/SECURITY.md §1), so the metadata overrides cannot come alone.
 */
export function botFrameworkSettings(identity: BotIdentity): Record<string, string | boolean> {
  const loginTenant =
    identity.type === 'SingleTenant' && identity.tenantId ? identity.tenantId : 'botframework.com';
  return {
    MicrosoftAppId: identity.id,
    MicrosoftAppPassword: identity.password,
    MicrosoftAppType: identity.type,
    MicrosoftAppTenantId: identity.tenantId,
    ToBotFromChannelOpenIdMetadataUrl: identity.auth.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: identity.auth.tokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: identity.auth.emulatorOpenIdMetadataUrl,
    // Kept on Microsoft's host: the credentials factory sends the request to BOT_AUTHORITY_HOST.
    ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${loginTenant}`,
    ToChannelFromBotOAuthScope: BOT_FRAMEWORK_SCOPE,
    OAuthUrl: identity.auth.tokenServiceUrl,
    CallerId: PUBLIC_AZURE_CALLER_ID,
    ValidateAuthority: true,
  };
}
