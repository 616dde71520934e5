import type { Benchmark } from './benchmark';
import { checkRoundTrips } from './check/check-round-trips';

/** Every benchmark `npm run bench` runs, in order. */
export const BENCHMARKS: Benchmark[] = [checkRoundTrips];
