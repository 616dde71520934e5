/** A request as the stand-in logged it: when it arrived and when it was answered. */
export interface TimedRequest {
  startMs: number;
  endMs: number;
}

/**
 * Sequential round trips = the longest chain of requests where each starts only after the one
 * before it was answered (requests in flight together count once).
 */
export function sequentialRoundTrips(requests: readonly TimedRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.startMs - b.startMs);
  const chain: number[] = [];
  sorted.forEach((request, i) => {
    let longest = 0;
    for (let j = 0; j < i; j++) {
      if ((sorted[j]?.endMs ?? Infinity) <= request.startMs)
        longest = Math.max(longest, chain[j] ?? 0);
    }
    chain.push(longest + 1);
  });
  return Math.max(0, ...chain);
}
