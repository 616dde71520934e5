import type { Benchmark } from './benchmark';
import { checkRoundTrips } from './check/check-round-trips';
import { notificationFanOut } from './notifications/fan-out';
import { ingestionSweep } from './notifications/ingestion-sweep';
import { loadBenchmark } from './load/load-benchmark';
import { soakBenchmark } from './load/soak-benchmark';

/** Every benchmark `npm run bench` runs, in order. */
export const BENCHMARKS: Benchmark[] = [
  checkRoundTrips,
  loadBenchmark,
  ingestionSweep,
  notificationFanOut,
];

/** Run only when named (`npm run bench -- soak`): too long for every run. */
export const ON_DEMAND_BENCHMARKS: Benchmark[] = [soakBenchmark];
