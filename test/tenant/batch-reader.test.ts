import { ErrorCode } from '../../src/domain';
import { readInBatches, type GraphRead } from '../../src/tenant/batch-reader';
import { createGraphClient } from '../../src/tenant/graph-client';
import type { TransportPolicy } from '../../src/tenant/transport-policy';
import {
  ScriptedGraph,
  batchOf,
  graphError,
  type ScriptedAnswer,
  type ScriptedRequest,
} from '../support/scripted-graph';

const waits: number[] = [];
const policy: TransportPolicy = {
  timeoutMs: 2000,
  maxRetries: 2,
  retryAfterCapSeconds: 30,
  sleep: (ms) => {
    waits.push(ms);
    return Promise.resolve();
  },
};

let graph: ScriptedGraph | undefined;

async function read(reads: GraphRead[], answer: (r: ScriptedRequest, i: number) => ScriptedAnswer) {
  graph = await new ScriptedGraph(answer).start();
  const client = createGraphClient(() => Promise.resolve('token-abc'), graph.url, policy);
  return readInBatches(client, reads, { policy });
}

const single = (id: string, url = `/users/${id}/mailFolders/inbox`): GraphRead => ({
  id,
  url,
  collection: false,
});

afterEach(async () => {
  waits.length = 0;
  await graph?.stop();
  graph = undefined;
});

describe('readInBatches', () => {
  it('when 45 reads are asked, then they go out as $batch requests of at most 20 with the bearer token', async () => {
    const reads = Array.from({ length: 45 }, (_, i) => single(`u${i}`));
    const results = await read(reads, (request) =>
      batchOf(request, (step) => ({ status: 200, body: { url: step.url } })),
    );

    const batches = graph!.received;
    expect(batches.map((b) => (b.body as { requests: unknown[] }).requests.length).sort()).toEqual(
      [20, 20, 5].sort(),
    );
    expect(batches.every((b) => b.path === '/v1.0/$batch' && b.method === 'POST')).toBe(true);
    expect(batches.every((b) => b.headers.authorization === 'Bearer token-abc')).toBe(true);
    expect(results.size).toBe(45);
    expect(results.get('u44')).toEqual({
      ok: true,
      value: { url: '/users/u44/mailFolders/inbox' },
    });
  });

  it('when an item inside the batch is throttled with its own Retry-After, then only it is retried after that wait', async () => {
    let throttled = false;
    const results = await read([single('a'), single('b')], (request) =>
      batchOf(request, (step) => {
        if (step.url.includes('/b/') && !throttled) {
          throttled = true;
          return {
            status: 429,
            headers: { 'Retry-After': '7' },
            body: graphError('TooManyRequests', 'Too many requests'),
          };
        }
        return { status: 200, body: { ok: step.url } };
      }),
    );
    expect(results.get('b')).toEqual({ ok: true, value: { ok: '/users/b/mailFolders/inbox' } });
    expect(waits).toEqual([7000]);
    const second = graph!.received[1]!.body as { requests: { url: string }[] };
    expect(second.requests.map((r) => r.url)).toEqual(['/users/b/mailFolders/inbox']);
  });

  it('when Retry-After is longer than the cap, then the wait is cut to the cap', async () => {
    policy.retryAfterCapSeconds = 3;
    try {
      let first = true;
      await read([single('a')], (request) =>
        batchOf(request, () => {
          if (first) {
            first = false;
            return {
              status: 429,
              headers: { 'retry-after': '3600' },
              body: graphError('TooManyRequests', 'slow down'),
            };
          }
          return { status: 200, body: {} };
        }),
      );
      expect(waits).toEqual([3000]);
    } finally {
      policy.retryAfterCapSeconds = 30;
    }
  });

  it('when an item keeps answering 503, then after the bounded retries it is ServiceUnavailable', async () => {
    const results = await read([single('a')], (request) =>
      batchOf(request, () => ({
        status: 503,
        body: graphError('ServiceUnavailable', 'down', 'req-503'),
      })),
    );
    const outcome = results.get('a');
    expect(outcome?.ok).toBe(false);
    if (outcome && !outcome.ok) {
      expect(outcome.error.code).toBe(ErrorCode.ServiceUnavailable);
      expect(outcome.error.message).toContain('Graph was unavailable — try again');
    }
    expect(graph!.received).toHaveLength(policy.maxRetries + 1);
  });

  it('when an item fails with a Graph error, then its status, code, message and request id are kept', async () => {
    const results = await read([single('a')], (request) =>
      batchOf(request, () => ({
        status: 403,
        body: graphError(
          'ErrorAccessDenied',
          'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
          'req-raop',
        ),
      })),
    );
    expect(results.get('a')).toEqual({
      ok: false,
      error: {
        code: ErrorCode.GraphRequestFailed,
        status: 403,
        serviceCode: 'ErrorAccessDenied',
        message:
          'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
        requestId: 'req-raop',
      },
    });
  });

  it('when a collection pages through absolute nextLinks, then every page is read and merged', async () => {
    const results = await read(
      [{ id: 'apps', url: '/applications', collection: true }],
      (request) =>
        batchOf(request, (step) => {
          const page = Number(/skiptoken=(\d)/.exec(step.url)?.[1] ?? '0');
          return {
            status: 200,
            body: {
              value: [{ page }],
              ...(page < 2
                ? { '@odata.nextLink': `${graph!.url}/v1.0/applications?$skiptoken=${page + 1}` }
                : {}),
            },
          };
        }),
    );
    expect(results.get('apps')).toEqual({
      ok: true,
      value: [{ page: 0 }, { page: 1 }, { page: 2 }],
    });
    const urls = graph!.received.map(
      (r) => (r.body as { requests: { url: string }[] }).requests[0]!.url,
    );
    expect(urls).toEqual([
      '/applications',
      '/applications?$skiptoken=1',
      '/applications?$skiptoken=2',
    ]);
  });

  it('when the batch itself is throttled, then the whole batch is retried after Retry-After', async () => {
    const results = await read([single('a'), single('b')], (request, index) =>
      index === 0
        ? {
            status: 429,
            headers: { 'Retry-After': '2' },
            body: graphError('TooManyRequests', 'busy'),
          }
        : batchOf(request, () => ({ status: 200, body: { fine: true } })),
    );
    expect(waits).toEqual([2000]);
    expect(results.get('a')).toEqual({ ok: true, value: { fine: true } });
    expect(results.get('b')).toEqual({ ok: true, value: { fine: true } });
  });

  it('when the answer is garbled JSON or the connection resets, then the batch is retried', async () => {
    const results = await read([single('a')], (request, index) => {
      if (index === 0) return { status: 200, body: '{"responses": [{"id": "1", "sta' };
      if (index === 1) return { status: 200, reset: true };
      return batchOf(request, () => ({ status: 200, body: { third: true } }));
    });
    expect(results.get('a')).toEqual({ ok: true, value: { third: true } });
    expect(graph!.received).toHaveLength(3);
  });

  it('when Graph never answers properly, then every read ends ServiceUnavailable and nothing throws', async () => {
    const results = await read([single('a'), single('b')], () => ({ status: 200, reset: true }));
    expect(
      [...results.values()].every((o) => !o.ok && o.error.code === ErrorCode.ServiceUnavailable),
    ).toBe(true);
  });
});
