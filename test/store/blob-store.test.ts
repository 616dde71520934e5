import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BlobStateStore } from '../../src/store/blob-store';
import { ErrorCode } from '../../src/domain/product-error';
import { updateItem } from '../../src/store/state-store';
import { startAzurite, type Azurite } from '../support/azurite';
import { describeStateStoreContract } from './state-store-contract';

let azurite: Azurite;
let location: string;

beforeAll(async () => {
  // On disk and on a fixed port, so the restart test finds its data again.
  location = await mkdtemp(path.join(tmpdir(), 'pcemail-azurite-'));
  azurite = await startAzurite({ location });
});

afterAll(async () => {
  await azurite?.stop();
  await rm(location, { recursive: true, force: true });
});

function openStore(container: string, options: { pingTimeoutMs?: number } = {}): BlobStateStore {
  return new BlobStateStore({ connectionString: azurite.connectionString, container, ...options });
}

interface WriteOutcome {
  key: string;
  value: number;
  ok: boolean;
  startedAt: number;
  endedAt: number;
}

describe('BlobStateStore against Azurite', () => {
  describeStateStoreContract(
    () => ({
      freshBacking: () => {
        const container = `state-${randomUUID()}`;
        return Promise.resolve(() => openStore(container));
      },
      // Azure's shortest lease; the expiry test overlaps its wait with the tests before it.
      leaseTtlMs: 15_000,
    }),
    () => {
      test('when a container is new, then the first write creates it', async () => {
        const store = openStore(`fresh-${randomUUID()}`);

        await expect(store.list('')).resolves.toEqual([]);
        await store.put('conversations/c1', { id: 'c1' });

        await expect(store.get('conversations/c1')).resolves.toMatchObject({ value: { id: 'c1' } });
      });

      test('when a lease is asked for outside 15–60 s, then it is refused plainly', async () => {
        const store = openStore(`leases-${randomUUID()}`);

        await expect(store.acquireLease('jobs/x', 5_000)).rejects.toThrow(RangeError);
        await expect(store.acquireLease('jobs/x', 90_000)).rejects.toThrow(RangeError);
      });

      test('when Azurite restarts in the middle of writes, then every reported write is readable and none is doubled', async () => {
        const store = openStore(`restart-${randomUUID()}`, { pingTimeoutMs: 1_000 });
        const outcomes: WriteOutcome[] = [];
        let running = true;
        const writer = (async () => {
          for (let value = 0; running; value++) {
            const outcome = { key: `ledger/item-${value}`, value, startedAt: Date.now() };
            const ok = await store.put(outcome.key, { value }).then(
              () => true,
              () => false,
            );
            outcomes.push({ ...outcome, ok, endedAt: Date.now() });
          }
        })();
        const counter = (async () => {
          const counts = { done: 0, failed: 0 };
          while (running) {
            await updateItem<number>(store, 'counters/increments', (n) => (n ?? 0) + 1).then(
              () => counts.done++,
              () => counts.failed++,
            );
          }
          return counts;
        })();

        await sleep(300);
        await azurite.stop();
        const pingWhileDown = await store.ping();
        await sleep(500);
        await azurite.restart();
        const upAgainAt = Date.now();
        await sleep(300);
        running = false;
        const [, counts] = await Promise.all([writer, counter]);

        expect(pingWhileDown).toBe(false);
        await expect(store.ping()).resolves.toBe(true);
        // Writes in flight while Azurite was down, that waited for it and then landed.
        const riddenOut = outcomes.filter(
          (write) => write.ok && write.startedAt < upAgainAt && write.endedAt > upAgainAt,
        );
        expect(riddenOut.length).toBeGreaterThan(0);
        expect(outcomes.filter((write) => !write.ok)).toEqual([]);
        for (const write of outcomes.filter((candidate) => candidate.ok)) {
          await expect(store.get(write.key)).resolves.toMatchObject({
            value: { value: write.value },
          });
        }
        expect(counts.failed).toBe(0);
        expect(counts.done).toBeGreaterThan(0);
        await expect(store.get('counters/increments')).resolves.toMatchObject({
          value: counts.done,
        });
      });

      test('when storage stays unreachable, then a write fails with a store error, not silently', async () => {
        const store = new BlobStateStore({
          connectionString: azurite.connectionString.replace(
            `:${azurite.blobPort}/`,
            `:${await closedPort()}/`,
          ),
          container: 'unreachable',
          operationTimeoutMs: 1_500,
          pingTimeoutMs: 500,
        });

        await expect(store.put('ledger/x', { lost: false })).rejects.toMatchObject({
          info: { code: ErrorCode.StoreUnavailable },
        });
        await expect(store.ping()).resolves.toBe(false);
      });
    },
  );
});

/** A loopback port with nobody listening (connections are refused). */
async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}
