/**
 * Describes why a request got no answer (timeout, reset, refused) in a few words. The Graph SDK
 * wraps fetch failures in its own error, so the innermost cause is the one described.
 */
export function describeTransportError(error: unknown): string {
  const cause = rootCause(error);
  if (cause instanceof Error) {
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError')
      return 'the request timed out';
    const code = (cause as { code?: string }).code;
    if (code) return `connection failed (${code})`;
  }
  return 'connection failed';
}

function rootCause(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    const next = (current as { cause?: unknown } | null)?.cause;
    if (!next) break;
    current = next;
  }
  return current;
}
