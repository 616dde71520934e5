import { randomUUID } from 'node:crypto';
import type { FaultInjector } from './fault-injector';
import { GraphHttpError, graphErrors, type RequestIds } from './graph-errors';
import { dispatchGraph, errorResponse } from './graph-router';
import { parseGraphPath, type Caller, type GraphResponse } from './graph-request';
import { mulberry32 } from './prng';
import type { Runtime } from './runtime';
import type { RecordedBatchItem } from './simulator-options';

export const GRAPH_JSON =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const MAX_BATCH_REQUESTS = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

const invalidPayload = () => graphErrors.badRequest('Invalid batch payload format.');

function readItems(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw invalidPayload();
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw graphErrors.badRequest(
      `Number of requests in a batch exceeded the limit of ${MAX_BATCH_REQUESTS}.`,
    );
  }
  const items = requests.map((raw: unknown): BatchItem => {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const { id, method, url } = r;
    if (
      typeof id !== 'string' ||
      id === '' ||
      typeof method !== 'string' ||
      typeof url !== 'string'
    )
      throw invalidPayload();
    // Item URLs are relative to the version root; an absolute URL is refused outright, as at Graph.
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) throw invalidPayload();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((r.headers ?? {}) as Record<string, unknown>)) {
      if (typeof v === 'string') headers[k.toLowerCase()] = v;
    }
    if (r.body !== undefined && headers['content-type'] === undefined) throw invalidPayload();
    const dependsOn = Array.isArray(r.dependsOn)
      ? r.dependsOn.filter((d): d is string => typeof d === 'string')
      : [];
    return { id, method: method.toUpperCase(), url, headers, body: r.body, dependsOn };
  });
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id))
      throw graphErrors.badRequest(
        `Batch request id '${item.id}' is duplicated; each request needs a unique id.`,
      );
    ids.add(item.id);
  }
  for (const item of items) {
    const missing = item.dependsOn.find((d) => !ids.has(d) || d === item.id);
    if (missing !== undefined)
      throw graphErrors.badRequest(
        `Batch request '${item.id}' depends on '${missing}', which is not an earlier request of the batch.`,
      );
  }
  return items;
}

function itemFault(kind: 'throttle' | 'unavailable', retryAfter: number): GraphHttpError {
  const headers = { 'Retry-After': String(retryAfter) };
  return kind === 'throttle'
    ? new GraphHttpError(429, 'TooManyRequests', 'Too many requests.', headers)
    : new GraphHttpError(
        503,
        'serviceNotAvailable',
        'The service is temporarily unavailable. Please retry after the time in the Retry-After header.',
        headers,
      );
}

function runItem(item: BatchItem, caller: Caller, rt: Runtime, ids: RequestIds): GraphResponse {
  const [pathPart = '', query = ''] = item.url.split(/\?(.*)/s);
  const rawPath = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  try {
    const segments = parseGraphPath(rawPath);
    const req = {
      method: item.method,
      rawPath,
      segments,
      query: new URLSearchParams(query),
      rawQuery: query,
      headers: item.headers,
      body: item.body,
      caller,
    };
    return dispatchGraph(req, rt, ids);
  } catch (err) {
    if (err instanceof GraphHttpError) return errorResponse(err, ids);
    throw err;
  }
}

/**
 * POST /v1.0/$batch: JSON batching. Items run in order (dependsOn is honoured: a failed dependency
 * gives 424), each with its own status, headers and body; the batch itself is 200. Responses come
 * back in a shuffled (but reproducible) order, because Graph promises no order.
 */
export function handleBatch(
  body: unknown,
  caller: Caller,
  rt: Runtime,
  faults: FaultInjector,
  batchIds: RequestIds,
): { response: GraphResponse; items: RecordedBatchItem[] } {
  const items = readItems(body);
  const statuses = new Map<string, number>();
  const responses: Record<string, unknown>[] = [];
  const recorded: RecordedBatchItem[] = [];
  for (const item of items) {
    const ids: RequestIds = {
      requestId: randomUUID(),
      clientRequestId: item.headers['client-request-id'] ?? batchIds.clientRequestId,
      date: rt.now(),
    };
    const failedDependency = item.dependsOn.some((d) => (statuses.get(d) ?? 0) >= 400);
    const fault = failedDependency ? undefined : faults.decideItem();
    const result = failedDependency
      ? errorResponse(
          new GraphHttpError(
            424,
            'FailedDependency',
            'Failed dependency: a request this one depends on did not succeed.',
          ),
          ids,
        )
      : fault
        ? errorResponse(itemFault(fault, faults.retryAfterSeconds), ids)
        : runItem(item, caller, rt, ids);
    statuses.set(item.id, result.status);
    recorded.push({
      id: item.id,
      method: item.method,
      url: item.url,
      status: result.status,
      ...(fault ? { fault } : {}),
    });
    const headers: Record<string, string> = { ...(result.headers ?? {}) };
    if (result.body !== undefined) headers['Content-Type'] = GRAPH_JSON;
    responses.push({
      id: item.id,
      status: result.status,
      headers,
      ...(result.body !== undefined ? { body: result.body } : {}),
    });
  }
  const random = mulberry32(items.length * 7919 + items.reduce((n, i) => n + i.id.length, 0));
  for (let i = responses.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [responses[i], responses[j]] = [
      responses[j] as Record<string, unknown>,
      responses[i] as Record<string, unknown>,
    ];
  }
  return { response: { status: 200, body: { responses } }, items: recorded };
}
