import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

interface Window {
  count: number;
  ms: number;
}

const PER_THREAD: Window[] = [
  { count: 7, ms: 1_000 },
  { count: 8, ms: 2_000 },
  { count: 60, ms: 30_000 },
  { count: 1_800, ms: 3_600_000 },
];
const PER_APP: Window[] = [{ count: 50, ms: 1_000 }];

/**
 * A Bot Connector stand-in for the benchmark that enforces the Teams bot limits on arrival time,
 * as Teams does: over any window → 429 with Retry-After (whole seconds). Counts what it accepted.
 */
export class TeamsLimitsConnector {
  readonly accepted = new Map<string, number>();
  throttled = 0;
  firstAt = 0;
  lastAt = 0;
  private readonly threads = new Map<string, number[]>();
  private readonly app: number[] = [];
  private server?: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        if (!match) {
          res.writeHead(404).end();
          return;
        }
        const conversation = decodeURIComponent(match[1] ?? '');
        const now = Date.now();
        const thread = this.threads.get(conversation) ?? [];
        const wait = Math.max(waitFor(thread, PER_THREAD, now), waitFor(this.app, PER_APP, now));
        if (wait > 0) {
          this.throttled++;
          res.writeHead(429, {
            'content-type': 'application/json',
            'Retry-After': String(Math.ceil(wait / 1000)),
          });
          res.end(
            JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests.' } }),
          );
          return;
        }
        thread.push(now);
        this.threads.set(conversation, thread);
        this.app.push(now);
        this.accepted.set(conversation, (this.accepted.get(conversation) ?? 0) + 1);
        if (!this.firstAt) this.firstAt = now;
        this.lastAt = now;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: randomUUID() }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}

function waitFor(log: number[], windows: Window[], now: number): number {
  let wait = 0;
  for (const window of windows) {
    const inWindow = log.filter((t) => t > now - window.ms);
    if (inWindow.length >= window.count) {
      wait = Math.max(wait, (inWindow[inWindow.length - window.count] ?? now) + window.ms - now);
    }
  }
  return wait;
}
