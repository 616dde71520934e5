import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '../../src/cards';
import { succeeded } from '../../src/domain';
import type { Notifier, PostOutcome } from '../../src/ports/notifier';
import { runSecretExpiry } from '../../src/monitor/secret-expiry-job';
import { stateSubscriptions } from '../../src/store/state-subscriptions';
import { BlobStateStore } from '../../src/store';
import { startAzurite, type Azurite } from '../support/azurite';
import { capturingLogger } from '../support/log-capture';
import { channel } from '../monitor/support/conversations';
import { subscribeChannels, TWO_SECRET_APP } from '../monitor/support/notification-helpers';

let azurite: Azurite | undefined;
let folder = '';

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'azurite-restart-'));
  azurite = await startAzurite({ location: folder });
}, 60_000);
afterAll(async () => {
  await azurite?.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('reminders while Azure Storage restarts (Azurite on disk, fixed port)', () => {
  it('when Azurite restarts in the middle of two instances sending reminders, then after the next run every reminder reached its channel exactly once', async () => {
    const container = `restart-${randomUUID().slice(0, 8)}`;
    const connectionString = azurite!.connectionString;
    const stores = [0, 1].map(() => new BlobStateStore({ connectionString, container }));
    const now = () => new Date('2025-06-01T08:00:00Z');
    const channels = Array.from({ length: 30 }, (_, i) => channel(i));
    await subscribeChannels(stores[0]!, channels, now());
    const delivered: string[] = [];
    let sendsUnderWay: () => void = () => undefined;
    const fanOutStarted = new Promise<void>((resolve) => (sendsUnderWay = resolve));
    const notifier: Notifier = {
      async post(conversation, card: AdaptiveCard): Promise<PostOutcome> {
        // Slow enough that the restart lands while sends are in flight.
        await new Promise((resolve) => setTimeout(resolve, 15));
        delivered.push(`${conversation.key} ${card.fallbackText ?? ''}`);
        if (delivered.length === 5) sendsUnderWay();
        return { ok: true, activityId: randomUUID() };
      },
      update: () => Promise.resolve({ ok: true, activityId: 'x' }),
    };
    const run = (index: number) =>
      runSecretExpiry({
        store: stores[index]!,
        subscriptions: stateSubscriptions(stores[index]!),
        notifier,
        credentials: { read: () => Promise.resolve([succeeded([TWO_SECRET_APP])]) },
        now,
        thresholds: [30, 14, 7, 3, 1, 0],
        simulated: true,
        logger: capturingLogger().logger,
        concurrency: 4,
      }).catch((error: unknown) => error);

    const during = Promise.all([run(0), run(1)]);
    await fanOutStarted;
    const deliveredBeforeRestart = delivered.length;
    await azurite!.restart();
    await during;
    // The restart really fell in the middle of the fan-out.
    expect(deliveredBeforeRestart).toBeGreaterThan(0);
    expect(deliveredBeforeRestart).toBeLessThan(60);

    // The next scheduled run delivers whatever the restart interrupted, and nothing twice.
    await Promise.all([run(0), run(1)]);
    await Promise.all([run(0), run(1)]);
    expect(new Set(delivered).size).toBe(60); // 30 channels × 2 credentials
    expect(delivered).toHaveLength(60);
  }, 90_000);
});
