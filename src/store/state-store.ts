import { ErrorCode, hasErrorCode, ProductError } from '../domain/product-error';
/**
 * The product's storage port (docs/ARCHITECTURE.md §5): every piece of state — conversation references,
 * subscriptions, wizard progress, consent requests, audit records, reminder ledger, job leases —
 * goes through it. Implemented by the file store (one process) and the Azure Blob store (several
 * instances). No SDK types cross it: values are plain JSON.
 */
export interface StateStore {
  /** The stored value and its eTag, or undefined when the key does not exist. */
  get<T>(key: string): Promise<StoredItem<T> | undefined>;
  /**
   * Writes a value and returns its new eTag. `ifMatch`: only if the stored eTag is still this one;
   * `ifNoneMatch: '*'`: only if the key does not exist yet. A failed condition throws
   * StoreConflictError and writes nothing. Without a condition the last writer wins.
   */
  put<T>(key: string, value: T, condition?: WriteCondition): Promise<string>;
  /** Deletes a key (no error if absent); `ifMatch` as for put. */
  delete(key: string, condition?: { ifMatch?: string }): Promise<void>;
  /** Keys that start with `prefix`, sorted. */
  list(prefix: string): Promise<string[]>;
  /**
   * Takes the named lease for `ttlMs` (15–60 s) if nobody holds it; undefined when another holder
   * does. Only the holder runs the job the lease guards (any instance may run any job).
   */
  acquireLease(name: string, ttlMs: number): Promise<Lease | undefined>;
  /** True when the store answers (for /readyz). */
  ping(): Promise<boolean>;
}

export interface StoredItem<T> {
  value: T;
  eTag: string;
}

export interface WriteCondition {
  ifMatch?: string;
  ifNoneMatch?: '*';
}

export interface Lease {
  readonly name: string;
  /** Extends the lease; false when it was lost (expired and taken by someone else). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

/** A conditional write lost a race: re-read, re-decide, retry (optimistic concurrency). */
export function storeConflict(key: string): ProductError {
  return new ProductError({
    code: ErrorCode.StoreConflict,
    message: `The stored value of "${key}" changed meanwhile.`,
    key,
  });
}

export function isStoreConflict(error: unknown): error is ProductError {
  return hasErrorCode(error, ErrorCode.StoreConflict);
}

/**
 * Read-modify-write with optimistic concurrency: `change` gets the current value (or undefined)
 * and returns the new one (or undefined to write nothing); retried on conflict.
 */
export async function updateItem<T>(
  store: StateStore,
  key: string,
  change: (current: T | undefined) => T | undefined,
  attempts = 20,
): Promise<T | undefined> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.get<T>(key);
    const next = change(current?.value);
    if (next === undefined) return current?.value;
    try {
      await store.put(key, next, current ? { ifMatch: current.eTag } : { ifNoneMatch: '*' });
      return next;
    } catch (error) {
      if (!isStoreConflict(error) || attempt >= attempts) throw error;
      // Contenders that collided would collide again in lockstep: a short random pause parts them.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.random() * 10 * Math.min(attempt, 5)),
      );
    }
  }
}

/**
 * The store could not complete an operation (unreachable or refusing after its bounded retries):
 * nothing was confirmed, so the caller must treat the write as not done (it may have landed).
 * The message names the operation and key, never a connection string.
 */
export function storeUnavailable(
  operation: string,
  key: string,
  reason: string,
  status?: number,
): ProductError {
  return new ProductError({
    code: ErrorCode.StoreUnavailable,
    message: `Storage could not ${operation} "${key}": ${reason}.`,
    key,
    ...(status === undefined ? {} : { status }),
  });
}

/** The store holds something the product cannot read (damaged or foreign); the message says what to do. */
export function storeCorrupt(message: string): ProductError {
  return new ProductError({ code: ErrorCode.StoreCorrupt, message });
}
