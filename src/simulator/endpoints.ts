import { handleAdminConsent } from './admin-consent';
import { handleDiscovery } from './entra-metadata';
import { handleTokenRequest } from './entra-token';
import type { FaultInjector } from './fault-injector';
import { GRAPH_JSON } from './graph-batch';
import { handleGraphCall } from './graph-endpoint';
import { graphErrorBody, type RequestIds } from './graph-errors';
import type { Runtime } from './runtime';
import type { RecordedBatchItem } from './simulator-options';

/** What an endpoint answers; the server writes it (and may garble it for a "malformed" fault). */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  json?: unknown;
  contentType?: string;
  html?: string;
  clientId?: string;
  batch?: RecordedBatchItem[];
}

export interface Call {
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: Record<string, string>;
  body: string;
}

const ENTRA_JSON = 'application/json; charset=utf-8';
export const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
export const CONSENT_PATH = /^\/([^/]+)\/v2\.0\/adminconsent$/;
const DISCOVERY_PATH =
  /^\/([^/]+)\/(discovery\/v2\.0\/keys|discovery\/keys|v2\.0\/\.well-known\/openid-configuration)$/;

function tenantOf(pattern: RegExp, path: string): string {
  const segment = pattern.exec(path)?.[1] ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function answerGraph(
  call: Call,
  rt: Runtime,
  faults: FaultInjector,
  ids: RequestIds,
): Reply {
  // '/v1.0' and '/beta' have the same length.
  const beta = call.rawPath.startsWith('/beta');
  const graphCall = { ...call, rawPath: call.rawPath.slice('/v1.0'.length), beta };
  const { response, caller, batch } = handleGraphCall(graphCall, rt, faults, ids);
  return {
    status: response.status,
    headers: { 'Cache-Control': 'no-cache', ...(response.headers ?? {}) },
    ...(response.body !== undefined ? { json: response.body, contentType: GRAPH_JSON } : {}),
    ...(caller?.appId ? { clientId: caller.appId } : {}),
    ...(batch ? { batch } : {}),
  };
}

export function answerToken(call: Call, rt: Runtime, ids: RequestIds): Reply {
  const reply = handleTokenRequest(
    rt,
    {
      tenant: tenantOf(TOKEN_PATH, call.rawPath),
      method: call.method,
      authorization: call.headers.authorization,
      body: call.body,
    },
    { traceId: ids.requestId, correlationId: ids.clientRequestId },
  );
  return {
    status: reply.status,
    headers: { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' },
    json: reply.body,
    contentType: ENTRA_JSON,
    ...(reply.clientId ? { clientId: reply.clientId } : {}),
  };
}

export function answerConsent(call: Call, rt: Runtime): Reply {
  const fields = Object.fromEntries(new URLSearchParams(call.rawQuery));
  if (call.method === 'POST')
    Object.assign(fields, Object.fromEntries(new URLSearchParams(call.body)));
  const tenant = tenantOf(CONSENT_PATH, call.rawPath);
  const reply = handleAdminConsent(rt, tenant, call.method, fields, call.rawPath);
  const clientId = reply.clientId ? { clientId: reply.clientId } : {};
  if (reply.location)
    return { status: reply.status, headers: { Location: reply.location }, ...clientId };
  return {
    status: reply.status,
    headers: {
      // The page shows values from the query string: no scripts, no framing of anything else.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'X-Content-Type-Options': 'nosniff',
    },
    html: reply.html ?? '',
    ...clientId,
  };
}

/** OpenID discovery documents, or Graph-style 404 for anything this simulator does not serve. */
export function answerOther(call: Call, rt: Runtime, ids: RequestIds): Reply {
  const discovery = DISCOVERY_PATH.exec(call.rawPath);
  const document =
    discovery && call.method === 'GET'
      ? handleDiscovery(rt, tenantOf(DISCOVERY_PATH, call.rawPath), discovery[2] ?? '')
      : undefined;
  if (document) return { status: document.status, json: document.body, contentType: ENTRA_JSON };
  const message = `No simulated Microsoft endpoint at '${call.rawPath}'.`;
  return {
    status: 404,
    json: graphErrorBody('ResourceNotFound', message, ids),
    contentType: GRAPH_JSON,
  };
}
