import { ErrorCode } from '../../src/domain';
import { parseAddedPassword, parseSignInPage } from '../../src/tenant/graph-parse';
import { PasswordWriter } from '../../src/tenant/password-writer';
import { SignInLogReader } from '../../src/tenant/sign-in-log-reader';
import type { TransportPolicy } from '../../src/tenant/transport-policy';
import { ScriptedGraph, type ScriptedAnswer } from '../support/scripted-graph';

const APP_ID = '5f1c2a8e-0c57-4d59-9a8c-3c0d0f2b7a11';
const KEY = 'a1b2c3d4-0000-4000-8000-000000000001';
const SECRET = 'Abc8Q~not-a-real-secret-value-0123456789';
const NOW = new Date('2026-06-01T00:00:00Z');

const policy: TransportPolicy = {
  timeoutMs: 2000,
  maxRetries: 0,
  retryAfterCapSeconds: 0,
  sleep: () => Promise.resolve(),
};
const tokens = { signIn: () => Promise.resolve(), accessToken: () => Promise.resolve('token-abc') };

let graph: ScriptedGraph | undefined;
afterEach(async () => {
  await graph?.stop();
  graph = undefined;
});

async function answering(...answers: ScriptedAnswer[]): Promise<string> {
  graph = await new ScriptedGraph(
    (_request, i) => answers[Math.min(i, answers.length - 1)]!,
  ).start();
  return graph.url;
}

const ok = (body: unknown): ScriptedAnswer => ({
  status: 200,
  headers: { 'request-id': 'req-42' },
  body,
});

describe('addPassword answers at the Graph boundary', () => {
  it('when the answer is well formed, then the new credential is read with its value', async () => {
    const url = await answering(
      ok({ keyId: KEY, hint: 'Abc', endDateTime: '2027-01-01T00:00:00Z', secretText: SECRET }),
    );
    const added = await new PasswordWriter(tokens, url, policy).add(APP_ID, {
      displayName: 'x',
      endDateTime: '2027-01-01T00:00:00Z',
    });
    expect(added).toEqual({
      ok: true,
      requestId: 'req-42',
      value: { keyId: KEY, hint: 'Abc', endDateTime: '2027-01-01T00:00:00Z', secretText: SECRET },
    });
  });

  it.each([
    ['no secretText', { keyId: KEY, hint: 'Abc' }, /secretText/],
    ['no keyId', { hint: 'Abc', secretText: SECRET }, /keyId/],
    ['a list instead of an object', [{ keyId: KEY, secretText: SECRET }], /not an object/],
    ['a secretText that is not text', { keyId: KEY, secretText: 42 }, /secretText/],
    ['a hint that is not text', { keyId: KEY, hint: { x: 1 }, secretText: SECRET }, /hint/],
    ['an empty body', '', /not an object/],
  ])(
    'when Graph answers 200 with %s, then the write fails coded GRAPH_RESPONSE_MALFORMED, never with the value',
    async (_case, body, problem) => {
      const url = await answering(ok(body));
      const added = await new PasswordWriter(tokens, url, policy).add(APP_ID, {
        displayName: 'x',
        endDateTime: '2027-01-01T00:00:00Z',
      });
      expect(added).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: ErrorCode.GraphResponseMalformed,
          status: 200,
          requestId: 'req-42',
          message: expect.stringMatching(problem) as unknown,
        }) as unknown,
      });
      expect(JSON.stringify(added)).not.toContain(SECRET);
    },
  );

  it('when the parse function is given a value of the wrong type, then it throws a ProductError naming only the field', () => {
    expect(() => parseAddedPassword({ keyId: KEY, secretText: 7 })).toThrow(
      expect.objectContaining({
        info: expect.objectContaining({ code: ErrorCode.GraphResponseMalformed }) as unknown,
      }) as Error,
    );
  });
});

describe('sign-in log pages at the Graph boundary', () => {
  const read = (url: string) =>
    new SignInLogReader(tokens, url, policy).lastUse(APP_ID, [KEY], NOW, 30);

  it('when a page is well formed, then each key’s newest sign-in is found across pages', async () => {
    const url = await answering(
      ok({
        value: [{ createdDateTime: '2026-05-30T00:00:00Z', servicePrincipalCredentialKeyId: null }],
        '@odata.nextLink': 'https://graph.microsoft.com/beta/auditLogs/signIns?$skiptoken=2',
      }),
      ok({
        value: [
          { createdDateTime: '2026-05-29T00:00:00Z', servicePrincipalCredentialKeyId: KEY },
          { createdDateTime: '2026-05-28T00:00:00Z', servicePrincipalCredentialKeyId: KEY },
        ],
      }),
    );
    expect(await read(url)).toEqual({
      ok: true,
      lastUsed: { [KEY]: '2026-05-29T00:00:00Z' },
      windowDays: 30,
    });
  });

  it.each([
    ['no value list', {}, /not a list/],
    ['value that is not a list', { value: 'rows' }, /not a list/],
    ['a row that is not an object', { value: [null] }, /not an object/],
    [
      'a row without createdDateTime',
      { value: [{ servicePrincipalCredentialKeyId: KEY }] },
      /createdDateTime/,
    ],
    [
      'a key id that is not text',
      { value: [{ createdDateTime: '2026-05-29T00:00:00Z', servicePrincipalCredentialKeyId: 5 }] },
      /servicePrincipalCredentialKeyId/,
    ],
    ['a nextLink that is not text', { value: [], '@odata.nextLink': 3 }, /nextLink/],
    ['garbage', '<html>', /not an object/],
  ])(
    'when Graph answers 200 with %s, then the usage is unknown, coded GRAPH_RESPONSE_MALFORMED',
    async (_case, body, problem) => {
      const url = await answering(ok(body));
      expect(await read(url)).toEqual({
        ok: false,
        reason: 'unavailable',
        code: ErrorCode.GraphResponseMalformed,
        message: expect.stringMatching(problem) as unknown,
        requestId: 'req-42',
      });
    },
  );

  it('when the parse function reads a page, then rows keep only the key id and the time', () => {
    expect(
      parseSignInPage({
        value: [{ createdDateTime: 't', servicePrincipalCredentialKeyId: KEY, ipAddress: 'x' }],
      }),
    ).toEqual({ rows: [{ keyId: KEY, createdDateTime: 't' }], nextLink: null });
  });
});
