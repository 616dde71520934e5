import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { failed, succeeded, type ErrorInfo, type Outcome } from '../domain';
import { headerValue } from '../domain/header-value';
import { mapPool } from '../domain/map-pool';
import { relativeToVersion } from './graph-client';
import { graphErrorInfo, unavailable } from './graph-error';
import { describeTransportError } from './transport-error';
import { isTransientStatus, retryDelayMs, type TransportPolicy } from './transport-policy';

/** One GET to make through JSON batching. `collection` reads follow @odata.nextLink and merge `value`. */
export interface GraphRead {
  id: string;
  url: string;
  collection: boolean;
}

/** Graph's documented JSON batching limit. */
const MAX_BATCH_REQUESTS = 20;

interface BatchItemResponse {
  id?: unknown;
  status?: unknown;
  headers?: Record<string, string>;
  body?: unknown;
}

interface PendingRead {
  read: GraphRead;
  url: string;
  attempt: number;
  items: unknown[];
}

type ItemAnswer =
  | { kind: 'answer'; status: number; headers?: Record<string, string>; body: unknown }
  | { kind: 'transient'; reason: string; retryAfter?: string | null; requestId?: string };

export interface BatchReaderOptions {
  policy: TransportPolicy;
  /** How many $batch requests may be in flight at once. */
  maxBatchesInFlight?: number;
}

/**
 * Reads many Graph resources with as few sequential round trips as Graph allows: every pending read
 * goes out in one wave of $batch requests (20 per batch), next pages and retries in the next wave.
 * Throttled items (429 inside a batch carries its own Retry-After, and the SDK does not retry them)
 * and transient failures are retried a bounded number of times; after that the read is
 * `ServiceUnavailable`, so a check says "try again" instead of giving a wrong verdict.
 */
export async function readInBatches(
  client: Client,
  reads: readonly GraphRead[],
  options: BatchReaderOptions,
): Promise<Map<string, Outcome<unknown>>> {
  const { policy } = options;
  const results = new Map<string, Outcome<unknown>>();
  let pending: PendingRead[] = reads.map((read) => ({
    read,
    url: read.url,
    attempt: 0,
    items: [],
  }));

  while (pending.length > 0) {
    const answers = await sendWave(client, pending, options.maxBatchesInFlight ?? 4);
    const next: PendingRead[] = [];
    let waitMs = 0;
    pending.forEach((entry, index) => {
      const answer = answers[index] ?? {
        kind: 'transient' as const,
        reason: 'no answer for this request',
      };
      const outcome = settle(entry, answer);
      if (outcome.kind === 'done') {
        results.set(entry.read.id, outcome.result);
      } else if (outcome.kind === 'next-page') {
        next.push({ ...entry, url: outcome.url, attempt: 0 });
      } else if (entry.attempt >= policy.maxRetries) {
        report(policy, entry, outcome, true);
        results.set(entry.read.id, failed(unavailable(outcome.reason, outcome.requestId)));
      } else {
        report(policy, entry, outcome, false);
        waitMs = Math.max(waitMs, retryDelayMs(outcome.retryAfter, entry.attempt, policy));
        next.push({ ...entry, attempt: entry.attempt + 1 });
      }
    });
    if (waitMs > 0 && next.some((entry) => entry.attempt > 0)) await policy.sleep(waitMs);
    pending = next;
  }
  return results;
}

function report(
  policy: TransportPolicy,
  entry: PendingRead,
  outcome: { reason: string; requestId?: string },
  final: boolean,
): void {
  const resource =
    entry.url
      .split('?')[0]
      ?.split('/')
      .find((part) => part !== '') ?? '';
  policy.onGraphFailure?.({
    resource,
    reason: outcome.reason,
    requestId: outcome.requestId,
    attempt: entry.attempt,
    final,
  });
}

type Settled =
  | { kind: 'done'; result: Outcome<unknown> }
  | { kind: 'next-page'; url: string }
  | { kind: 'retry'; reason: string; retryAfter?: string | null; requestId?: string };

function settle(entry: PendingRead, answer: ItemAnswer): Settled {
  if (answer.kind === 'transient') {
    return {
      kind: 'retry',
      reason: answer.reason,
      retryAfter: answer.retryAfter,
      requestId: answer.requestId,
    };
  }
  if (isTransientStatus(answer.status)) {
    const info = graphErrorInfo(answer.status, answer.body, answer.headers);
    return {
      kind: 'retry',
      reason: `HTTP ${answer.status}${info.serviceCode ? ` ${info.serviceCode}` : ''}`,
      retryAfter: headerValue(answer.headers, 'retry-after'),
      requestId: info.requestId,
    };
  }
  if (answer.status < 200 || answer.status >= 300) {
    return {
      kind: 'done',
      result: failed(graphErrorInfo(answer.status, answer.body, answer.headers)),
    };
  }
  if (!entry.read.collection) return { kind: 'done', result: succeeded(answer.body) };

  const page = answer.body as { value?: unknown; '@odata.nextLink'?: unknown } | null;
  if (!page || !Array.isArray(page.value)) {
    return { kind: 'retry', reason: 'Graph returned a collection without a value array' };
  }
  entry.items.push(...(page.value as unknown[]));
  const nextLink = page['@odata.nextLink'];
  if (typeof nextLink === 'string' && nextLink !== '') {
    return { kind: 'next-page', url: relativeToVersion(nextLink) };
  }
  return { kind: 'done', result: succeeded(entry.items) };
}

/** Sends every pending read, 20 to a batch, at most `inFlight` batches at once; answers in order. */
async function sendWave(
  client: Client,
  pending: PendingRead[],
  inFlight: number,
): Promise<ItemAnswer[]> {
  const chunks: PendingRead[][] = [];
  for (let i = 0; i < pending.length; i += MAX_BATCH_REQUESTS) {
    chunks.push(pending.slice(i, i + MAX_BATCH_REQUESTS));
  }
  const answers = await mapPool(chunks, inFlight, (chunk) => sendBatch(client, chunk));
  return answers.flat();
}

async function sendBatch(client: Client, chunk: PendingRead[]): Promise<ItemAnswer[]> {
  const requests = chunk.map((entry, index) => ({
    id: String(index + 1),
    method: 'GET',
    url: entry.url,
  }));
  let response: Response;
  try {
    response = (await client
      .api('/$batch')
      .responseType(ResponseType.RAW)
      .post({ requests })) as Response;
  } catch (error) {
    return chunk.map(() => ({ kind: 'transient', reason: describeTransportError(error) }));
  }

  const batchRequestId = response.headers.get('request-id') ?? undefined;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return chunk.map(() => ({
      kind: 'transient',
      reason: 'Graph returned a garbled answer',
      requestId: batchRequestId,
    }));
  }
  if (!response.ok) {
    const info: ErrorInfo = graphErrorInfo(response.status, body, {
      'request-id': batchRequestId ?? '',
    });
    if (isTransientStatus(response.status)) {
      const retryAfter = response.headers.get('retry-after');
      return chunk.map(() => ({
        kind: 'transient',
        reason: `HTTP ${response.status}`,
        retryAfter,
        requestId: info.requestId,
      }));
    }
    return chunk.map(() => ({
      kind: 'answer',
      status: response.status,
      body,
      headers: { 'request-id': batchRequestId ?? '' },
    }));
  }

  const items = (body as { responses?: unknown } | null)?.responses;
  const byId = new Map<string, BatchItemResponse>();
  if (Array.isArray(items)) {
    for (const item of items as BatchItemResponse[]) {
      if (item && (typeof item.id === 'string' || typeof item.id === 'number'))
        byId.set(String(item.id), item);
    }
  }
  return requests.map(({ id }): ItemAnswer => {
    const item = byId.get(id);
    if (!item || typeof item.status !== 'number') {
      return {
        kind: 'transient',
        reason: 'Graph left a batch item unanswered',
        requestId: batchRequestId,
      };
    }
    return { kind: 'answer', status: item.status, headers: item.headers, body: item.body };
  });
}
