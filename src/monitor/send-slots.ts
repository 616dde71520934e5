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

/** Microsoft's documented limits for proactive bot messages (DESIGN §5). */
export const TEAMS_LIMITS: TeamsLimits = {
  perThread: [
    { count: 7, ms: 1_000 },
    { count: 8, ms: 2_000 },
    { count: 60, ms: 30_000 },
    { count: 1_800, ms: 3_600_000 },
  ],
  perTenant: [{ count: 50, ms: 1_000 }],
};

/** A reserved send: when, and for which thread and tenant. */
export interface SendTicket {
  readonly thread: string;
  readonly tenant: string;
  at: number;
}

/**
 * Hands out send times that keep every sliding window of the limits: messages to one thread go in
 * order, and a thread held back by its own limits does not hold back the others. Teams counts by
 * arrival, and a burst of sends arrives spread out, so a send is counted from the moment it was
 * answered (`complete`), which is never before it arrived; a reservation that no longer fits once
 * earlier sends were answered late is moved (`confirm`). `marginMs` widens every window a little.
 */
export class SendSlots {
  private readonly threads = new Map<string, number[]>();
  private readonly tenants = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly threadHorizonMs: number;
  private readonly tenantHorizonMs: number;

  constructor(
    private readonly limits: TeamsLimits,
    private readonly marginMs: number,
  ) {
    this.threadHorizonMs = Math.max(...limits.perThread.map((w) => w.ms)) + marginMs;
    this.tenantHorizonMs = Math.max(...limits.perTenant.map((w) => w.ms)) + marginMs;
  }

  /** Reserves the earliest slot at or after `at` for a message to `thread` in `tenant`. */
  reserve(thread: string, tenant: string, at: number): SendTicket {
    const now = Math.ceil(at);
    this.prune(now);
    const threadLog = this.threads.get(thread) ?? [];
    const tenantLog = this.tenants.get(tenant) ?? [];
    const fromThread = Math.max(
      earliestInOrder(threadLog, this.limits.perThread, now, this.marginMs),
      this.blockedUntil.get(thread) ?? now,
    );
    const slot = earliestInsertion(tenantLog, this.limits.perTenant, fromThread, this.marginMs);
    insertSorted(threadLog, slot);
    insertSorted(tenantLog, slot);
    this.threads.set(thread, threadLog);
    this.tenants.set(tenant, tenantLog);
    return { thread, tenant, at: slot };
  }

  /**
   * At the ticket's time: true when it still fits every window; otherwise it is moved to the next
   * slot that does (its `at` changes) and false is returned, so the caller waits again.
   */
  confirm(ticket: SendTicket, at: number): boolean {
    const now = Math.ceil(at);
    const threadLog = this.threads.get(ticket.thread) ?? [];
    const tenantLog = this.tenants.get(ticket.tenant) ?? [];
    removeOne(threadLog, ticket.at);
    removeOne(tenantLog, ticket.at);
    const from = Math.max(now, this.blockedUntil.get(ticket.thread) ?? now);
    let slot = from;
    for (let i = 0; i < 100; i++) {
      const next = Math.max(
        earliestInsertion(threadLog, this.limits.perThread, slot, this.marginMs),
        earliestInsertion(tenantLog, this.limits.perTenant, slot, this.marginMs),
      );
      if (next === slot) break;
      slot = next;
    }
    insertSorted(threadLog, slot);
    insertSorted(tenantLog, slot);
    this.threads.set(ticket.thread, threadLog);
    this.tenants.set(ticket.tenant, tenantLog);
    const fits = slot <= now;
    ticket.at = slot;
    return fits;
  }

  /** Gives a reservation back (the sender waits and reserves again later). */
  release(ticket: SendTicket): void {
    removeOne(this.threads.get(ticket.thread) ?? [], ticket.at);
    removeOne(this.tenants.get(ticket.tenant) ?? [], ticket.at);
  }

  /** How far ahead a reservation may lie before its sender should wait and ask again. */
  get lookaheadMs(): number {
    return this.tenantHorizonMs;
  }

  /** The send was answered at `at`: from now on it counts from then (Teams counted it no later). */
  complete(ticket: SendTicket, at: number): void {
    const answered = Math.max(ticket.at, Math.ceil(at));
    for (const log of [this.threads.get(ticket.thread), this.tenants.get(ticket.tenant)]) {
      if (!log) continue;
      removeOne(log, ticket.at);
      insertSorted(log, answered);
    }
    ticket.at = answered;
  }

  /** Teams said 429 for this thread: nothing more goes there before `until`. */
  holdThread(thread: string, until: number): void {
    this.blockedUntil.set(thread, Math.max(until, this.blockedUntil.get(thread) ?? 0));
  }

  private prune(now: number): void {
    for (const [logs, horizon] of [
      [this.threads, now - this.threadHorizonMs],
      [this.tenants, now - this.tenantHorizonMs],
    ] as const) {
      for (const [key, log] of logs) {
        let drop = 0;
        while (drop < log.length && (log[drop] ?? 0) <= horizon) drop++;
        if (drop === log.length) logs.delete(key);
        else if (drop > 0) log.splice(0, drop);
      }
    }
    for (const [key, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(key);
  }
}

/** For a log that only grows at its end: the first time the next entry keeps every window. */
function earliestInOrder(log: readonly number[], windows: readonly RateWindow[], from: number, margin: number): number {
  let slot = Math.max(from, log[log.length - 1] ?? from);
  for (const window of windows) {
    const oldestCounted = log[log.length - window.count];
    if (oldestCounted !== undefined) slot = Math.max(slot, oldestCounted + window.ms + margin);
  }
  return slot;
}

/**
 * For a sorted log with entries in the future (other threads' reservations): the first whole
 * millisecond `t >= from` at which one more entry keeps every window (x - span, x] within its count.
 * A later `t` can only become valid once it passes an entry (the window ending there no longer holds
 * it) or an entry plus a window (the entry leaves the window ending at `t`), so those are tried.
 */
function earliestInsertion(log: readonly number[], windows: readonly RateWindow[], from: number, margin: number): number {
  const candidates = new Set<number>([from]);
  const longest = Math.max(...windows.map((w) => w.ms)) + margin;
  // Entries a window before `from` or earlier cannot hold back any t >= from.
  for (let i = firstAbove(log, from - longest); i < log.length; i++) {
    const entry = log[i] ?? from;
    for (const window of windows) {
      for (const c of [entry + 1, entry + window.ms + margin]) if (c > from) candidates.add(c);
    }
  }
  for (const t of [...candidates].sort((a, b) => a - b)) {
    if (fits(log, windows, t, margin)) return t;
  }
  // Unreachable: after the last entry plus the longest window every window is empty.
  return Math.max(from, ...log) + Math.max(...windows.map((w) => w.ms)) + margin;
}

function fits(log: readonly number[], windows: readonly RateWindow[], t: number, margin: number): boolean {
  for (const window of windows) {
    const span = window.ms + margin;
    if (countIn(log, t - span, t) + 1 > window.count) return false;
    // Windows ending at a later entry that would also hold t.
    const last = firstAbove(log, t + span - 1);
    for (let i = firstAbove(log, t - 1); i < last; i++) {
      const end = log[i] ?? t;
      if (countIn(log, end - span, end) + 1 > window.count) return false;
    }
  }
  return true;
}

/** Entries in (from, to] of a sorted log. */
function countIn(log: readonly number[], from: number, to: number): number {
  return firstAbove(log, to) - firstAbove(log, from);
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

function removeOne(log: number[], value: number): void {
  const index = firstAbove(log, value) - 1;
  if (index >= 0 && log[index] === value) log.splice(index, 1);
}
