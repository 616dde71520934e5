import { plainText } from './plain-text';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-03-04T09:05:00Z` → `4 Mar 2025, 09:05 UTC`; anything unparseable is shown as given. */
export function formatUtc(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return plainText(iso, 40);
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = MONTHS[time.getUTCMonth()] ?? '';
  return `${time.getUTCDate()} ${month} ${time.getUTCFullYear()}, ${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())} UTC`;
}
