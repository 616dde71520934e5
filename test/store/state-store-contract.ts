import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode } from '../../src/domain/product-error';
import { updateItem, type Lease, type StateStore } from '../../src/store/state-store';

/** What every conflicting conditional write rejects with. */
const CONFLICT = { name: 'ProductError', info: { code: ErrorCode.StoreConflict } };

export interface StoreFixture {
  /** A fresh, empty backing (folder or container); each call of the result opens an instance on it. */
  freshBacking(): Promise<() => StateStore>;
  /** Long enough for the store to accept, short enough to wait out in a test. */
  leaseTtlMs: number;
}

/**
 * What every StateStore promises, run against each implementation. Two instances on one
 * backing stand for two bot processes. `moreTests` run before the lease-expiry test, which waits for
 * a lease taken at the start to expire (15 s for blob leases), so slow tests overlap that wait.
 */
export function describeStateStoreContract(
  fixture: () => StoreFixture,
  moreTests: () => void = () => undefined,
): void {
  let open: () => StateStore;
  let store: StateStore;
  let expiring: { open: () => StateStore; lease: Lease; takenAt: number };

  beforeAll(async () => {
    const expiringBacking = await fixture().freshBacking();
    const takenAt = Date.now();
    const lease = await expiringBacking().acquireLease('jobs/expiring', fixture().leaseTtlMs);
    if (!lease) throw new Error('the expiring lease could not be taken');
    expiring = { open: expiringBacking, lease, takenAt };
  });

  beforeEach(async () => {
    open = await fixture().freshBacking();
    store = open();
  });

  describe('values and eTags', () => {
    test('when a key was never written, then get returns undefined', async () => {
      await expect(store.get('nothing/here')).resolves.toBeUndefined();
    });

    test('when a value is put, then get returns it with the eTag put returned', async () => {
      const eTag = await store.put('subscriptions/channel-1', { channel: 'General', on: true });

      await expect(store.get('subscriptions/channel-1')).resolves.toEqual({
        value: { channel: 'General', on: true },
        eTag,
      });
      await expect(open().get('subscriptions/channel-1')).resolves.toEqual({
        value: { channel: 'General', on: true },
        eTag,
      });
    });

    test('when a key is written again, then its eTag changes and the new value wins', async () => {
      const first = await store.put('ledger/secret-1', { sent: [30] });
      const second = await store.put('ledger/secret-1', { sent: [30] });
      const third = await store.put('ledger/secret-1', { sent: [30, 14] });

      expect(new Set([first, second, third]).size).toBe(3);
      await expect(store.get('ledger/secret-1')).resolves.toEqual({
        value: { sent: [30, 14] },
        eTag: third,
      });
    });

    test('when ifMatch names the current eTag, then the write lands', async () => {
      const eTag = await store.put('wizard/user-1', { step: 1 });

      const next = await store.put('wizard/user-1', { step: 2 }, { ifMatch: eTag });

      await expect(store.get('wizard/user-1')).resolves.toEqual({ value: { step: 2 }, eTag: next });
    });

    test('when ifMatch names an old eTag, then the write is refused and nothing changes', async () => {
      const old = await store.put('wizard/user-1', { step: 1 });
      const current = await open().put('wizard/user-1', { step: 2 });

      await expect(store.put('wizard/user-1', { step: 9 }, { ifMatch: old })).rejects.toMatchObject(
        CONFLICT,
      );
      await expect(store.get('wizard/user-1')).resolves.toEqual({
        value: { step: 2 },
        eTag: current,
      });
    });

    test('when ifMatch is given for a key that does not exist, then the write is refused', async () => {
      const eTag = await store.put('consent/requests/r1', { state: 'pending' });
      await store.delete('consent/requests/r1');

      await expect(
        store.put('consent/requests/r1', { state: 'approved' }, { ifMatch: eTag }),
      ).rejects.toMatchObject(CONFLICT);
      await expect(store.get('consent/requests/r1')).resolves.toBeUndefined();
    });

    test('when ifNoneMatch is * and the key exists, then the write is refused and nothing changes', async () => {
      const eTag = await store.put('audit/decision-1', { by: 'alice' });

      const refused = store.put('audit/decision-1', { by: 'mallory' }, { ifNoneMatch: '*' });

      await expect(refused).rejects.toMatchObject(CONFLICT);
      await expect(refused).rejects.toMatchObject({ info: { key: 'audit/decision-1' } });
      await expect(store.get('audit/decision-1')).resolves.toEqual({
        value: { by: 'alice' },
        eTag,
      });
    });

    test('when ifNoneMatch is * and the key is new, then the write lands', async () => {
      const eTag = await store.put('audit/decision-2', { by: 'bob' }, { ifNoneMatch: '*' });

      await expect(store.get('audit/decision-2')).resolves.toEqual({ value: { by: 'bob' }, eTag });
    });

    test('when values of every JSON kind are stored, then they come back equal', async () => {
      const value = { text: 'é "quoted" \n', n: -1.5, yes: true, none: null, list: [1, 'two', {}] };
      await store.put('kinds/object', value);
      await store.put('kinds/number', 42);
      await store.put('kinds/string', 'plain');

      await expect(store.get('kinds/object')).resolves.toMatchObject({ value });
      await expect(store.get('kinds/number')).resolves.toMatchObject({ value: 42 });
      await expect(store.get('kinds/string')).resolves.toMatchObject({ value: 'plain' });
    });
  });

  describe('delete', () => {
    test('when a key is deleted, then it is gone and deleting it again is no error', async () => {
      await store.put('conversations/c1', { id: 'c1' });

      await store.delete('conversations/c1');
      await store.delete('conversations/c1');

      await expect(store.get('conversations/c1')).resolves.toBeUndefined();
      await expect(store.list('conversations/')).resolves.toEqual([]);
    });

    test('when delete names an old eTag, then it is refused and the value stays', async () => {
      const old = await store.put('snoozes/channel-1', { until: 1 });
      const current = await store.put('snoozes/channel-1', { until: 2 });

      await expect(store.delete('snoozes/channel-1', { ifMatch: old })).rejects.toMatchObject(
        CONFLICT,
      );
      await expect(store.get('snoozes/channel-1')).resolves.toEqual({
        value: { until: 2 },
        eTag: current,
      });

      await store.delete('snoozes/channel-1', { ifMatch: current });
      await expect(store.get('snoozes/channel-1')).resolves.toBeUndefined();
    });
  });

  describe('list', () => {
    test('when keys share a prefix, then list returns exactly those, sorted', async () => {
      const keys = [
        'consent/requests/b',
        'consent/requests/a',
        'consent/requests/a/nested',
        'consent/audit/x',
        'consentx/y',
        'conversations/c1',
      ];
      for (const key of keys) await store.put(key, { key });

      await expect(store.list('consent/requests/')).resolves.toEqual([
        'consent/requests/a',
        'consent/requests/a/nested',
        'consent/requests/b',
      ]);
      await expect(store.list('consent/req')).resolves.toEqual([
        'consent/requests/a',
        'consent/requests/a/nested',
        'consent/requests/b',
      ]);
      await expect(store.list('consent/')).resolves.toEqual([
        'consent/audit/x',
        'consent/requests/a',
        'consent/requests/a/nested',
        'consent/requests/b',
      ]);
      await expect(store.list('con')).resolves.toEqual([...keys].sort());
      await expect(store.list('')).resolves.toEqual([...keys].sort());
      await expect(store.list('nothing/')).resolves.toEqual([]);
    });

    test('when keys hold odd characters, then each reads back under exactly its own key', async () => {
      const keys = [
        'conversations/19:abc-DEF_1@thread.tacv2;messageid=1',
        'conversations/a:1UPPER',
        'conversations/a:1upper',
        'odd/space and ümlaut 🙂',
        'odd/../../escape',
        'odd/./dot',
        'odd//double',
        'odd/trailing/',
        'odd/back\\slash',
        'odd/nul\u0000byte',
        'odd/%2E%2E',
        'odd/~',
        '/leading',
      ];
      for (const key of keys) await store.put(key, { key });

      for (const key of keys)
        await expect(store.get(key)).resolves.toMatchObject({ value: { key } });
      await expect(store.list('')).resolves.toEqual([...keys].sort());
      await expect(store.list('conversations/a:1U')).resolves.toEqual(['conversations/a:1UPPER']);
      await expect(store.list('odd/')).resolves.toEqual(
        keys.filter((key) => key.startsWith('odd/')).sort(),
      );
    });
  });

  describe('concurrency', () => {
    test('when 20 callers on two instances increment one counter at once, then it reaches 20', async () => {
      const instances = [store, open()];
      // A caller loses a round only to a caller that then finishes, so 20 attempts always suffice.
      const increments = Array.from({ length: 20 }, (_, caller) =>
        updateItem<number>(instances[caller % 2]!, 'counters/runs', (n) => (n ?? 0) + 1, 20),
      );

      await Promise.all(increments);

      await expect(store.get('counters/runs')).resolves.toMatchObject({ value: 20 });
    });

    test('when two instances write with the same ifMatch, then exactly one wins each round', async () => {
      const [first, second] = [store, open()];
      let eTag = await first.put('race/value', { round: 0, by: 'nobody' });
      for (let round = 1; round <= 10; round++) {
        const outcomes = await Promise.allSettled([
          first.put('race/value', { round, by: 'first' }, { ifMatch: eTag }),
          second.put('race/value', { round, by: 'second' }, { ifMatch: eTag }),
        ]);

        const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.map((outcome): unknown => outcome.reason)).toEqual([
          expect.objectContaining({
            name: 'ProductError',
            info: expect.objectContaining({ code: ErrorCode.StoreConflict }),
          }),
        ]);
        const stored = await first.get<{ round: number; by: string }>('race/value');
        expect(stored?.value.round).toBe(round);
        expect(stored?.eTag).toBe((won[0] as PromiseFulfilledResult<string>).value);
        eTag = stored!.eTag;
      }
    });
  });

  describe('leases', () => {
    test('when a lease is held, then a second contender is refused', async () => {
      const held = await store.acquireLease('jobs/secret-expiry', fixture().leaseTtlMs);

      expect(held).toMatchObject({ name: 'jobs/secret-expiry' });
      await expect(open().acquireLease('jobs/secret-expiry', fixture().leaseTtlMs)).resolves.toBe(
        undefined,
      );
      await expect(store.acquireLease('jobs/secret-expiry', fixture().leaseTtlMs)).resolves.toBe(
        undefined,
      );
      await expect(open().acquireLease('jobs/ingestion', fixture().leaseTtlMs)).resolves.toEqual(
        expect.objectContaining({ name: 'jobs/ingestion' }),
      );
    });

    test('when the holder renews in time, then it keeps the lease and others stay refused', async () => {
      const held = await store.acquireLease('jobs/secret-expiry', fixture().leaseTtlMs);

      await expect(held!.renew()).resolves.toBe(true);
      await expect(held!.renew()).resolves.toBe(true);
      await expect(open().acquireLease('jobs/secret-expiry', fixture().leaseTtlMs)).resolves.toBe(
        undefined,
      );
    });

    test('when a lease is released, then another contender can take it and the old one is spent', async () => {
      const held = await store.acquireLease('jobs/secret-expiry', fixture().leaseTtlMs);
      await held!.release();

      const next = await open().acquireLease('jobs/secret-expiry', fixture().leaseTtlMs);

      expect(next).toBeDefined();
      await expect(held!.renew()).resolves.toBe(false);
      await held!.release();
      await expect(store.acquireLease('jobs/secret-expiry', fixture().leaseTtlMs)).resolves.toBe(
        undefined,
      );
      await next!.release();
    });

    test('when the store is reachable, then ping says so', async () => {
      await expect(store.ping()).resolves.toBe(true);
    });
  });

  moreTests();

  test('when a lease expires, then another takes it and the old holder can neither renew nor release it', async () => {
    const { open: openExpiring, lease, takenAt } = expiring;
    await sleep(Math.max(0, takenAt + fixture().leaseTtlMs + 300 - Date.now()));

    const taker = await openExpiring().acquireLease('jobs/expiring', fixture().leaseTtlMs);

    expect(taker).toBeDefined();
    await expect(lease.renew()).resolves.toBe(false);
    await lease.release();
    await expect(openExpiring().acquireLease('jobs/expiring', fixture().leaseTtlMs)).resolves.toBe(
      undefined,
    );
    await expect(taker!.renew()).resolves.toBe(true);
    await taker!.release();
  });
}
