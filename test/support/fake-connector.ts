import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/** What the bot sent to the Bot Connector. */
export interface SentActivity {
  method: string;
  path: string;
  conversationId: string;
  activity: {
    type: string;
    text?: string;
    attachments?: { contentType: string; content: Record<string, unknown> }[];
    [key: string]: unknown;
  };
}

export interface ConnectorReply {
  status: number;
  headers?: Record<string, string>;
  /** Default: `{ id: <fresh uuid> }`. */
  body?: unknown;
}

/**
 * A stand-in for the Bot Connector service (the bot's serviceUrl): accepts replies
 * (`/activities/{replyToId}`), proactive sends (`/activities`) and updates (PUT), and records them.
 */
export class FakeConnector {
  readonly sent: SentActivity[] = [];
  /** Requests answered with an error status (see `answer`); not in `sent`. */
  readonly refused: (SentActivity & { status: number })[] = [];
  private server?: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(
          req.url ?? '',
        );
        if (!match) {
          res.writeHead(404).end();
          return;
        }
        const activity = body
          ? (JSON.parse(body) as SentActivity['activity'])
          : { type: 'unknown' };
        const entry: SentActivity = {
          method: req.method ?? 'POST',
          path: req.url ?? '',
          conversationId: decodeURIComponent(match[1] ?? ''),
          activity,
        };
        const reply = this.answer(entry);
        if (reply.status < 300) this.sent.push(entry);
        else this.refused.push({ ...entry, status: reply.status });
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify(reply.body ?? { id: randomUUID() }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** How the connector answers a request; subclasses refuse some (rate limits, blocked writes). */
  protected answer(_request: SentActivity): ConnectorReply {
    return { status: 200 };
  }

  /** Messages (not typing indicators) sent so far. */
  messages(): SentActivity['activity'][] {
    return this.sent.filter((s) => s.activity.type === 'message').map((s) => s.activity);
  }

  /** The Adaptive Cards of the messages sent so far. */
  cards(): Record<string, unknown>[] {
    return this.messages().flatMap((m) =>
      (m.attachments ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => a.content),
    );
  }

  clear(): void {
    this.sent.length = 0;
    this.refused.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
