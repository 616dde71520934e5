/**
 * A Retry-After header in milliseconds: delay-seconds or an HTTP date
 * (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after); undefined when absent or unreadable.
 * Graph and Teams both send it with 429 and 503. `nowMs` is the caller's clock (a date is relative to it).
 */
export function parseRetryAfterMs(raw: unknown, nowMs: number): number | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const seconds = Number(raw.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  // An HTTP date names its weekday and month; bare numbers ("-5") are not dates.
  if (!/[a-z]/i.test(raw)) return undefined;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
