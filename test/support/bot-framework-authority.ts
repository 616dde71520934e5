import { createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A fixed bot identity for tests that run with inbound authentication on. */
export const TEST_BOT_ID = '5f0c1b7e-3a2d-4c1f-9e8b-7a6d5c4b3a21';
export const TEST_BOT_PASSWORD = 'Bot~Pa55word.Known_Test_Value_0001';
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export type MetadataMode = 'serve' | 'hang' | 'fail';

/**
 * A local stand-in for Bot Framework's token service, on 127.0.0.1: the OpenID metadata and JWKS
 * that sign channel tokens (what Teams sends the bot) and the login endpoint the bot gets its own
 * token from for replies. Tokens are signed here with node:crypto, good ones and deliberately bad ones.
 */
export class BotFrameworkAuthority {
  readonly kid = `test-key-${randomUUID().slice(0, 8)}`;
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: http.Server;
  url = '';
  mode: MetadataMode = 'serve';
  /** Every request received, in order (path and, for the login, the client id and secret sent). */
  readonly requests: { path: string; clientId?: string; clientSecret?: string }[] = [];
  /** Access tokens issued to the bot for its replies. */
  readonly issuedTokens: string[] = [];

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => this.answer(req, res, body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  /** The bot's settings that point it at this authority. */
  env(): Record<string, string> {
    return {
      BOT_ID: TEST_BOT_ID,
      BOT_PASSWORD: TEST_BOT_PASSWORD,
      BOT_OPENID_METADATA_URL: this.metadataUrl,
      BOT_EMULATOR_OPENID_METADATA_URL: this.metadataUrl,
      BOT_TOKEN_ISSUER: CHANNEL_ISSUER,
      BOT_AUTHORITY_HOST: this.url,
      BOT_AUTH_TIMEOUT_MS: '1000',
    };
  }

  /** A valid channel token for an activity, with `claims` and `header` overriding the defaults. */
  token(
    activity: { serviceUrl?: unknown },
    claims: Record<string, unknown> = {},
    header: Record<string, unknown> = {},
  ): string {
    const now = Math.floor(Date.now() / 1000);
    return this.signRs256(
      { alg: 'RS256', typ: 'JWT', kid: this.kid, ...header },
      {
        iss: CHANNEL_ISSUER,
        aud: TEST_BOT_ID,
        serviceurl: activity.serviceUrl,
        nbf: now - 60,
        iat: now - 60,
        exp: now + 3600,
        ...claims,
      },
      this.keys.privateKey,
    );
  }

  /** Same claims, signed with a key the JWKS does not hold (but under its kid). */
  tokenWithForeignKey(activity: { serviceUrl?: unknown }): string {
    const good = this.token(activity).split('.');
    const forged = this.signRs256(decode(good[0]!), decode(good[1]!), this.otherKeys.privateKey);
    return forged;
  }

  /** `alg: none`, no signature. */
  unsignedToken(activity: { serviceUrl?: unknown }): string {
    const [, payload] = this.token(activity).split('.');
    return `${encode({ alg: 'none', typ: 'JWT', kid: this.kid })}.${payload}.`;
  }

  /** HS256 keyed with the public key's PEM: the classic algorithm-confusion forgery. */
  hs256WithPublicKey(activity: { serviceUrl?: unknown }): string {
    const [, payload] = this.token(activity).split('.');
    const head = encode({ alg: 'HS256', typ: 'JWT', kid: this.kid });
    const pem = this.keys.publicKey.export({ type: 'spki', format: 'pem' });
    const signature = createHmac('sha256', pem).update(`${head}.${payload}`).digest('base64url');
    return `${head}.${payload}.${signature}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  private signRs256(
    header: Record<string, unknown>,
    payload: Record<string, unknown>,
    key: KeyObject,
  ): string {
    const input = `${encode(header)}.${encode(payload)}`;
    const signature = sign('sha256', Buffer.from(input), key);
    return `${input}.${signature.toString('base64url')}`;
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.endsWith('/oauth2/v2.0/token')) {
      const form = new URLSearchParams(body);
      this.requests.push({
        path,
        clientId: form.get('client_id') ?? undefined,
        clientSecret: form.get('client_secret') ?? undefined,
      });
      const accessToken = this.signRs256(
        { alg: 'RS256', typ: 'JWT', kid: 'login' },
        {
          aud: 'https://api.botframework.com',
          appid: form.get('client_id'),
          exp: Math.floor(Date.now() / 1000) + 3600,
        },
        this.otherKeys.privateKey,
      );
      this.issuedTokens.push(accessToken);
      json(res, 200, {
        token_type: 'Bearer',
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: accessToken,
      });
      return;
    }
    this.requests.push({ path });
    if (this.mode === 'hang') return; // never answers
    if (this.mode === 'fail') {
      json(res, 500, { error: 'down' });
      return;
    }
    if (path === '/v1/.well-known/openidconfiguration') {
      json(res, 200, {
        issuer: CHANNEL_ISSUER,
        jwks_uri: `${this.url}/v1/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    } else if (path === '/v1/keys') {
      const jwk = this.keys.publicKey.export({ format: 'jwk' });
      json(res, 200, {
        keys: [
          { kty: 'RSA', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] },
        ],
      });
    } else {
      json(res, 404, { error: 'not found' });
    }
  }
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function encode(part: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(part)).toString('base64url');
}

function decode(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>;
}
