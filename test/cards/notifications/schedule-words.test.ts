import { renderNotificationsOverviewCard } from '../../../src/cards/notifications';
import {
  describeCron,
  describeReminderDays,
} from '../../../src/cards/notifications/schedule-words';
import { plural } from '../../../src/domain/plural';
import { expectValidCard } from '../../support/adaptive-card-validator';
import { cardText, rawCardText } from '../../support/card-text';

describe('schedules and reminder days in words', () => {
  it.each([
    ['0 * * * *', 'every hour'],
    ['*/15 * * * *', 'every 15 minutes'],
    ['* * * * *', 'every minute'],
    ['*/5 * * * *', 'every 5 minutes'],
    ['30 * * * *', 'every hour at 30 past'],
    ['0 */6 * * *', 'every 6 hours'],
    ['0 8 * * *', 'every day at 08:00'],
    ['30 7 * * 1-5', 'every weekday at 07:30'],
    ['0 8,17 * * *', 'every day at 08:00 and 17:00'],
    ['0 9 * * 1', 'every Monday at 09:00'],
    ['0 0 8 * * *', 'every day at 08:00'],
    ['*/15 * * * 1-5', 'every 15 minutes on weekdays'],
  ])('when the cron is "%s", then it reads "%s"', (cron, words) => {
    expect(describeCron(cron)).toBe(words);
  });

  it.each(['0 8 1 * *', '0 8 * 1 *', '5-10 * * * *', '*/90 * * * *', '*/1 * * * * *', 'nonsense'])(
    'when the cron is "%s" (a form not covered), then there are no words for it',
    (cron) => {
      expect(describeCron(cron)).toBeUndefined();
    },
  );

  it('when reminders are due at several thresholds, then they read as one sentence', () => {
    expect(describeReminderDays([30, 14, 7, 3, 1, 0])).toBe(
      '30, 14, 7, 3 and 1 days before, and on the day',
    );
    expect(describeReminderDays([1])).toBe('1 day before');
    expect(describeReminderDays([7, 30])).toBe('30 and 7 days before');
    expect(describeReminderDays([0])).toBe('on the day it expires');
  });

  it('when a count is one, then the noun is singular', () => {
    expect(plural(1, 'reminder')).toBe('1 reminder');
    expect(plural(2, 'channel')).toBe('2 channels');
    expect(plural(0, 'warning')).toBe('0 warnings');
    expect(plural(1, 'mailbox', 'mailboxes')).toBe('1 mailbox');
    expect(plural(3, 'mailbox', 'mailboxes')).toBe('3 mailboxes');
  });
});

describe('the notifications overview card', () => {
  const view = {
    simulated: false,
    channels: [],
    watchedApps: ['PCEmail'],
    reminderDays: [30, 14, 7, 3, 1, 0],
    mailboxCount: 3,
    backlogMinutes: 60,
    externalJobs: false,
    canManage: true,
  };

  it('when the schedules are the defaults, then they read in words and no cron is shown', () => {
    const card = renderNotificationsOverviewCard({
      ...view,
      schedules: {
        secretExpiry: '0 * * * *',
        ingestion: '*/15 * * * *',
        digest: '0 8 * * *',
        timezone: 'UTC',
      },
    });
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/30, 14, 7, 3 and 1 days before, and on the day/);
    expect(text).toMatch(/Checked every hour\./);
    expect(text).toMatch(/Swept every 15 minutes\./);
    expect(text).toMatch(/once a day: every day at 08:00\./);
    expect(text).not.toMatch(/\* \*/);
  });

  it('when a schedule has no words, then its cron is shown literally in a code font, never escaped', () => {
    const card = renderNotificationsOverviewCard({
      ...view,
      schedules: { secretExpiry: '0 8 1,15 * *', timezone: 'UTC' },
    });
    expectValidCard(card);
    expect(cardText(card)).toMatch(/Checked on its own schedule \(below\)/);
    expect(JSON.stringify(card.body)).toContain(
      '{"type":"TextRun","text":"0 8 1,15 * *","fontType":"monospace"}',
    );
    expect(rawCardText(card)).not.toMatch(/\\\*/);
  });
});
