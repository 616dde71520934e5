import { FakeConnector, type ConnectorReply, type SentActivity } from './fake-connector';

export interface ConnectorClock {
  now(): number;
}

interface Window {
  count: number;
  ms: number;
}

/** The limits Teams enforces on a bot's messages (docs/MICROSOFT.md, Teams). */
export const TEAMS_CONNECTOR_LIMITS = {
  perThread: [
    { count: 7, ms: 1_000 },
    { count: 8, ms: 2_000 },
    { count: 60, ms: 30_000 },
    { count: 1_800, ms: 3_600_000 },
  ] as Window[],
  perApp: [{ count: 50, ms: 1_000 }] as Window[],
};

/**
 * A Bot Connector stand-in that enforces the Teams rate limits as Teams does: a request over any
 * window is refused with 429 and a Retry-After (whole seconds, rounded up) saying when a slot frees.
 * Refused requests are not delivered. Conversations can also be scripted to answer 403
 * MessageWritesBlocked (the bot was removed) or a run of transient errors.
 */
export class RateLimitedConnector extends FakeConnector {
  private readonly accepted = new Map<string, number[]>();
  private readonly appLog: number[] = [];
  private readonly scripted = new Map<string, ConnectorReply[]>();
  private readonly blocked = new Set<string>();

  constructor(private readonly clock: ConnectorClock = { now: () => Date.now() }) {
    super();
  }

  /** Every later message to this conversation is refused: 403 MessageWritesBlocked. */
  blockWrites(conversationId: string): void {
    this.blocked.add(conversationId);
  }

  /** The next requests to this conversation get these answers, in order. */
  failNext(conversationId: string, ...replies: ConnectorReply[]): void {
    this.scripted.set(conversationId, [...(this.scripted.get(conversationId) ?? []), ...replies]);
  }

  /** 429s handed out. */
  throttled(): SentActivity[] {
    return this.refused.filter((r) => r.status === 429);
  }

  protected override answer(request: SentActivity): ConnectorReply {
    if (request.activity.type === 'typing') return { status: 200 };
    const conversation = request.conversationId.split(';')[0] ?? request.conversationId;
    if (this.blocked.has(conversation)) {
      return {
        status: 403,
        body: {
          error: { code: 'MessageWritesBlocked', message: 'Thread is blocked from writes.' },
        },
      };
    }
    const script = this.scripted.get(conversation);
    const next = script?.shift();
    if (next) return next;

    const now = this.clock.now();
    const thread = this.accepted.get(conversation) ?? [];
    const wait = Math.max(
      waitFor(thread, TEAMS_CONNECTOR_LIMITS.perThread, now),
      waitFor(this.appLog, TEAMS_CONNECTOR_LIMITS.perApp, now),
    );
    if (wait > 0) {
      return {
        status: 429,
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(wait / 1000))) },
        body: { error: { code: 'TooManyRequests', message: 'Too many requests.' } },
      };
    }
    thread.push(now);
    this.accepted.set(conversation, thread);
    this.appLog.push(now);
    return { status: 200 };
  }
}

/** Milliseconds until one more message fits every window (0 = now). */
function waitFor(log: number[], windows: Window[], now: number): number {
  let wait = 0;
  for (const window of windows) {
    const inWindow = log.filter((t) => t > now - window.ms);
    if (inWindow.length >= window.count) {
      const oldest = inWindow[inWindow.length - window.count] ?? now;
      wait = Math.max(wait, oldest + window.ms - now);
    }
  }
  return wait;
}
