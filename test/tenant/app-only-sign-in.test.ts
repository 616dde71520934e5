import { ErrorCode } from '../../src/domain';
import { AppOnlySignIn, rolesClaim } from '../../src/tenant/app-only-sign-in';
import { ScriptedGraph } from '../support/scripted-graph';

const TENANT = '0b7a5a2e-4c8e-4d5a-9f1e-2a3b4c5d6e7f';
const CLIENT = '5f0e9d1c-2b3a-4c5d-8e7f-6a5b4c3d2e1f';
const waits: number[] = [];
const policy = {
  timeoutMs: 2000,
  maxRetries: 2,
  retryAfterCapSeconds: 30,
  sleep: (ms: number) => {
    waits.push(ms);
    return Promise.resolve();
  },
};

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.signature`;
}

let entra: ScriptedGraph | undefined;
afterEach(async () => {
  waits.length = 0;
  await entra?.stop();
});

function signIn(url: string) {
  return new AppOnlySignIn({
    tenantId: TENANT,
    clientId: CLIENT,
    clientSecret: 'not-the-real-one',
    authorityHost: url,
    scope: 'https://graph.microsoft.com/.default',
    policy,
    identity: 'PCEmail',
  });
}

describe('AppOnlySignIn', () => {
  it('when Entra issues a token, then one POST reaches the configured host and the roles claim is read', async () => {
    const token = jwt({ roles: ['Mail.ReadWrite', 'Mail.Send'] });
    entra = await new ScriptedGraph(() => ({
      status: 200,
      body: { token_type: 'Bearer', expires_in: 3599, access_token: token },
    })).start();
    const result = await signIn(entra.url).signIn(true);
    expect(result.roles).toEqual(['Mail.ReadWrite', 'Mail.Send']);
    expect(entra.received).toHaveLength(1);
    expect(entra.received[0]!.method).toBe('POST');
    expect(entra.received[0]!.path).toMatch(new RegExp(`^/${TENANT}/oauth2/v2.0/token`));
    // The secret travels in the form body only, never in the URL.
    expect(entra.received[0]!.path).not.toContain('not-the-real-one');
    expect(entra.received[0]!.body).toMatchObject({
      grant_type: 'client_credentials',
      client_id: CLIENT,
      client_secret: 'not-the-real-one',
      scope: 'https://graph.microsoft.com/.default',
    });
  });

  it('when Entra answers AADSTS7000215, then a SignInFailed error keeps the number and drops trace ids', async () => {
    entra = await new ScriptedGraph(() => ({
      status: 401,
      body: {
        error: 'invalid_client',
        error_description:
          "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '5f0e9d1c-2b3a-4c5d-8e7f-6a5b4c3d2e1f'. Trace ID: 1d2c Correlation ID: 9f8e Timestamp: 2026-11-28 00:00:00Z",
        error_codes: [7000215],
        trace_id: '1d2c',
        correlation_id: '9f8e',
      },
    })).start();
    await expect(signIn(entra.url).signIn(true)).rejects.toMatchObject({
      info: { code: ErrorCode.SignInFailed, aadsts: 7000215, serviceCode: 'invalid_client' },
    });
    await signIn(entra.url)
      .signIn(true)
      .catch((error: { info: { message: string } }) => {
        expect(error.info.message).toMatch(
          /^PCEmail could not sign in: AADSTS7000215: Invalid client secret/,
        );
        expect(error.info.message).not.toMatch(/Trace ID|Correlation ID/);
        expect(error.info.message).not.toContain('not-the-real-one');
      });
  });

  it('when Entra is throttling, then it retries after Retry-After and then succeeds', async () => {
    const token = jwt({});
    entra = await new ScriptedGraph((_request, index) =>
      index === 0
        ? {
            status: 429,
            headers: { 'Retry-After': '4' },
            body: { error: 'temporarily_unavailable' },
          }
        : { status: 200, body: { token_type: 'Bearer', expires_in: 3599, access_token: token } },
    ).start();
    const result = await signIn(entra.url).signIn(true);
    expect(result.roles).toEqual([]);
    expect(waits).toEqual([4000]);
  });

  it('when Entra cannot be reached, then the error is ServiceUnavailable, not a verdict', async () => {
    entra = await new ScriptedGraph(() => ({ status: 200, reset: true })).start();
    await expect(signIn(entra.url).signIn(true)).rejects.toMatchObject({
      info: { code: ErrorCode.ServiceUnavailable },
    });
  });
});

describe('rolesClaim', () => {
  it('when the token is garbage, then no roles are claimed and nothing throws', () => {
    expect(rolesClaim('not.a-token')).toEqual([]);
    expect(rolesClaim('')).toEqual([]);
  });
});
