import {
  ConfidentialClientApplication,
  LogLevel,
  ServerError,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import {
  AuthenticationHandler,
  BatchRequestContent,
  BatchResponseContent,
  Client,
  GraphError,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { jwtClaims } from './sim-client';

/*
 * The real Microsoft SDKs the product uses, pointed at the simulator the way the product does:
 * MSAL keeps its https authority and sends through a network client that rewrites the host; the Graph
 * client keeps graph.microsoft.com and a last middleware rewrites the host.
 */
let sim: RunningSimulator;

type Page = { value: { displayName: string }[]; '@odata.nextLink'?: string };

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'demo' });
});
afterAll(() => sim.close());
beforeEach(() => sim.load('demo'));

function rewritingNetworkClient(target: string): INetworkModule {
  const send = async <T>(
    method: string,
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const rewritten = url.replace('https://login.microsoftonline.com', target);
    const res = await fetch(rewritten, { method, headers: options?.headers, body: options?.body });
    return {
      status: res.status,
      headers: Object.fromEntries(res.headers),
      body: (await res.json()) as T,
    };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

function msal(clientId: string, clientSecret: string) {
  return new ConfidentialClientApplication({
    auth: {
      clientId,
      clientSecret,
      authority: `https://login.microsoftonline.com/${sim.scenario.tenantId}`,
    },
    system: {
      networkClient: rewritingNetworkClient(sim.url),
      loggerOptions: { logLevel: LogLevel.Error, loggerCallback: () => undefined },
    },
  });
}

class RewriteHost implements Middleware {
  constructor(private readonly target: string) {}
  async execute(context: Context): Promise<void> {
    const request = context.request as string | Request;
    const url = (typeof request === 'string' ? request : request.url).replace(
      'https://graph.microsoft.com',
      this.target,
    );
    const init: RequestInit = { ...context.options };
    if (typeof request !== 'string') {
      init.method = request.method;
      init.headers = request.headers;
    }
    context.response = await fetch(url, init);
  }
}

function graphClient(app: ConfidentialClientApplication): Client {
  const auth = new AuthenticationHandler({
    getAccessToken: async () => {
      const result = await app.acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default'],
      });
      return result?.accessToken ?? '';
    },
  });
  auth.setNext(new RewriteHost(sim.url));
  return Client.initWithMiddleware({ middleware: auth });
}

describe('with the Microsoft SDKs', () => {
  test('when MSAL node acquires a token by client credentials, then it gets the simulator’s JWT in one request', async () => {
    sim.clearRequests();
    const env = sim.productEnv();
    const result = await msal(
      env.GRAPH_CLIENT_ID ?? '',
      env.GRAPH_CLIENT_SECRET ?? '',
    ).acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    expect(jwtClaims(result?.accessToken ?? '').appid).toBe(env.GRAPH_CLIENT_ID);
    // MSAL adds ?client-request-id=… to the token URL.
    expect(sim.requests().map((r) => [r.method, r.path.split('?')[0]])).toEqual([
      ['POST', `/${sim.scenario.tenantId}/oauth2/v2.0/token`],
    ]);
    expect(sim.requests()[0]?.clientId).toBe(env.GRAPH_CLIENT_ID);
  });

  test('when MSAL node is given a wrong secret, then ServerError carries invalid_client and AADSTS 7000215', async () => {
    const app = msal(sim.scenario.pcemailAppIds[0] ?? '', 'abc8Q~wrong');
    const error: unknown = await app
      .acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).errorCode).toBe('invalid_client');
    expect(Number((error as ServerError).errorNo)).toBe(7000215);
    expect(JSON.stringify(sim.requests())).not.toContain('abc8Q~wrong');
  });

  test('when the Graph client follows nextLinks mapped back to graph.microsoft.com, then every item arrives', async () => {
    sim.load('paged');
    const env = sim.productEnv();
    const client = graphClient(msal(env.GRAPH_CLIENT_ID ?? '', env.GRAPH_CLIENT_SECRET ?? ''));
    const names: string[] = [];
    let page = (await client.api('/servicePrincipals').select('id,displayName').get()) as Page;
    for (;;) {
      names.push(...page.value.map((s) => s.displayName));
      const next = page['@odata.nextLink'];
      if (!next) break;
      expect(next.startsWith(`${sim.url}/v1.0/`)).toBe(true);
      // client.api() only recognises https:// URLs; an http:// nextLink would be taken for a path.
      page = (await client.api(next.replace(sim.url, 'https://graph.microsoft.com')).get()) as Page;
    }
    expect(names.sort()).toEqual([
      'Microsoft Graph',
      'Office 365 Exchange Online',
      'PCEmail',
      'PCEmail Ops',
    ]);
  });

  test('when the Graph client reads an out-of-scope mailbox, then GraphError has 403 ErrorAccessDenied', async () => {
    const env = sim.productEnv();
    const client = graphClient(
      msal(sim.scenario.pcemailAppIds[0] ?? '', env.PCEMAIL_CLIENT_SECRET ?? ''),
    );
    const error: unknown = await client
      .api(`/users/${encodeURIComponent('billing@contoso.example')}/mailFolders/inbox`)
      .get()
      .catch((e: unknown) => e);
    // GraphError is compiled to ES5, so instanceof does not hold; its fields are what callers map.
    expect(error).toMatchObject({
      statusCode: 403,
      code: 'ErrorAccessDenied',
      requestId: expect.any(String),
    });
    expect((error as GraphError).message).toContain('[RAOP]');
  });

  test('when the Graph client batches steps built from host-only URLs, then each step gets its own answer', async () => {
    const env = sim.productEnv();
    const client = graphClient(
      msal(sim.scenario.pcemailAppIds[0] ?? '', env.PCEMAIL_CLIENT_SECRET ?? ''),
    );
    const steps = ['support', 'billing'].map((local) => ({
      id: local,
      request: new Request(
        `https://graph.microsoft.com/users/${encodeURIComponent(`${local}@contoso.example`)}/mailFolders/inbox`,
      ),
    }));
    const content = await new BatchRequestContent(steps).getContent();
    const raw: unknown = await client.api('/$batch').post(content);
    const responses = new BatchResponseContent(raw as never);
    expect(responses.getResponseById('support')?.status).toBe(200);
    expect(responses.getResponseById('billing')?.status).toBe(403);
  });
});
