import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { readConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { conversationKey, type StoredConversation } from '../../src/ports/conversations';
import { subscriptionKey, type Subscription } from '../../src/store/state-subscriptions';
import { startBot } from '../../src/start-bot';
import { startSimulator } from '../../src/simulator';
import { FileStateStore } from '../../src/store';
import { environment, withPeakMemory, type Benchmark } from '../benchmark';
import { TeamsLimitsConnector } from './teams-limits-connector';

const CHANNELS = 200;
const PER_TENANT_PER_SECOND = 50;
const JOBS_KEY = 'bench-jobs-key-0123456789abcdef';

/**
 * Issue 5's target: a reminder fanned out to 200 channels through a connector that enforces the
 * Teams limits finishes within 1.25× the floor those limits set: with 50 messages per second per
 * tenant, the last of 200 can be accepted (⌈200/50⌉ − 1) s = 3 s after the first.
 */
export const notificationFanOut: Benchmark = {
  name: 'notify-fanout',
  description:
    'secret-expiry reminder to 200 channels through a Teams-limits connector: wall time vs the limits floor',
  async run() {
    const simulator = await startSimulator({ scenario: 'secret-expiring' });
    const connector = await new TeamsLimitsConnector().start();
    const stateDir = mkdtempSync(path.join(tmpdir(), 'bench-fanout-'));
    try {
      const env = {
        ...simulator.productEnv(),
        STATE_DIR: stateDir,
        JOBS_KEY,
        SECRET_EXPIRY_SCHEDULE: 'off',
        INGESTION_SCHEDULE: 'off',
        INGESTION_DIGEST_SCHEDULE: 'off',
      };
      const result = readConfig(env, { simulated: true });
      if (!result.ok) throw new Error(result.problems.join('; '));
      const config = result.config;
      const store = new FileStateStore(stateDir);
      for (let i = 0; i < CHANNELS; i++) {
        const conversation = channel(i, connector.url, config.tenant.id);
        await store.put(conversation.key, conversation);
        const subscription: Subscription = {
          conversationKey: conversation.key,
          subscribedBy: 'bench',
          subscribedAt: new Date().toISOString(),
        };
        await store.put(subscriptionKey(conversation.key), subscription);
      }
      const logger = createLogger({
        level: 'warn',
        pretty: false,
        secrets: [],
        destination: new Writable({ write: (_c, _e, done) => done() }),
      });
      const bot = await startBot(config, { logger, port: 0 });
      try {
        const {
          result: run,
          peakRssMiB,
          peakHeapMiB,
        } = await withPeakMemory(async () => {
          const started = performance.now();
          const response = await fetch(`${bot.url}/api/jobs/secret-expiry`, {
            method: 'POST',
            headers: { authorization: `Bearer ${JOBS_KEY}` },
          });
          const report = (await response.json()) as { details?: { posted?: number } };
          return {
            wallMs: Math.round(performance.now() - started),
            posted: report.details?.posted ?? 0,
          };
        });
        const floorMs = (Math.ceil(CHANNELS / PER_TENANT_PER_SECOND) - 1) * 1000;
        const deliveredOnce =
          [...connector.accepted.values()].every((n) => n === 1) &&
          connector.accepted.size === CHANNELS;
        const sendSpanMs = connector.lastAt - connector.firstAt;
        const pass = deliveredOnce && run.posted === CHANNELS && run.wallMs <= floorMs * 1.25;
        return {
          target: `200 channels each get the reminder once; the job finishes within 1.25 × ${floorMs} ms (the 50/s floor)`,
          pass,
          summary: [
            `${connector.accepted.size} channels got ${[...connector.accepted.values()].reduce((a, b) => a + b, 0)} messages (${connector.throttled} answered 429${connector.throttled ? ', each retried until delivered' : ''})`,
            `job wall time ${run.wallMs} ms (floor ${floorMs} ms, ratio ${(run.wallMs / floorMs).toFixed(2)}); first to last accepted message ${sendSpanMs} ms`,
            `peak RSS ${peakRssMiB} MiB, peak heap ${peakHeapMiB} MiB (bot, connector and simulator in one process)`,
          ],
          figures: {
            channels: CHANNELS,
            floorMs,
            ...run,
            sendSpanMs,
            throttled: connector.throttled,
            peakRssMiB,
            peakHeapMiB,
          },
          environment: environment(),
        };
      } finally {
        await bot.close();
      }
    } finally {
      await connector.stop();
      await simulator.close();
      rmSync(stateDir, { recursive: true, force: true });
    }
  },
};

function channel(index: number, serviceUrl: string, tenantId: string): StoredConversation {
  const id = `19:bench-channel-${index}@thread.tacv2`;
  return {
    key: conversationKey(id),
    kind: 'channel',
    tenantId,
    label: `Bench › Channel ${index}`,
    updatedAt: new Date().toISOString(),
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id, conversationType: 'channel', tenantId, isGroup: true },
      bot: { id: '28:pcemail-ops', name: 'PCEmail Ops' },
    },
  };
}
