import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSimulator } from '../../src/simulator';
import { environment, mib, type Benchmark } from '../benchmark';
import { peakRss, spawnBot } from './bot-process';
import { productNodeFlags } from './product-node-flags';
import { measureColdStart } from './cold-start';
import { drive, type LoadFigures } from './drive';
import { NullConnector } from './null-connector';

const SECONDS = Number(process.env.LOAD_SECONDS ?? '10');
const CONNECTIONS = 10;
const WARMUP_SECONDS = 2;
const COLD_STARTS = 5;
/** Long enough for V8's memory reducer to run on an idle process (it did by ~25 s here). */
const IDLE_SECONDS = 30;
const IDLE_RSS_TARGET_BYTES = 150 * 1000 * 1000;

const ECHO_ENTRY = path.join(__dirname, 'echo-bot.js');
const PRODUCT_ENTRY = path.join(__dirname, '..', '..', 'src', 'index.js');

interface CaseFigures extends LoadFigures {
  peakRssMiB: number;
  peakHeapMiB: number;
  repliesSent: number;
}

/**
 * Issue 7's load targets: `help` at ≥ 80 % of a bare echo bot's throughput, cold start to /readyz
 * under 2 s, idle RSS under 150 MB. Each bot runs in its own process on loopback, answers a null
 * connector, and is driven by autocannon from this process for the same time with the same shape.
 */
export const loadBenchmark: Benchmark = {
  name: 'load',
  description: `/api/messages under load (autocannon, ${CONNECTIONS} connections, ${SECONDS} s per case) vs a bare echo bot; cold start; idle RSS`,
  async run() {
    const connector = await new NullConnector().start();
    const simulator = await startSimulator({ scenario: 'demo', seed: 1 });
    const stateDir = mkdtempSync(path.join(tmpdir(), 'pcemail-bench-'));
    const tenantId = simulator.productEnv().TENANT_ID ?? '';
    const baseEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const name of ['BOT_ID', 'BOT_PASSWORD', 'TENANT_ID', 'LOG_LEVEL']) delete baseEnv[name];
    // A live tenant without BOT_ID starts only with inbound auth off, on 127.0.0.1 (as here).
    baseEnv.INBOUND_AUTH = 'off';
    const activity = (text: string): Record<string, unknown> => ({
      type: 'message',
      id: 'bench-1',
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: '29:bench-user', aadObjectId: '6b0f3d52-41e2-4f6f-9a3e-0c2f7f1e2a11' },
      recipient: { id: '28:pcemail-ops' },
      conversation: { id: 'a:bench', conversationType: 'personal', tenantId },
      channelData: { tenant: { id: tenantId } },
      text,
    });

    const runCase = async (
      entry: string,
      env: NodeJS.ProcessEnv,
      text: string,
    ): Promise<CaseFigures> => {
      const nodeFlags = entry === PRODUCT_ENTRY ? productNodeFlags() : [];
      const bot = await spawnBot(entry, env, { sampleMs: 50, nodeFlags });
      try {
        await drive(bot.url, activity(text), WARMUP_SECONDS, CONNECTIONS);
        const before = connector.received;
        const figures = await drive(bot.url, activity(text), SECONDS, CONNECTIONS);
        return {
          ...figures,
          peakRssMiB: mib(peakRss(bot.samples)),
          peakHeapMiB: mib(Math.max(...bot.samples.map((s) => s.heapUsed))),
          repliesSent: connector.received - before,
        };
      } finally {
        await bot.stop();
      }
    };

    try {
      const productEnv = {
        ...baseEnv,
        ...simulator.productEnv(),
        STATE_DIR: stateDir,
        NODE_ENV: 'production',
      };
      const echoBefore = await runCase(ECHO_ENTRY, baseEnv, 'help');
      const help = await runCase(PRODUCT_ENTRY, productEnv, 'help');
      const check = await runCase(PRODUCT_ENTRY, productEnv, 'check pcemail permissions');
      const echoAfter = await runCase(ECHO_ENTRY, baseEnv, 'help');
      const echo = averageOf(echoBefore, echoAfter);

      const cold = [];
      for (let i = 0; i < COLD_STARTS; i++)
        cold.push(await measureColdStart(baseEnv, stateDir, i === 0 ? IDLE_SECONDS : 0));
      const readyMs = cold.map((c) => c.readyMs).sort((a, b) => a - b);
      const coldStartMedianMs = readyMs[Math.floor(readyMs.length / 2)] ?? 0;
      const coldStartMaxMs = readyMs.at(-1) ?? 0;
      const idleRssBytes = cold[0]?.idleRssBytes ?? 0;
      const idleRssMiB = mib(idleRssBytes);
      const readyRssMiB = mib(cold[0]?.readyRssBytes ?? 0);

      const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100) / 100);
      const ratios = (c: CaseFigures) => ({
        throughput: ratio(c.requestsPerSecond, echo.requestsPerSecond),
        p50: ratio(c.p50Ms, echo.p50Ms),
        p99: ratio(c.p99Ms, echo.p99Ms),
        peakRss: ratio(c.peakRssMiB, echo.peakRssMiB),
      });
      const helpRatios = ratios(help);
      const checkRatios = ratios(check);
      const clean = [echoBefore, echoAfter, help, check].every(
        (c) => c.errors === 0 && c.non2xx === 0,
      );
      const pass =
        clean &&
        helpRatios.throughput >= 0.8 &&
        coldStartMaxMs < 2000 &&
        idleRssBytes < IDLE_RSS_TARGET_BYTES;
      const line = (name: string, c: CaseFigures, r?: ReturnType<typeof ratios>) =>
        `${name.padEnd(6)} ${String(c.requestsPerSecond).padStart(6)} req/s  p50 ${c.p50Ms} ms  p99 ${c.p99Ms} ms  peak RSS ${c.peakRssMiB} MiB (heap ${c.peakHeapMiB})` +
        (r
          ? `  → ×${r.throughput} throughput, ×${r.p50} p50, ×${r.p99} p99, ×${r.peakRss} peak RSS of echo`
          : '') +
        (c.errors || c.non2xx ? `  (${c.errors} errors, ${c.non2xx} non-2xx)` : '');
      return {
        target:
          'help ≥ 80 % of echo throughput; cold start to /readyz < 2 s; idle RSS < 150 MB; no errors',
        pass,
        summary: [
          line('echo', echo),
          line('help', help, helpRatios),
          line('check', check, checkRatios),
          `cold start to /readyz (simulated tenant): median ${coldStartMedianMs} ms, max ${coldStartMaxMs} ms of ${COLD_STARTS}`,
          `idle RSS ${idleRssMiB} MiB = ${Math.round(idleRssBytes / 1e6)} MB ${IDLE_SECONDS} s after ready (${readyRssMiB} MiB 1 s after ready; simulated tenant in the same process)`,
        ],
        figures: {
          seconds: SECONDS,
          connections: CONNECTIONS,
          echo: { before: echoBefore, after: echoAfter, average: echo },
          help: { ...help, ratios: helpRatios },
          check: { ...check, ratios: checkRatios },
          coldStartMs: readyMs,
          coldStartMedianMs,
          coldStartMaxMs,
          idleRssMiB,
          readyRssMiB,
        },
        environment: environment(),
      };
    } finally {
      await simulator.close();
      await connector.stop();
      rmSync(stateDir, { recursive: true, force: true });
    }
  },
};

function averageOf(a: CaseFigures, b: CaseFigures): CaseFigures {
  const mean = (x: number, y: number) => Math.round(((x + y) / 2) * 10) / 10;
  return {
    requestsPerSecond: Math.round((a.requestsPerSecond + b.requestsPerSecond) / 2),
    p50Ms: mean(a.p50Ms, b.p50Ms),
    p99Ms: mean(a.p99Ms, b.p99Ms),
    requests: a.requests + b.requests,
    errors: a.errors + b.errors,
    non2xx: a.non2xx + b.non2xx,
    peakRssMiB: Math.max(a.peakRssMiB, b.peakRssMiB),
    peakHeapMiB: Math.max(a.peakHeapMiB, b.peakHeapMiB),
    repliesSent: a.repliesSent + b.repliesSent,
  };
}
