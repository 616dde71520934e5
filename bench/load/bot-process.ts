import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface MemorySample {
  at: number;
  rss: number;
  heapUsed: number;
}

export interface BotProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the port being known. */
  startedMs: number;
  samples: MemorySample[];
  /** Asks the process to collect garbage (it runs with --expose-gc). */
  gc(): void;
  stop(): Promise<void>;
}

const REPORTER = path.join(__dirname, 'memory-reporter.js');

/**
 * Spawns a bot (`node -r memory-reporter.js entry`) and waits until it prints its port: the echo
 * bot prints {"port":N}, the product logs a JSON line with "port":N.
 */
export async function spawnBot(
  entry: string,
  env: NodeJS.ProcessEnv,
  options: { sampleMs?: number; nodeFlags?: string[] } = {},
): Promise<BotProcess> {
  const spawnedAt = performance.now();
  const args = ['--expose-gc', ...(options.nodeFlags ?? []), '-r', REPORTER, entry];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...env, PORT: '0', MEMORY_SAMPLE_MS: String(options.sampleMs ?? 100) },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const samples: MemorySample[] = [];
  child.on('message', (message: { kind?: string } & MemorySample) => {
    if (message.kind === 'memory')
      samples.push({ at: message.at, rss: message.rss, heapUsed: message.heapUsed });
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${output}`)), 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (output.length < 100_000) output += chunk.toString('utf8');
      const match = /"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      if (output.length < 100_000) output += chunk.toString('utf8');
    });
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}:\n${output}`)));
  });
  const startedMs = performance.now() - spawnedAt;
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    startedMs,
    samples,
    gc: () => child.send?.({ kind: 'gc' }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

export function peakRss(samples: readonly MemorySample[]): number {
  return samples.reduce((peak, s) => Math.max(peak, s.rss), 0);
}
