/**
 * The longest one permission check may take, from the Graph policy (docs/SECURITY.md, "Denial of
 * service"). Its waits are sequential stages: the inspector's sign-in; the first read wave; the
 * second (grants, and a principal re-lookup when PCEmail is found by name). PCEmail's own sign-in
 * and its mailbox wave run beside those. Each stage is at most (retries + 1) attempts of at most
 * one timeout, with at most `retries` capped Retry-After waits between them (instant in tests).
 * This holds for unpaged answers; each @odata.nextLink page adds a stage.
 */
export const CHECK_STAGES = 4;

/** Time for the turn around the check: routing, rendering, the replies to the fake connector. */
const TURN_SLACK_MS = 1500;

export function checkBoundMs(policy: {
  timeoutMs: number;
  maxRetries: number;
  retryAfterCapSeconds?: number;
}): number {
  const perStage =
    (policy.maxRetries + 1) * policy.timeoutMs +
    policy.maxRetries * (policy.retryAfterCapSeconds ?? 0) * 1000;
  return CHECK_STAGES * perStage + TURN_SLACK_MS;
}
