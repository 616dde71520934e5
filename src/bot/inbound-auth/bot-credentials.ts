import { ConfidentialClientApplication } from '@azure/msal-node';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import {
  MsalServiceClientCredentialsFactory,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { BotIdentity } from '../../config';
import { EntraNetworkClient } from '../../tenant/entra-network-client';
import type { TransportPolicy } from '../../tenant/transport-policy';

/**
 * Credentials for the bot's replies. A password identity signs in through MSAL with our network
 * client, which bounds each call and sends it to BOT_AUTHORITY_HOST (MSAL refuses http:// authorities,
 * so a local stand-in is reached this way, as for the inspector). Managed identity and local mode
 * keep the SDK's own factory.
 */
export function createBotCredentials(
  identity: BotIdentity,
  policy: TransportPolicy,
): ServiceClientCredentialsFactory {
  if (identity.localMode || identity.type === 'UserAssignedMSI') {
    return new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: identity.id,
      MicrosoftAppPassword: identity.password,
      // Local mode has no app id, which the SDK refuses for SingleTenant: no identity at all then.
      MicrosoftAppType: identity.localMode ? 'MultiTenant' : identity.type,
      MicrosoftAppTenantId: identity.tenantId,
    });
  }
  const tenant =
    identity.type === 'SingleTenant' && identity.tenantId ? identity.tenantId : 'botframework.com';
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: identity.id,
      clientSecret: identity.password,
      authority: `https://login.microsoftonline.com/${tenant}`,
    },
    system: { networkClient: new EntraNetworkClient(identity.auth.authorityHost, policy) },
  });
  // The SDK types its own (older) msal-node; it only calls acquireTokenByClientCredential.
  return new MsalServiceClientCredentialsFactory(
    identity.id,
    msal as unknown as ConstructorParameters<typeof MsalServiceClientCredentialsFactory>[1],
  );
}
