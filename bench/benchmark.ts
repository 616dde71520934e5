/** One benchmark: runs on its own, returns its figures and whether it met its target. */
export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchmarkResult>;
}

export interface BenchmarkResult {
  /** The target the issue sets, in words. */
  target: string;
  pass: boolean;
  /** Lines for the console and docs/PERFORMANCE.md. */
  summary: string[];
  figures: Record<string, unknown>;
  environment: { node: string; platform: string; cpus: number; date: string };
}

export function environment(): BenchmarkResult['environment'] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- os is only needed here
  const os = require('node:os') as typeof import('node:os');
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    date: new Date().toISOString(),
  };
}

/** Samples RSS and heap while `work` runs; returns the peaks in MiB. */
export async function withPeakMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; peakRssMiB: number; peakHeapMiB: number }> {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }, 10);
  try {
    const result = await work();
    return { result, peakRssMiB: mib(peakRss), peakHeapMiB: mib(peakHeap) };
  } finally {
    clearInterval(timer);
  }
}

export function mib(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
