import type { ConsentAuditRecord, ConsentRequest } from '../../domain/consent';
import { updateItem, type StateStore } from '../../store/state-store';

/** Storage layout: a request per id, a marker per open request (for the job), audit records by time. */
const REQUESTS_PREFIX = 'consent/requests/';
const OPEN_PREFIX = 'consent/open/';
const AUDIT_PREFIX = 'consent/audit/';

const ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Request ids are ours (UUIDs); anything else from a card is not looked up at all. */
function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && ID_SHAPE.test(value);
}

export function requestKey(id: string): string {
  return `${REQUESTS_PREFIX}${id.toLowerCase()}`;
}

export async function loadRequest(
  store: StateStore,
  id: string,
): Promise<ConsentRequest | undefined> {
  if (!isRequestId(id)) return undefined;
  return (await store.get<ConsentRequest>(requestKey(id)))?.value;
}

export async function createRequest(store: StateStore, request: ConsentRequest): Promise<void> {
  await store.put(requestKey(request.id), request, { ifNoneMatch: '*' });
  await store.put(`${OPEN_PREFIX}${request.id}`, { requestId: request.id, appId: request.appId });
}

/**
 * Optimistic read-modify-write of one request: `decide` sees the stored request and returns the
 * next one (or undefined to leave it); retried on a conflicting write by another click or instance.
 */
export async function changeRequest(
  store: StateStore,
  id: string,
  decide: (current: ConsentRequest) => ConsentRequest | undefined,
): Promise<{ before?: ConsentRequest; after?: ConsentRequest; changed: boolean }> {
  let before: ConsentRequest | undefined;
  let changed = false;
  const after = await updateItem<ConsentRequest>(store, requestKey(id), (current) => {
    before = current;
    changed = false;
    if (!current) return undefined;
    const next = decide(current);
    changed = next !== undefined;
    return next;
  });
  return { before, after, changed };
}

export async function forgetOpen(store: StateStore, id: string): Promise<void> {
  await store.delete(`${OPEN_PREFIX}${id}`);
}

export async function openRequestIds(store: StateStore): Promise<string[]> {
  return (await store.list(OPEN_PREFIX))
    .map((key) => key.slice(OPEN_PREFIX.length))
    .filter(isRequestId);
}

export async function appendAudit(store: StateStore, record: ConsentAuditRecord): Promise<void> {
  await store.put(`${AUDIT_PREFIX}${record.at}_${record.id}`, record, { ifNoneMatch: '*' });
}

/** The newest audit records first. */
export async function recentAudit(store: StateStore, limit: number): Promise<ConsentAuditRecord[]> {
  const keys = (await store.list(AUDIT_PREFIX)).slice(-limit).reverse();
  const items = await Promise.all(keys.map((key) => store.get<ConsentAuditRecord>(key)));
  return items.flatMap((item) => (item ? [item.value] : []));
}
