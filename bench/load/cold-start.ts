import path from 'node:path';
import { productNodeFlags } from './product-node-flags';
import { spawnBot } from './bot-process';

export interface ColdStart {
  /** Spawn to /readyz answering 200: simulator up, config read, store reachable, inspector signed in. */
  readyMs: number;
  /** RSS one second after ready. */
  readyRssBytes: number;
  /** RSS after `idleSeconds` without traffic (V8's memory reducer returns start-up garbage by then). */
  idleRssBytes: number;
}

/** The product as an operator starts it with no tenant configured: `node …/index.js`, simulated tenant. */
export async function measureColdStart(
  env: NodeJS.ProcessEnv,
  stateDir: string,
  idleSeconds: number,
): Promise<ColdStart> {
  const entry = path.join(__dirname, '..', '..', 'src', 'index.js');
  const childEnv: NodeJS.ProcessEnv = { ...env, STATE_DIR: stateDir, NODE_ENV: 'production' };
  delete childEnv.TENANT_ID;
  delete childEnv.BOT_ID;
  const started = performance.now();
  const bot = await spawnBot(entry, childEnv, { sampleMs: 250, nodeFlags: productNodeFlags() });
  try {
    for (;;) {
      const status = await fetch(`${bot.url}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (performance.now() - started > 30_000) throw new Error('the bot never became ready');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const readyMs = Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const readyRssBytes = bot.samples.at(-1)?.rss ?? 0;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, idleSeconds - 1) * 1000));
    const idleRssBytes = bot.samples.at(-1)?.rss ?? 0;
    return { readyMs, readyRssBytes, idleRssBytes };
  } finally {
    await bot.stop();
  }
}
