import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleControl } from './control-api';
import {
  answerConsent,
  answerGraph,
  answerOther,
  answerToken,
  CONSENT_PATH,
  TOKEN_PATH,
  type Call,
  type Reply,
} from './endpoints';
import { aadsts, entraErrorBody } from './entra-errors';
import type { FaultInjector } from './fault-injector';
import { GRAPH_JSON } from './graph-batch';
import { graphErrorBody, type RequestIds } from './graph-errors';
import { headerMap, pause, readBody, send } from './http-io';
import type { RequestLog } from './request-log';
import type { Runtime } from './runtime';
import type { FaultKind, RecordedRequest } from './simulator-options';

type Area = RecordedRequest['area'];
type Outcome = Pick<RecordedRequest, 'status' | 'fault' | 'clientId' | 'batch'>;

function areaOf(path: string): Area {
  if (path === '/v1.0' || path.startsWith('/v1.0/') || /^\/beta\/auditLogs\//i.test(path))
    return 'graph';
  if (TOKEN_PATH.test(path)) return 'entra';
  return CONSENT_PATH.test(path) ? 'consent' : 'other';
}

/** A write Graph would carry out (a $batch POST only reads here). */
function isGraphWrite(call: Call): boolean {
  return (
    call.method !== 'GET' && call.method !== 'HEAD' && !/^\/v1\.0\/\$batch\/?$/.test(call.rawPath)
  );
}

/** The HTTP face of the simulator: transport, latency, faults and logging around the endpoints. */
export class SimulatorServer {
  private readonly server: Server;
  private readonly closing = new AbortController();
  latencyMs: number;

  constructor(
    private readonly rt: Runtime,
    private readonly faults: FaultInjector,
    private readonly log: RequestLog,
    latencyMs: number,
  ) {
    this.latencyMs = latencyMs;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => res.destroy());
    });
  }

  async listen(port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      // Loopback only: this is a test double holding fake secrets, never a network service.
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.closing.abort();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const call: Call = {
      method: req.method ?? 'GET',
      rawPath: queryAt < 0 ? url : url.slice(0, queryAt),
      rawQuery: queryAt < 0 ? '' : url.slice(queryAt + 1),
      headers: headerMap(req),
      body: '',
    };
    const body = await readBody(req);
    call.body = body ?? '';
    if (call.rawPath === '/_sim' || call.rawPath.startsWith('/_sim/')) {
      const reply = handleControl(call.method, call.rawPath, call.body, {
        rt: this.rt,
        faults: this.faults,
        log: this.log,
        latency: () => this.latencyMs,
        setLatency: (ms) => {
          this.latencyMs = ms;
        },
      });
      const text = reply.body === undefined ? undefined : JSON.stringify(reply.body);
      send(
        res,
        reply.status,
        text ? { 'Content-Type': 'application/json; charset=utf-8' } : {},
        text,
      );
      return;
    }
    const area = areaOf(call.rawPath);
    const seq = this.log.nextSeq();
    const startMs = Date.now();
    let outcome: Outcome = { status: 0 };
    try {
      outcome = await this.answer(area, call, body === undefined, res);
    } finally {
      this.log.add({
        seq,
        method: call.method,
        path: url,
        area,
        startMs,
        endMs: Date.now(),
        ...outcome,
      });
    }
  }

  private async answer(
    area: Area,
    call: Call,
    tooLarge: boolean,
    res: ServerResponse,
  ): Promise<Outcome> {
    const clientRequestId = call.headers['client-request-id'] ?? randomUUID();
    const ids: RequestIds = { requestId: randomUUID(), clientRequestId, date: this.rt.now() };
    // Entra names its request id x-ms-request-id; Graph says request-id. Both echo client-request-id.
    const idHeaders = {
      [area === 'entra' ? 'x-ms-request-id' : 'request-id']: ids.requestId,
      'client-request-id': clientRequestId,
    };
    const fault =
      area === 'graph' || area === 'entra'
        ? (this.faults.decide(area) ??
          (area === 'graph' && isGraphWrite(call) ? this.faults.decideWrite() : undefined))
        : undefined;
    if (fault === 'reset') {
      res.socket?.destroy();
      return { status: 0, fault };
    }
    if (fault === 'slow') await pause(this.faults.slowMs, this.closing.signal);
    await pause(this.latencyMs, this.closing.signal);

    const reply = tooLarge
      ? {
          status: 413,
          json: graphErrorBody('RequestEntityTooLarge', 'The request body is too large.', ids),
          contentType: GRAPH_JSON,
        }
      : fault === 'throttle' || fault === 'unavailable'
        ? this.faultReply(area, fault, ids)
        : this.route(area, call, ids);
    const status = this.write(res, reply, idHeaders, fault === 'malformed');
    return {
      status,
      ...(fault ? { fault } : {}),
      ...(reply.clientId ? { clientId: reply.clientId } : {}),
      ...(reply.batch ? { batch: reply.batch } : {}),
    };
  }

  private route(area: Area, call: Call, ids: RequestIds): Reply {
    if (area === 'graph') return answerGraph(call, this.rt, this.faults, ids);
    if (area === 'entra') return answerToken(call, this.rt, ids);
    if (area === 'consent') return answerConsent(call, this.rt);
    return answerOther(call, this.rt, ids);
  }

  private faultReply(area: Area, fault: FaultKind, ids: RequestIds): Reply {
    const status = fault === 'throttle' ? 429 : 503;
    const headers = { 'Retry-After': String(this.faults.retryAfterSeconds) };
    if (area === 'entra') {
      const json = entraErrorBody(
        aadsts.transient(status),
        ids.requestId,
        ids.clientRequestId,
        ids.date,
      );
      return { status, headers, json, contentType: 'application/json; charset=utf-8' };
    }
    const json =
      fault === 'throttle'
        ? graphErrorBody('TooManyRequests', 'Too many requests.', ids)
        : graphErrorBody(
            'serviceNotAvailable',
            'The service is temporarily unavailable. Please retry after the time in the Retry-After header.',
            ids,
          );
    return { status, headers, json, contentType: GRAPH_JSON };
  }

  /** Writes the reply; returns the status sent. */
  private write(
    res: ServerResponse,
    reply: Reply,
    idHeaders: Record<string, string>,
    malformed: boolean,
  ): number {
    const headers = { ...idHeaders, ...(reply.headers ?? {}) };
    if (reply.html !== undefined) {
      send(
        res,
        reply.status,
        { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
        reply.html,
      );
      return reply.status;
    }
    if (reply.json === undefined) {
      send(res, reply.status, headers);
      return reply.status;
    }
    const text = JSON.stringify(reply.json);
    const contentType = reply.contentType ?? GRAPH_JSON;
    if (malformed) {
      // A 200 whose JSON stops half-way, as a broken proxy or a cut connection might deliver it.
      send(
        res,
        200,
        { ...idHeaders, 'Content-Type': contentType },
        text.slice(0, Math.ceil(text.length / 2)),
      );
      return 200;
    }
    send(res, reply.status, { ...headers, 'Content-Type': contentType }, text);
    return reply.status;
  }
}
