import path from 'node:path';
import { spawnBot } from './bot-process';

export interface ColdStart {
  /** Spawn to /readyz answering 200 (simulator started, config read, store reachable, inspector signed in). */
  readyMs: number;
  /** RSS once ready and then idle for `idleSeconds`. */
  idleRssBytes: number;
}

/** The product as an operator starts it with no tenant configured: `node …/index.js`, simulated tenant. */
export async function measureColdStart(env: NodeJS.ProcessEnv, stateDir: string, idleSeconds: number): Promise<ColdStart> {
  const entry = path.join(__dirname, '..', '..', 'src', 'index.js');
  const childEnv: NodeJS.ProcessEnv = { ...env, STATE_DIR: stateDir, NODE_ENV: 'production' };
  delete childEnv.TENANT_ID;
  delete childEnv.BOT_ID;
  const started = performance.now();
  const bot = await spawnBot(entry, childEnv, { sampleMs: 250 });
  try {
    for (;;) {
      const status = await fetch(`${bot.url}/readyz`).then((r) => r.status, () => 0);
      if (status === 200) break;
      if (performance.now() - started > 30_000) throw new Error('the bot never became ready');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const readyMs = Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000));
    const idleRssBytes = bot.samples.at(-1)?.rss ?? 0;
    return { readyMs, idleRssBytes };
  } finally {
    await bot.stop();
  }
}
