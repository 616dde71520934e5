import { readConfig } from '../../src/config';

const valid = {
  TENANT_ID: '0b7a5a2e-4c8e-4d5a-9f1e-2a3b4c5d6e7f',
  GRAPH_CLIENT_ID: '5f0e9d1c-2b3a-4c5d-8e7f-6a5b4c3d2e1f',
  GRAPH_CLIENT_SECRET: 'inspector-secret-value-1234',
  INBOUND_AUTH: 'off',
};

describe('notification settings', () => {
  it('when nothing is set, then the documented defaults apply', () => {
    const result = readConfig(valid);
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.config.notifications).toEqual({
      watchedAppIds: [],
      secretExpirySchedule: '0 * * * *',
      ingestionSchedule: '*/15 * * * *',
      ingestionDigestSchedule: '0 8 * * *',
      scheduleTimezone: 'UTC',
      ingestionBacklogMinutes: 60,
      ingestionBatchesInFlight: 4,
      sendRetryAfterCapSeconds: 60,
      sendMaxAttempts: 5,
    });
  });

  it('when schedules are off or custom, then they are taken as given', () => {
    const result = readConfig({
      ...valid,
      SECRET_EXPIRY_SCHEDULE: 'off',
      INGESTION_SCHEDULE: '*/5 * * * *',
      SCHEDULE_TIMEZONE: 'Europe/Prague',
      WATCHED_APP_IDS: '11111111-2222-4333-8444-555555555555',
    });
    if (!result.ok) throw new Error(result.problems.join('; '));
    expect(result.config.notifications).toMatchObject({
      secretExpirySchedule: undefined,
      ingestionSchedule: '*/5 * * * *',
      scheduleTimezone: 'Europe/Prague',
      watchedAppIds: ['11111111-2222-4333-8444-555555555555'],
    });
  });

  it('when every notification setting is wrong, then each problem is listed with its fix', () => {
    const result = readConfig({
      ...valid,
      WATCHED_APP_IDS: 'pcemail',
      SECRET_EXPIRY_SCHEDULE: 'every hour',
      INGESTION_SCHEDULE: '61 * * * *',
      SCHEDULE_TIMEZONE: 'Mars/Olympus',
      INGESTION_BACKLOG_MINUTES: '0',
      INGESTION_BATCHES_IN_FLIGHT: '99',
      NOTIFY_RETRY_AFTER_CAP_SECONDS: '-1',
      NOTIFY_MAX_ATTEMPTS: 'many',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.join('\n');
    for (const name of [
      'WATCHED_APP_IDS',
      'SECRET_EXPIRY_SCHEDULE',
      'INGESTION_SCHEDULE',
      'SCHEDULE_TIMEZONE',
      'INGESTION_BACKLOG_MINUTES',
      'INGESTION_BATCHES_IN_FLIGHT',
      'NOTIFY_RETRY_AFTER_CAP_SECONDS',
      'NOTIFY_MAX_ATTEMPTS',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(
      /INGESTION_SCHEDULE is "61 \* \* \* \*": not a cron expression .*; use a cron expression such as "\*\/15 \* \* \* \*", or off/,
    );
  });
});
