import { Cron } from 'croner';
import { errorMessage } from '../domain/product-error';

/**
 * Cron schedules of the in-process jobs, read with croner (5 or 6 fields, IANA time zones, DST
 * handled); only the next run time is taken from it — the timers are ours, on an injectable clock.
 */
export function nextRunAfter(expression: string, after: Date, timezone: string): Date | undefined {
  const next = new Cron(expression, { paused: true, timezone }).nextRun(after);
  return next ?? undefined;
}

export const DEFAULT_SCHEDULE_TIMEZONE = 'UTC';

/** Why the expression is no schedule, in words; undefined when it is one. */
export function describeScheduleProblem(expression: string): string | undefined {
  try {
    const next = new Cron(expression, { paused: true }).nextRun(new Date());
    return next ? undefined : 'it never runs';
  } catch (error) {
    return `not a cron expression (${errorMessage(error).replace(/^CronPattern: /, '')})`;
  }
}

export function describeTimezoneProblem(timezone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return undefined;
  } catch {
    return 'not a known time zone';
  }
}

/** `2025-03-04` in the given time zone: the digest's day, so one digest per channel per day. */
export function dayIn(time: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(time);
  return parts;
}
