import type { AdaptiveCard } from './adaptive-card';
import { CARD_BUDGET_BYTES, cardSizeBytes } from './card-size';
import type { RowLayout } from './check-rows';

/** Most detail first; each next layout is smaller. The last one always fits. */
const COMPACT_LAYOUTS: readonly RowLayout[] = [
  {
    collapseAbove: 10,
    maxListed: 10,
    caps: { title: 150, detail: 300, fix: 400, target: 120 },
    passDetail: true,
  },
  {
    collapseAbove: 10,
    maxListed: 5,
    caps: { title: 120, detail: 160, fix: 240, target: 100 },
    passDetail: false,
  },
  {
    collapseAbove: 5,
    maxListed: 3,
    caps: { title: 100, detail: 100, fix: 160, target: 80 },
    passDetail: false,
  },
  {
    collapseAbove: 1,
    maxListed: 1,
    caps: { title: 80, detail: 60, fix: 100, target: 80 },
    passDetail: false,
  },
];

/** Builds the card with ever smaller result rows until it fits Teams' size limit. */
export function fitCard(
  build: (layout: RowLayout, shortened: boolean) => AdaptiveCard,
  layouts: readonly RowLayout[] = COMPACT_LAYOUTS,
): AdaptiveCard {
  let card: AdaptiveCard | undefined;
  for (const [index, layout] of layouts.entries()) {
    card = build(layout, index > 0);
    if (cardSizeBytes(card) <= CARD_BUDGET_BYTES) return card;
  }
  return card as AdaptiveCard;
}
