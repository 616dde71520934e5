import type { AdaptiveCard } from './adaptive-card';

/** Teams refuses a message whose card exceeds about 28 KB. */
export const TEAMS_CARD_LIMIT_BYTES = 28 * 1024;

/** What our renderers aim for: the activity envelope around the card needs room too. */
export const CARD_BUDGET_BYTES = 24 * 1024;

export function cardSizeBytes(card: AdaptiveCard | object): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
