import {
  ConnectorFactory,
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Service URLs in use are few (a Teams region or two); the bound only stops a pathological growth. */
const MAX_CLIENTS = 64;

/**
 * The SDK builds a new ConnectorClient (an Azure HTTP pipeline) and a new UserTokenClient for every
 * turn: ~15 % of a `help` turn's CPU (bench/load). Both are stateless apart from their credentials,
 * which cache tokens themselves, so one per app id, audience and service URL is kept and reused.
 */
export class TurnClientCache {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokenClients = new Map<string, Promise<UserTokenClient>>();

  /** The same factory, whose `create` hands out cached clients. */
  connectorFactory(inner: ConnectorFactory, claims: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claims);
    const connectors = this.connectors;
    return new (class CachedConnectorFactory extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return remember(connectors, `${appId}|${audience ?? ''}|${serviceUrl}`, () =>
          inner.create(serviceUrl, audience),
        );
      }
    })();
  }

  /** Wraps `createUserTokenClient` of the adapter's authentication the same way. */
  cacheUserTokenClients(authentication: BotFrameworkAuthentication): void {
    const create = authentication.createUserTokenClient.bind(authentication);
    authentication.createUserTokenClient = (claims: ClaimsIdentity) =>
      remember(this.userTokenClients, appIdOf(claims), () => create(claims));
  }
}

function remember<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  const made = make();
  cache.set(key, made);
  made.catch(() => cache.delete(key));
  if (cache.size > MAX_CLIENTS) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return made;
}

/** The app the SDK makes clients for: the token's audience, else its appid (as the SDK does). */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
}
