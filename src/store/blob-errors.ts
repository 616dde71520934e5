import { setTimeout as sleep } from 'node:timers/promises';
import type { ProductError } from '../domain/product-error';
import { storeUnavailable } from './state-store';

/** Network failures seen while Azure Storage (or Azurite) restarts or a connection drops. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'REQUEST_SEND_ERROR',
  'PARSE_ERROR',
]);
const TRANSIENT_STATUSES = new Set([408, 500, 502, 503, 504]);

export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** Azure Storage's error code (`ConditionNotMet`, `LeaseAlreadyPresent`…) or a network code. */
export function storageCodeOf(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; details?: { errorCode?: unknown } } | undefined;
  const code = candidate?.details?.errorCode ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
}

function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined && TRANSIENT_STATUSES.has(status)) return true;
  const code = storageCodeOf(error);
  return code !== undefined && NETWORK_CODES.has(code);
}

/**
 * Runs `work` again while it fails transiently, on top of the SDK's own retries (which skip 502,
 * 504 and a few network failures), all within `budgetMs`: the abort signal ends a hung request
 * too, so no operation outlives its budget.
 */
export async function retryTransient<T>(
  budgetMs: number,
  work: (abortSignal: AbortSignal) => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + budgetMs;
  const abortSignal = AbortSignal.timeout(budgetMs);
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(abortSignal);
    } catch (error) {
      const wait = Math.min(250 * 2 ** (attempt - 1), 2000);
      if (!isTransient(error) || Date.now() + wait >= deadline) throw error;
      await sleep(wait);
    }
  }
}

/** The SDK error as a store error: status and code only (SDK messages can carry request URLs). */
export function unavailable(operation: string, key: string, error: unknown): ProductError {
  const name = (error as { name?: unknown } | undefined)?.name;
  const reason =
    name === 'AbortError'
      ? 'it did not answer in time'
      : (storageCodeOf(error) ?? (error instanceof Error ? error.name : 'unknown error'));
  return storeUnavailable(operation, key, reason, statusOf(error));
}
