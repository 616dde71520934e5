import { textBlock, type TextBlock } from '../adaptive-card';
import { simulatedBanner } from '../card-parts';

const NOTIFICATION_SIMULATED_BANNER =
  'Simulated tenant — this notification comes from the built-in simulator, not your Microsoft 365 tenant';

export function simulatedLine(simulated: boolean): TextBlock[] {
  return simulated ? [simulatedBanner(NOTIFICATION_SIMULATED_BANNER)] : [];
}

/** "1 day", "3 days". */
export function days(count: number): string {
  return `${count} ${Math.abs(count) === 1 ? 'day' : 'days'}`;
}

/** "45 min", "26 h", "3 days" — an age as an admin reads it. */
export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return days(Math.floor(hours / 24));
}

export function note(text: string): TextBlock {
  return textBlock(text, { isSubtle: true, size: 'small', spacing: 'small' });
}
