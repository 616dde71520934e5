import { DEFAULT_SCHEDULE_TIMEZONE } from '../jobs/cron-schedule';
import { cron, guidList, integer, splitList, timezone, type Parser } from './parsers';
import { group } from './setting';

const DEFAULT_REMINDER_DAYS = [30, 14, 7, 3, 1, 0];

/** Whole days from 0 to 365, without duplicates, longest first. */
const reminderDays: Parser<number[]> = (raw, { name, problems }) => {
  const items = splitList(raw);
  if (items.length === 0) return DEFAULT_REMINDER_DAYS;
  const days = items.map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 365)) {
    problems.push(
      `${name} must be whole numbers of days from 0 to 365, separated by commas (e.g. 30,14,7,3,1,0).`,
    );
    return DEFAULT_REMINDER_DAYS;
  }
  return [...new Set(days)].sort((a, b) => b - a);
};

const jobsKey: Parser<string | undefined> = (raw, { name, problems }) => {
  if (raw !== undefined && raw.length < 16) {
    problems.push(
      `${name} is shorter than 16 characters: use a long random value (e.g. openssl rand -hex 32).`,
    );
  }
  return raw;
};

export const NOTIFICATION_SETTINGS = group('Reminders and jobs', {
  EXPIRY_REMINDER_DAYS: {
    doc: 'days before a client secret or certificate expires at which a reminder is posted',
    defaultText: '`30,14,7,3,1,0`',
    parse: reminderDays,
  },
  JOBS_KEY: {
    doc: 'enables the job endpoints (`POST /api/jobs/<name>`, `Authorization: Bearer <JOBS_KEY>`) for external schedulers (≥ 16 characters)',
    defaultText: 'unset',
    secret: true,
    parse: jobsKey,
  },
  WATCHED_APP_IDS: {
    doc: 'further app ids whose secrets and certificates get reminders (PCEmail is always watched)',
    defaultText: 'empty',
    parse: guidList('the Application (client) ID of an app registration to watch'),
  },
  SECRET_EXPIRY_SCHEDULE: {
    doc: 'cron of the secret-expiry job, or `off`',
    defaultText: '`0 * * * *`',
    parse: cron('0 * * * *'),
  },
  INGESTION_SCHEDULE: {
    doc: 'cron of the ingestion sweep, or `off`',
    defaultText: '`*/15 * * * *`',
    parse: cron('*/15 * * * *'),
  },
  INGESTION_DIGEST_SCHEDULE: {
    doc: 'cron of the daily ingestion digest, or `off`',
    defaultText: '`0 8 * * *`',
    parse: cron('0 8 * * *'),
  },
  SCHEDULE_TIMEZONE: {
    doc: "IANA time zone of the schedules and of the digest's day",
    defaultText: `\`${DEFAULT_SCHEDULE_TIMEZONE}\``,
    parse: timezone(DEFAULT_SCHEDULE_TIMEZONE),
  },
  INGESTION_BACKLOG_MINUTES: {
    doc: 'unread mail older than this makes a mailbox degraded (1–10080)',
    defaultText: '`60`',
    parse: integer(60, 1, 10_080),
  },
  INGESTION_BATCHES_IN_FLIGHT: {
    doc: '`$batch` requests in flight during a sweep (1–16)',
    defaultText: '`4`',
    parse: integer(4, 1, 16),
  },
  NOTIFY_RETRY_AFTER_CAP_SECONDS: {
    doc: 'longest Retry-After a Teams send waits (0–600)',
    defaultText: '`60`',
    parse: integer(60, 0, 600),
  },
  NOTIFY_MAX_ATTEMPTS: {
    doc: 'attempts per Teams message (1–10)',
    defaultText: '`5`',
    parse: integer(5, 1, 10),
  },
});
