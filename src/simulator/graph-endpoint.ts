import { authenticate } from './graph-auth';
import { handleBatch } from './graph-batch';
import { GraphHttpError, graphErrors, type RequestIds } from './graph-errors';
import { parseGraphPath, type Caller, type GraphResponse } from './graph-request';
import { dispatchGraph, errorResponse } from './graph-router';
import type { FaultInjector } from './fault-injector';
import type { Runtime } from './runtime';
import type { RecordedBatchItem } from './simulator-options';

export interface GraphCall {
  method: string;
  /** Path after /v1.0, still percent-encoded. */
  rawPath: string;
  rawQuery: string;
  headers: Record<string, string>;
  body: string;
  /** Arrived under /beta. */
  beta?: boolean;
}

export interface GraphOutcome {
  response: GraphResponse;
  caller?: Caller;
  batch?: RecordedBatchItem[];
}

function parseJsonBody(call: GraphCall): unknown {
  if (call.body.trim() === '') return undefined;
  try {
    return JSON.parse(call.body) as unknown;
  } catch {
    throw graphErrors.badRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
}

/** One HTTP request to /v1.0: token check, then $batch or a single resource. */
export function handleGraphCall(
  call: GraphCall,
  rt: Runtime,
  faults: FaultInjector,
  ids: RequestIds,
): GraphOutcome {
  let caller: Caller | undefined;
  try {
    caller = authenticate(rt, call.headers.authorization);
    const body = parseJsonBody(call);
    if (call.rawPath === '/$batch' || call.rawPath === '/%24batch') {
      if (call.method !== 'POST') throw graphErrors.methodNotAllowed();
      const { response, items } = handleBatch(body, caller, rt, faults, ids);
      return { response, caller, batch: items };
    }
    const request = {
      method: call.method,
      rawPath: call.rawPath,
      segments: parseGraphPath(call.rawPath),
      query: new URLSearchParams(call.rawQuery),
      rawQuery: call.rawQuery,
      headers: call.headers,
      body,
      caller,
      ...(call.beta ? { beta: true } : {}),
    };
    return { response: dispatchGraph(request, rt, ids), caller };
  } catch (err) {
    if (err instanceof GraphHttpError)
      return { response: errorResponse(err, ids), ...(caller ? { caller } : {}) };
    throw err;
  }
}
