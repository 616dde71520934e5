/**
 * Preloaded into a benchmarked bot (`node -r memory-reporter.js …`): reports the process's own RSS
 * and heap to the benchmark over the IPC channel, so peaks and trends are read without touching
 * the bot's code. Does nothing when there is no IPC channel.
 */
const SAMPLE_MS = Number(process.env.MEMORY_SAMPLE_MS ?? '100');

if (process.send) {
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    process.send?.({ kind: 'memory', at: Date.now(), rss: usage.rss, heapUsed: usage.heapUsed });
  }, SAMPLE_MS);
  timer.unref();
  process.on('message', (message: { kind?: string }) => {
    if (message.kind === 'gc' && typeof global.gc === 'function') global.gc();
  });
  process.channel?.unref();
}
