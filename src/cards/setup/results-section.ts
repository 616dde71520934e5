import { summarise, type CheckResult, type DiagnosisSummary } from '../../domain/check-result';
import { mayBePropagating, PROPAGATION_NOTE } from '../../domain/setup';
import { textBlock, type CardElement, type TextColor } from '../adaptive-card';
import { countPhrase, resultGroups, type RowLayout } from '../check-rows';
import { formatUtc } from '../format-time';
import { plainText } from '../plain-text';

export interface ResultsView {
  heading: string;
  checkedAt: string;
  checks: readonly CheckResult[];
  /** Results of earlier steps that did not pass, when only a step's checks are shown. */
  otherNotPassing?: number;
}

const SHORTENED_NOTE =
  'Some details are shortened to fit Teams’ card size limit. Run npx pcemail check for the full text.';

/** Heading, time, "3 passed · 1 failed", the rows, and the notes a not-passing result needs. */
export function resultsSection(
  view: ResultsView,
  layout: RowLayout,
  shortened: boolean,
): CardElement[] {
  const summary = summarise(view.checks);
  const notes: CardElement[] = [];
  if (mayBePropagating(view.checks)) {
    notes.push(textBlock(PROPAGATION_NOTE, { color: 'warning', spacing: 'medium' }));
  }
  if (view.otherNotPassing) {
    notes.push(
      textBlock(
        `${view.otherNotPassing === 1 ? '1 result of an earlier step' : `${view.otherNotPassing} results of earlier steps`} did not pass; ` +
          `${view.otherNotPassing === 1 ? 'it' : 'one of them'} may be what blocks this one (the summary shows every check).`,
        { isSubtle: true, spacing: 'small' },
      ),
    );
  }
  return [
    textBlock(plainText(view.heading, 120), {
      size: 'medium',
      weight: 'bolder',
      separator: true,
      spacing: 'large',
    }),
    textBlock(`Checked ${formatUtc(view.checkedAt)}`, { isSubtle: true, spacing: 'none' }),
    textBlock(countPhrase(summary), {
      weight: 'bolder',
      color: summaryColor(summary),
      spacing: 'small',
    }),
    ...(shortened ? [textBlock(SHORTENED_NOTE, { isSubtle: true, size: 'small' })] : []),
    ...notes,
    ...resultGroups(view.checks, layout),
  ];
}

function summaryColor(summary: DiagnosisSummary): TextColor {
  if (summary.failed > 0) return 'attention';
  if (summary.warnings > 0) return 'warning';
  return summary.skipped > 0 ? 'default' : 'good';
}
