import {
  AuthenticationHandler,
  Client,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { TransportPolicy } from './transport-policy';

/** Where the SDK thinks it is talking; requests are re-addressed to GRAPH_ENDPOINT at the last step. */
const SDK_GRAPH_ORIGIN = 'https://graph.microsoft.com';

/** Supplies the bearer token for one identity (the inspector, or PCEmail signed in for this run). */
export type AccessTokenSource = () => Promise<string>;

/**
 * A Graph client for one identity. The SDK adds the Authorization header only for Microsoft's hosts
 * (never for an http:// base URL), so it keeps its default base URL and this chain's last link sends
 * the request to GRAPH_ENDPOINT instead — national clouds and local stand-ins alike (test/simulator/sdk-compatibility.test.ts).
 * Retries are not the SDK's: the batch reader owns them, bounded and with a capped Retry-After.
 */
export function createGraphClient(
  tokenSource: AccessTokenSource,
  graphEndpoint: string,
  policy: Pick<TransportPolicy, 'timeoutMs'>,
): Client {
  const auth = new AuthenticationHandler({ getAccessToken: tokenSource });
  auth.setNext(new EndpointFetchHandler(graphEndpoint, policy.timeoutMs));
  return Client.initWithMiddleware({ middleware: auth, defaultVersion: 'v1.0' });
}

class EndpointFetchHandler implements Middleware {
  constructor(
    private readonly graphEndpoint: string,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    // RequestInfo is a DOM type; in Node the SDK passes a string or a Request with a url.
    const request: unknown = context.request;
    const url = typeof request === 'string' ? request : (request as { url: string }).url;
    context.response = await fetch(readdress(url, this.graphEndpoint), {
      ...context.options,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }
}

function readdress(url: string, graphEndpoint: string): string {
  if (!url.startsWith(SDK_GRAPH_ORIGIN)) return url;
  return graphEndpoint.replace(/\/+$/, '') + url.slice(SDK_GRAPH_ORIGIN.length);
}

/**
 * Turns an absolute `@odata.nextLink` (from Microsoft or a stand-in) into the version-relative path
 * a $batch step takes, e.g. `/applications?$skiptoken=…`.
 */
export function relativeToVersion(link: string): string {
  const marker = link.indexOf('/v1.0/');
  if (marker >= 0) return link.slice(marker + '/v1.0'.length);
  const parsed = new URL(link, SDK_GRAPH_ORIGIN);
  return `${parsed.pathname}${parsed.search}`;
}
