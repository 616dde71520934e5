import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the Bot Framework token service (OAuthUrl) behind an Azure Bot's OAuth connection:
 * `GET /api/botsignin/GetSignInResource` gives the sign-in link Teams shows when silent SSO fails,
 * `GET /api/usertoken/GetToken` redeems the magic code Teams sends back after that sign-in.
 */
export class FakeTokenService {
  /** Magic code → the token the connection holds for the user after signing in. */
  readonly codes = new Map<string, string>();
  readonly requests: string[] = [];
  private server?: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      this.requests.push(`${req.method} ${url.pathname}`);
      req.resume();
      const json = (status: number, body?: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body === undefined ? '' : JSON.stringify(body));
      };
      if (url.pathname === '/api/botsignin/GetSignInResource') {
        json(200, {
          signInLink: `${this.url}signin?state=${encodeURIComponent(url.searchParams.get('state') ?? '')}`,
          tokenExchangeResource: { id: 'ter-1', uri: 'api://botid-unused' },
        });
        return;
      }
      if (url.pathname === '/api/usertoken/GetToken') {
        const token = this.codes.get(url.searchParams.get('code') ?? '');
        if (!token) {
          json(404);
          return;
        }
        json(200, {
          channelId: url.searchParams.get('channelId'),
          connectionName: url.searchParams.get('connectionName'),
          token,
          expiration: new Date(Date.now() + 3_600_000).toISOString(),
        });
        return;
      }
      json(404);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
