import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '../../src/cards';
import { succeeded } from '../../src/domain';
import type { Notifier, PostOutcome } from '../../src/ports/notifier';
import { runSecretExpiry } from '../../src/monitor/secret-expiry-job';
import { stateSubscriptions } from '../../src/store/state-subscriptions';
import type { RunningServer } from '../../src/server';
import { startBot } from '../../src/start-bot';
import { BlobStateStore } from '../../src/store';
import { startAzurite, type Azurite } from '../support/azurite';
import { startHarness, TEST_USER, type BotHarness } from '../support/bot-harness';
import { cardText } from '../support/card-text';
import { capturingLogger } from '../support/log-capture';
import { channel } from '../monitor/support/conversations';
import {
  editTenant,
  inChannel,
  JOBS_KEY,
  manualClock,
  postsTo,
  runJob,
  subscribeChannels,
  TWO_SECRET_APP,
} from '../monitor/support/notification-helpers';

const ADMINS = '19:pcemail-admins@thread.tacv2';
const OPS = '19:ops-alerts@thread.tacv2';

let azurite: Azurite | undefined;
let harness: BotHarness | undefined;
let second: RunningServer | undefined;

beforeAll(async () => {
  azurite = await startAzurite();
}, 60_000);
afterAll(async () => {
  await azurite?.stop();
});
afterEach(async () => {
  await second?.close();
  await harness?.stop();
  second = undefined;
  harness = undefined;
});

const blobEnv = () => ({
  STATE_STORE: 'blob',
  AZURE_STORAGE_CONNECTION_STRING: azurite!.connectionString,
  STATE_CONTAINER: `notify-${randomUUID().slice(0, 8)}`,
});

describe('two bot instances sharing Azure Blob state (Azurite)', () => {
  it('when both run every job at the same moments, then every reminder and every ingestion change is posted exactly once per channel', async () => {
    const clock = manualClock();
    harness = await startHarness({
      scenario: 'secret-expiring',
      now: clock.now,
      env: { JOBS_KEY, APPROVERS: TEST_USER.aadObjectId, ...blobEnv() },
    });
    clock.set(Date.now());
    const h = harness;
    second = await startBot(h.config, {
      logger: capturingLogger().logger,
      port: 0,
      now: clock.now,
      sleep: () => Promise.resolve(),
    });
    await h.say('notify here', inChannel(h, ADMINS));
    await h.say('notify here', inChannel(h, OPS));
    // PCEmail keeps up: no unread mail grows old while the test moves the clock by days.
    for (const address of h.simulator.scenario.mailboxes)
      await editTenant(h.simulator, 'read-all', { address });

    const everyJobOnBoth = async () => {
      const reports = await Promise.all(
        [h.server, second!].flatMap((server) =>
          ['secret-expiry', 'ingestion-status', 'secret-expiry', 'ingestion-status'].map((job) =>
            runJob({ server }, job),
          ),
        ),
      );
      // The lease lets one caller per job (and lease) work at a time; the others report ran: false.
      expect(reports.some((r) => r.ran)).toBe(true);
    };

    await everyJobOnBoth(); // 19 days left: the 30-day reminder
    await editTenant(h.simulator, 'scope', { address: 'sales@contoso.example', inScope: false });
    clock.advanceDays(7); // 12 days: the 14-day reminder; sales failing
    await everyJobOnBoth();
    await everyJobOnBoth();
    await editTenant(h.simulator, 'scope', { address: 'sales@contoso.example', inScope: true });
    clock.advanceDays(10); // 2 days: the 3-day reminder; sales recovered
    await everyJobOnBoth();
    await everyJobOnBoth();

    for (const target of [ADMINS, OPS]) {
      const texts = postsTo(h.connector, target).map((card) => cardText(card));
      const reminders = texts.filter((t) => /client secret expires/.test(t));
      expect(reminders).toEqual([
        expect.stringMatching(/19 days/),
        expect.stringMatching(/12 days/),
        expect.stringMatching(/2 days/),
      ]);
      const failing = texts.filter((t) =>
        /sales@contoso\.example\nFAILING \(was HEALTHY\)/.test(t),
      );
      const recovered = texts.filter((t) => /sales@contoso\.example\nRECOVERED/.test(t));
      expect(failing).toHaveLength(1);
      expect(recovered).toHaveLength(1);
      const baselines = texts.filter((t) =>
        /Mailbox ingestion: watching 3 PCEmail mailboxes/.test(t),
      );
      expect(baselines).toHaveLength(1);
      expect(texts.filter((t) => /Mailbox ingestion/.test(t))).toHaveLength(3);
    }
  }, 60_000);

  it('when two instances with their own blob clients run the reminder job without any lease, then the ledger claims still post each reminder once', async () => {
    const container = `claims-${randomUUID().slice(0, 8)}`;
    const stores = [0, 1].map(
      () => new BlobStateStore({ connectionString: azurite!.connectionString, container }),
    );
    const now = () => new Date('2025-06-01T08:00:00Z');
    const channels = Array.from({ length: 20 }, (_, i) => channel(i));
    await subscribeChannels(stores[0]!, channels, now());
    const delivered: string[] = [];
    const notifier: Notifier = {
      async post(conversation, card: AdaptiveCard): Promise<PostOutcome> {
        await new Promise((resolve) => setTimeout(resolve, 2));
        delivered.push(`${conversation.key} ${card.fallbackText ?? ''}`);
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
        concurrency: 8,
      });

    await Promise.all([run(0), run(1), run(0), run(1)]);
    expect(delivered).toHaveLength(40); // 20 channels × 2 credentials
    expect(new Set(delivered).size).toBe(40);
    await Promise.all([run(0), run(1)]);
    expect(delivered).toHaveLength(40);
  }, 60_000);
});
