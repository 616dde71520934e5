import { parseRetryAfterMs } from '../domain/retry-after';

/** How the tenant layer waits and retries; injectable so tests never wait on real time. */
export interface TransportPolicy {
  timeoutMs: number;
  maxRetries: number;
  retryAfterCapSeconds: number;
  /** Waits `ms`; tests pass a fake that resolves at once. */
  sleep: (ms: number) => Promise<void>;
  /** Told of each Graph read that failed transiently (retried, or given up): the logs keep its request id. */
  onGraphFailure?: (failure: GraphFailure) => void;
}

export interface GraphFailure {
  /** The collection read, e.g. `applications` or `users` (no ids, no query). */
  resource: string;
  reason: string;
  requestId?: string;
  /** 0 for the first attempt. */
  attempt: number;
  /** True when no retry is left: the read ends as "Graph was unavailable". */
  final: boolean;
}

export const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Statuses that retrying may change (Graph throttling guidance plus transient gateway errors). */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * Milliseconds to wait before retry number `attempt` (0-based): Retry-After when the service gave one
 * (seconds or an HTTP date), else exponential backoff; always capped so a check finishes.
 */
export function retryDelayMs(
  retryAfter: string | null | undefined,
  attempt: number,
  policy: TransportPolicy,
  now: () => number = Date.now,
): number {
  const capMs = policy.retryAfterCapSeconds * 1000;
  const fromHeader = parseRetryAfterMs(retryAfter, now());
  const delay = fromHeader ?? Math.min(500 * 2 ** attempt, 8000);
  return Math.min(delay, capMs);
}
