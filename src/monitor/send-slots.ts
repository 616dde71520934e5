/** A Teams limit: at most `count` messages in any window of `ms` milliseconds. */
export interface RateWindow {
  count: number;
  ms: number;
}

export interface TeamsLimits {
  /** Per bot per conversation (thread). */
  perThread: readonly RateWindow[];
  /** Per bot (app) per tenant, all conversations together. */
  perTenant: readonly RateWindow[];
}

/**
 * Microsoft's documented limits for proactive bot messages:
 * https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit
 */
export const TEAMS_LIMITS: TeamsLimits = {
  perThread: [
    { count: 7, ms: 1_000 },
    { count: 8, ms: 2_000 },
    { count: 60, ms: 30_000 },
    { count: 1_800, ms: 3_600_000 },
  ],
  perTenant: [{ count: 50, ms: 1_000 }],
};

interface Counter {
  /** When sends were answered, ascending: Teams counted each no later than that. */
  answered: number[];
  /** Sends on their way: they may arrive at any moment until answered, so they always count. */
  inFlight: number;
}

/** A send that may go now; hand it back with `complete` once Teams answered. */
export interface SendPass {
  readonly thread: string;
  readonly tenant: string;
}

export type GateAnswer = { pass: SendPass } | { retryAt: number | undefined };

/**
 * Decides when a message may go so that every sliding window of the Teams limits holds, counted
 * the way Teams counts: by arrival. A message arrives somewhere between being sent and being
 * answered, so a send in flight counts in every window and an answered one counts from its answer.
 * Nothing is reserved ahead: a sender asks, and is told to go now or when to ask again (undefined
 * = when a send in flight is answered). Messages to one thread go in the order they asked.
 */
export class SendGate {
  private readonly threads = new Map<string, Counter>();
  private readonly tenants = new Map<string, Counter>();
  private readonly queues = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly threadHorizonMs: number;
  private readonly tenantHorizonMs: number;
  private ticketSerial = 0;

  constructor(
    private readonly limits: TeamsLimits,
    private readonly marginMs: number,
  ) {
    this.threadHorizonMs = Math.max(...limits.perThread.map((w) => w.ms)) + marginMs;
    this.tenantHorizonMs = Math.max(...limits.perTenant.map((w) => w.ms)) + marginMs;
  }

  /** Takes a place in the thread's queue; pass it to `ask` and `leave`. */
  join(thread: string): number {
    const ticket = ++this.ticketSerial;
    const queue = this.queues.get(thread) ?? [];
    queue.push(ticket);
    this.queues.set(thread, queue);
    return ticket;
  }

  /** May the message with this queue ticket go at `now`? */
  ask(thread: string, tenant: string, ticket: number, now: number): GateAnswer {
    this.prune(now);
    if (this.queues.get(thread)?.[0] !== ticket) return { retryAt: undefined };
    const blocked = this.blockedUntil.get(thread);
    if (blocked !== undefined && blocked > now) return { retryAt: blocked };
    const threadWait = earliest(
      this.counter(this.threads, thread),
      this.limits.perThread,
      now,
      this.marginMs,
    );
    const tenantWait = earliest(
      this.counter(this.tenants, tenant),
      this.limits.perTenant,
      now,
      this.marginMs,
    );
    if (threadWait === undefined || tenantWait === undefined) return { retryAt: undefined };
    const at = Math.max(threadWait, tenantWait);
    if (at > now) return { retryAt: at };
    this.counter(this.threads, thread).inFlight++;
    this.counter(this.tenants, tenant).inFlight++;
    this.leave(thread, ticket);
    return { pass: { thread, tenant } };
  }

  /** Gives up the place in the queue (the message went, or was abandoned). */
  leave(thread: string, ticket: number): void {
    const queue = this.queues.get(thread);
    if (!queue) return;
    const index = queue.indexOf(ticket);
    if (index >= 0) queue.splice(index, 1);
    if (queue.length === 0) this.queues.delete(thread);
  }

  /** Teams answered the send at `at`: it counts from then on. */
  complete(pass: SendPass, at: number): void {
    for (const counter of [
      this.counter(this.threads, pass.thread),
      this.counter(this.tenants, pass.tenant),
    ]) {
      counter.inFlight = Math.max(0, counter.inFlight - 1);
      insertSorted(counter.answered, Math.ceil(at));
    }
  }

  /** Teams said 429 for this thread: nothing more goes there before `until`. */
  holdThread(thread: string, until: number): void {
    this.blockedUntil.set(thread, Math.max(until, this.blockedUntil.get(thread) ?? 0));
  }

  private counter(map: Map<string, Counter>, key: string): Counter {
    let counter = map.get(key);
    if (!counter) {
      counter = { answered: [], inFlight: 0 };
      map.set(key, counter);
    }
    return counter;
  }

  private prune(now: number): void {
    for (const [map, horizon] of [
      [this.threads, now - this.threadHorizonMs],
      [this.tenants, now - this.tenantHorizonMs],
    ] as const) {
      for (const [key, counter] of map) {
        const drop = firstAbove(counter.answered, horizon);
        if (drop > 0) counter.answered.splice(0, drop);
        if (counter.answered.length === 0 && counter.inFlight === 0) map.delete(key);
      }
    }
    for (const [key, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(key);
  }
}

/**
 * The first time >= now at which one more send keeps every window, or undefined when sends in
 * flight alone fill a window (then only an answer frees room).
 */
function earliest(
  counter: Counter,
  windows: readonly RateWindow[],
  now: number,
  margin: number,
): number | undefined {
  let at = now;
  for (const window of windows) {
    const room = window.count - counter.inFlight - 1;
    if (room < 0) return undefined;
    // At most `room` answered sends may remain in (t - span, t]; the one before them must have left.
    const blocking = counter.answered[counter.answered.length - room - 1];
    if (blocking !== undefined) at = Math.max(at, blocking + window.ms + margin);
  }
  return at;
}

/** Index of the first entry greater than `value` (binary search). */
function firstAbove(log: readonly number[], value: number): number {
  let low = 0;
  let high = log.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((log[mid] ?? 0) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insertSorted(log: number[], value: number): void {
  log.splice(firstAbove(log, value), 0, value);
}
