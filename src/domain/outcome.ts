import type { ErrorInfo } from './product-error';

/** What gathering one fact produced: the fact, or why it could not be had. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function succeeded<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failed<T>(error: ErrorInfo): Outcome<T> {
  return { ok: false, error };
}
