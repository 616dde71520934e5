import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startSimulator } from '../../src/simulator';
import { environment, mib, type Benchmark } from '../benchmark';
import { spawnBot, type MemorySample } from './bot-process';
import { productNodeFlags } from './product-node-flags';
import { NullConnector } from './null-connector';

const MINUTES = Number(process.env.SOAK_MINUTES ?? '10');
const RATE_PER_SECOND = 40;
/** The first fifth of the run is warm-up (JIT, caches, pools) and is left out of the trend. */
const WARMUP_SHARE = 0.2;
/** "Flat": what the heap and RSS may grow per minute of steady load. */
const MAX_HEAP_SLOPE_MIB_PER_MIN = 0.5;
const MAX_RSS_SLOPE_MIB_PER_MIN = 1;

/**
 * `npm run bench -- soak` (not in the default list): ten minutes of steady `help` and `check`
 * traffic at a fixed rate against one bot process; its RSS and heap are sampled every second
 * (a GC is asked for every 10 s so heap samples show what is retained) and their trend reported.
 */
export const soakBenchmark: Benchmark = {
  name: 'soak',
  description: `${MINUTES}-minute soak: ${RATE_PER_SECOND} req/s of help and check; memory trend`,
  async run() {
    const connector = await new NullConnector().start();
    const simulator = await startSimulator({ scenario: 'demo', seed: 1 });
    const stateDir = mkdtempSync(path.join(tmpdir(), 'pcemail-soak-'));
    const tenantId = simulator.productEnv().TENANT_ID ?? '';
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...simulator.productEnv(),
      STATE_DIR: stateDir,
      NODE_ENV: 'production',
      // A live tenant without BOT_ID starts only with inbound auth off, on 127.0.0.1 (as here).
      INBOUND_AUTH: 'off',
    };
    delete env.BOT_ID;
    const body = (text: string) =>
      JSON.stringify({
        type: 'message',
        id: 'soak-1',
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: '29:soak-user' },
        recipient: { id: '28:pcemail-ops' },
        conversation: { id: 'a:soak', conversationType: 'personal', tenantId },
        channelData: { tenant: { id: tenantId } },
        text,
      });
    const bot = await spawnBot(path.join(__dirname, '..', '..', 'src', 'index.js'), env, {
      sampleMs: 1000,
      nodeFlags: productNodeFlags(),
    });
    const gcTimer = setInterval(() => bot.gc(), 10_000);
    try {
      const result = await autocannon({
        url: `${bot.url}/api/messages`,
        connections: 4,
        overallRate: RATE_PER_SECOND,
        duration: MINUTES * 60,
        requests: [
          { method: 'POST', headers: { 'content-type': 'application/json' }, body: body('help') },
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: body('check pcemail permissions'),
          },
        ],
      });
      const loadEndedAt = Date.now();
      const startedAt = bot.samples[0]?.at ?? 0;
      const steady = retained(
        bot.samples.filter(
          (s) => s.at >= startedAt + MINUTES * 60_000 * WARMUP_SHARE && s.at <= loadEndedAt,
        ),
      );
      const rssSlope = slopePerMinute(steady, (s) => s.rss);
      const heapSlope = slopePerMinute(steady, (s) => s.heapUsed);
      const first = steady[0];
      const last = steady.at(-1);
      const failures = result.errors + result.timeouts + result.non2xx;
      const pass =
        failures === 0 &&
        heapSlope <= MAX_HEAP_SLOPE_MIB_PER_MIN &&
        rssSlope <= MAX_RSS_SLOPE_MIB_PER_MIN;
      return {
        target: `no failed request; after warm-up heap grows ≤ ${MAX_HEAP_SLOPE_MIB_PER_MIN} MiB/min and RSS ≤ ${MAX_RSS_SLOPE_MIB_PER_MIN} MiB/min`,
        pass,
        summary: [
          `${result.requests.total} requests in ${MINUTES} min (${Math.round(result.requests.average)} req/s), ${failures} failed`,
          `RSS ${mib(first?.rss ?? 0)} → ${mib(last?.rss ?? 0)} MiB, slope ${rssSlope} MiB/min`,
          `heap ${mib(first?.heapUsed ?? 0)} → ${mib(last?.heapUsed ?? 0)} MiB, slope ${heapSlope} MiB/min`,
        ],
        figures: {
          minutes: MINUTES,
          ratePerSecond: RATE_PER_SECOND,
          requests: result.requests.total,
          failures,
          rssSlopeMiBPerMin: rssSlope,
          heapSlopeMiBPerMin: heapSlope,
          samples: bot.samples.map((s) => ({
            t: Math.round((s.at - (bot.samples[0]?.at ?? 0)) / 1000),
            rssMiB: mib(s.rss),
            heapMiB: mib(s.heapUsed),
          })),
        },
        environment: environment(),
      };
    } finally {
      clearInterval(gcTimer);
      await bot.stop();
      await simulator.close();
      await connector.stop();
      rmSync(stateDir, { recursive: true, force: true });
    }
  },
};

/**
 * What the process retains: per 10-second window (one forced GC each), the lowest RSS and heap seen.
 * Samples between collections hold garbage and would make the trend follow the traffic instead.
 */
export function retained(samples: readonly MemorySample[]): MemorySample[] {
  const windows = new Map<number, MemorySample>();
  for (const sample of samples) {
    const key = Math.floor(sample.at / 10_000);
    const low = windows.get(key);
    windows.set(key, {
      at: low?.at ?? sample.at,
      rss: Math.min(low?.rss ?? Infinity, sample.rss),
      heapUsed: Math.min(low?.heapUsed ?? Infinity, sample.heapUsed),
    });
  }
  return [...windows.values()];
}

/** Least-squares slope of a memory series, in MiB per minute. */
export function slopePerMinute(
  samples: readonly MemorySample[],
  value: (s: MemorySample) => number,
): number {
  if (samples.length < 2) return 0;
  const xs = samples.map((s) => s.at / 60_000);
  const ys = samples.map((s) => value(s) / 1024 / 1024);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] ?? 0) - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : Math.round((num / den) * 100) / 100;
}
