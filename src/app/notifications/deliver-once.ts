import { randomUUID } from 'node:crypto';
import { isStoreConflict, updateItem, type StateStore } from '../../store/state-store';
import type { PostOutcome } from '../../ports/notifier';

/** A ledger record that a sender claims before it posts, so two senders never post the same thing. */
export interface Claimable {
  pending?: { token: string; at: string };
}

export type DeliveryResult = 'sent' | 'not-due' | 'busy' | 'failed' | 'gone';

export interface DeliverOnceOptions<R extends Claimable, P> {
  store: StateStore;
  key: string;
  now: () => Date;
  /** A claim older than this is taken over (its sender died between claiming and recording). */
  staleAfterMs: number;
  /** What to send given the record, or undefined when nothing is due. */
  due(current: R | undefined): P | undefined;
  send(payload: P): Promise<PostOutcome>;
  /** The record once the payload reached Teams. */
  commit(current: R | undefined, payload: P, activityId: string): R;
}

/**
 * Exactly-once posting over the storage port: read the ledger record, decide, claim it with a
 * conditional write (eTag), post, then record what was sent. A lost race or a live claim by another
 * instance means someone else is posting it: skip. A failed post releases the claim and records
 * nothing, so the next run posts it again. Only a crash between post and record can repeat a post.
 */
export async function deliverOnce<R extends Claimable, P>(
  options: DeliverOnceOptions<R, P>,
): Promise<{ result: DeliveryResult; outcome?: PostOutcome }> {
  const { store, key } = options;
  const current = await store.get<R>(key);
  const payload = options.due(current?.value);
  if (payload === undefined) return { result: 'not-due' };
  const pending = current?.value.pending;
  if (pending && options.now().getTime() - Date.parse(pending.at) < options.staleAfterMs)
    return { result: 'busy' };

  const token = randomUUID();
  const claimed = {
    ...(current?.value ?? {}),
    pending: { token, at: options.now().toISOString() },
  } as R;
  let claimETag: string;
  try {
    claimETag = await store.put(
      key,
      claimed,
      current ? { ifMatch: current.eTag } : { ifNoneMatch: '*' },
    );
  } catch (error) {
    if (isStoreConflict(error)) return { result: 'busy' };
    throw error;
  }

  const outcome = await options.send(payload);
  // Usually nobody touched the record since the claim: write over it directly (one round trip).
  try {
    const next = outcome.ok
      ? withoutPending(options.commit(claimed, payload, outcome.activityId))
      : withoutPending(claimed);
    await store.put(key, next, { ifMatch: claimETag });
    return { result: outcome.ok ? 'sent' : outcome.reason === 'gone' ? 'gone' : 'failed', outcome };
  } catch (error) {
    if (!isStoreConflict(error)) throw error;
  }
  await updateItem<R>(store, key, (latest) => {
    const mine = latest?.pending?.token === token;
    if (outcome.ok) {
      const next = options.commit(latest, payload, outcome.activityId);
      return mine
        ? withoutPending(next)
        : { ...next, ...(latest?.pending ? { pending: latest.pending } : {}) };
    }
    return mine && latest ? withoutPending(latest) : undefined;
  });
  return { result: outcome.ok ? 'sent' : outcome.reason === 'gone' ? 'gone' : 'failed', outcome };
}

function withoutPending<R extends Claimable>(record: R): R {
  const copy = { ...record };
  delete copy.pending;
  return copy;
}
