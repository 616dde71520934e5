/**
 * Cron schedules and reminder thresholds in words an admin reads at a glance. Covers the forms the
 * product's defaults and documentation use; anything else is shown as the cron itself.
 */

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "every hour", "every 15 minutes", "every day at 08:00"; undefined when the form is not covered. */
export function describeCron(cron: string): string | undefined {
  const fields = cron.trim().split(/\s+/u);
  // Six fields: croner's leading seconds. Only a zero second reads the same in words.
  if (fields.length === 6 && fields[0] === '0') fields.shift();
  if (fields.length !== 5) return undefined;
  const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = fields;
  if (dayOfMonth !== '*' || month !== '*') return undefined;
  const days = describeDays(dayOfWeek);
  if (days === undefined) return undefined;

  const everyMinutes = /^\*\/(\d{1,2})$/u.exec(minute);
  if (hour === '*' && (minute === '*' || everyMinutes)) {
    const n = everyMinutes ? Number(everyMinutes[1]) : 1;
    if (n < 1 || n > 59) return undefined;
    return `${n === 1 ? 'every minute' : `every ${n} minutes`}${days.suffix}`;
  }
  const m = number(minute, 59);
  if (m === undefined) return undefined;
  if (hour === '*')
    return `${m === 0 ? 'every hour' : `every hour at ${pad(m)} past`}${days.suffix}`;
  const everyHours = /^\*\/(\d{1,2})$/u.exec(hour);
  if (everyHours) {
    const n = Number(everyHours[1]);
    if (n < 1 || n > 23) return undefined;
    const at = m === 0 ? '' : ` at ${pad(m)} past`;
    return `${n === 1 ? 'every hour' : `every ${n} hours`}${at}${days.suffix}`;
  }
  const hours = hour.split(',').map((h) => number(h, 23));
  if (hours.some((h) => h === undefined)) return undefined;
  const times = listWords(hours.map((h) => `${pad(h ?? 0)}:${pad(m)}`));
  return `${days.prefix} at ${times}`;
}

/** "30, 14, 7, 3 and 1 days before, and on the day". */
export function describeReminderDays(days: readonly number[]): string {
  const before = [...new Set(days)].filter((d) => d > 0).sort((a, b) => b - a);
  const onTheDay = days.includes(0);
  if (before.length === 0) return onTheDay ? 'on the day it expires' : 'never';
  const last = before[before.length - 1];
  const phrase = `${listWords(before.map(String))} ${before.length === 1 && last === 1 ? 'day' : 'days'} before`;
  return onTheDay ? `${phrase}, and on the day` : phrase;
}

function describeDays(field: string): { prefix: string; suffix: string } | undefined {
  if (field === '*') return { prefix: 'every day', suffix: '' };
  if (field === '1-5' || field === 'MON-FRI')
    return { prefix: 'every weekday', suffix: ' on weekdays' };
  const days = field.split(',').map((d) => number(d, 7));
  if (days.some((d) => d === undefined)) return undefined;
  const names = listWords(days.map((d) => DAY_NAMES[(d ?? 0) % 7] ?? ''));
  return { prefix: `every ${names}`, suffix: ` on ${names}` };
}

function number(field: string, max: number): number | undefined {
  if (!/^\d{1,2}$/u.test(field)) return undefined;
  const n = Number(field);
  return n <= max ? n : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}
