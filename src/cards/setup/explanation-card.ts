import type { Explanation } from '../../domain';
import {
  actionSet,
  adaptiveCard,
  container,
  executeAction,
  openUrlAction,
  textBlock,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from '../adaptive-card';
import { cardTitle } from '../card-parts';
import { CARD_VERBS } from '../card-verbs';
import { plainText } from '../plain-text';

export const TROUBLESHOOT_VERBS = CARD_VERBS.troubleshoot;

export interface ExplanationCardView {
  explanations: readonly Explanation[];
  /** From the troubleshooting card: offer the way back to it. */
  fromTroubleshooting: boolean;
}

/** Each explanation fits in about 1 KB; more than this and the card would pass Teams' limit. */
const MAX_SHOWN = 12;

const NOTHING_FOUND = [
  'I found no AADSTS code, Microsoft Graph error code or malformed ID in that text.',
  'Paste the whole error, including its code (for example "AADSTS7000215" or "ErrorAccessDenied"), or type "check pcemail permissions" to check the setup.',
];

/** Every recognised code: cause, fix and a Learn more button to Microsoft's documentation. */
export function renderExplanationCard(view: ExplanationCardView): AdaptiveCard {
  const shown = view.explanations.slice(0, MAX_SHOWN);
  const hidden = view.explanations.length - shown.length;
  const title =
    shown.length === 0
      ? 'Nothing to explain'
      : shown.length === 1
        ? 'What this error means'
        : `What these ${view.explanations.length} errors mean`;
  const body: CardElement[] = [
    cardTitle(title),
    ...(shown.length === 0
      ? NOTHING_FOUND.map((line, i) => textBlock(line, { spacing: i === 0 ? 'medium' : 'small' }))
      : []),
    ...shown.map((e, i) => explanationBlock(e, i)),
    ...(hidden > 0
      ? [
          textBlock(`And ${hidden} more; paste them on their own to see them.`, {
            isSubtle: true,
            spacing: 'medium',
          }),
        ]
      : []),
  ];
  const actions: CardAction[] = view.fromTroubleshooting
    ? [executeAction('Back to symptoms', TROUBLESHOOT_VERBS.menu)]
    : [];
  return adaptiveCard({
    body,
    actions,
    fallbackText:
      shown.length === 0
        ? title
        : `${title}: ${shown.map((e) => plainText(e.code, 60)).join(', ')}`,
  });
}

function explanationBlock(e: Explanation, index: number): CardElement {
  const heading = e.known
    ? `${plainText(e.code, 60)}: ${plainText(e.title, 150)}`
    : plainText(e.title, 150);
  const items: CardElement[] = [
    textBlock(heading, { weight: 'bolder', color: e.known ? 'default' : 'warning' }),
    textBlock(`Cause: ${plainText(e.cause, 600)}`, { spacing: 'small' }),
    textBlock(`Fix: ${plainText(e.fix, 600)}`, { spacing: 'small' }),
  ];
  if (/^https:\/\//.test(e.learnMoreUrl)) {
    items.push(actionSet([openUrlAction('Learn more', e.learnMoreUrl)], { spacing: 'small' }));
  }
  return container(items, { separator: index > 0, spacing: index === 0 ? 'medium' : 'large' });
}
