import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as it is (to send garbage). */
  body?: unknown;
  /** Destroy the connection instead of answering. */
  reset?: boolean;
}

/**
 * A Graph stand-in whose every answer the test scripts: for the exact cases (a 429 inside a batch,
 * a garbled body, a reset connection) a scenario file would hide. Speaks HTTP only.
 */
export class ScriptedGraph {
  readonly received: ScriptedRequest[] = [];
  url = '';
  private server?: http.Server;

  constructor(
    private readonly answer: (request: ScriptedRequest, index: number) => ScriptedAnswer,
  ) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        const request: ScriptedRequest = {
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          headers: req.headers,
          body: parseBody(raw, req.headers['content-type']),
        };
        this.received.push(request);
        const answer = this.answer(request, this.received.length - 1);
        if (answer.reset) {
          req.socket.destroy();
          return;
        }
        const body =
          typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}

/** JSON bodies parsed; form bodies (Entra's token endpoint) as key/value pairs. */
function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  return JSON.parse(raw) as unknown;
}

/** Graph's documented error body. */
export function graphError(code: string, message: string, requestId = 'req-1'): unknown {
  return {
    error: { code, message, innerError: { 'request-id': requestId, date: '2026-11-28T00:00:00' } },
  };
}

interface BatchStep {
  id: string;
  method: string;
  url: string;
}

/** Answers each $batch step with `item(step)`; the batch itself is 200, as Graph does. */
export function batchOf(
  request: ScriptedRequest,
  item: (step: BatchStep) => Omit<ScriptedAnswer, 'reset'>,
): ScriptedAnswer {
  const steps = (request.body as { requests: BatchStep[] }).requests;
  return {
    status: 200,
    body: {
      responses: steps.map((step) => {
        const answer = item(step);
        return {
          id: step.id,
          status: answer.status,
          headers: answer.headers ?? {},
          body: answer.body,
        };
      }),
    },
  };
}
