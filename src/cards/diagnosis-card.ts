import { summarise, type Diagnosis, type DiagnosisSummary } from '../domain/check-result';
import {
  actionSet,
  adaptiveCard,
  container,
  executeAction,
  textBlock,
  toggleVisibilityAction,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type TextColor,
} from './adaptive-card';
import { cardTitle, tenantBlocks } from './card-parts';
import { countPhrase, notPassingGroups, resultGroups, type RowLayout } from './check-rows';
import { fitCard } from './fit-card';
import { formatUtc } from './format-time';
import { plainText } from './plain-text';

export interface DiagnosisCardView {
  diagnosis: Diagnosis;
  /** The app registration's display name, e.g. `PCEmail`. */
  appName: string;
  /** The Action.Execute that re-runs the checks and refreshes this card in place. */
  runAgain: { verb: string; data?: Record<string, unknown> };
  /** Further buttons, e.g. "Request admin consent". */
  extraActions?: CardAction[];
  /** Extra rows after the results, e.g. the secrets in use (cards/rotation/credential-usage.ts). */
  extraBody?: CardElement[];
}

/** Most detail first; each next layout is smaller. */
const LAYOUTS: readonly RowLayout[] = [
  {
    collapseAbove: 10,
    maxListed: 10,
    caps: { title: 150, detail: 600, fix: 800, target: 120 },
    passDetail: true,
  },
  {
    collapseAbove: 10,
    maxListed: 5,
    caps: { title: 120, detail: 160, fix: 200, target: 100 },
    passDetail: true,
  },
  {
    collapseAbove: 5,
    maxListed: 3,
    caps: { title: 100, detail: 100, fix: 140, target: 80 },
    passDetail: false,
  },
];

/** Bounded by the catalogue (16 checks, one listed row and two count lines per check): always fits. */
const SMALLEST_LAYOUT: RowLayout = {
  collapseAbove: 1,
  maxListed: 1,
  caps: { title: 80, detail: 60, fix: 100, target: 80 },
  passDetail: false,
};

const SHORTENED_NOTE =
  'Some details are shortened to fit Teams’ card size limit. Run npx pcemail check for the full text.';

export function renderDiagnosisCard(view: DiagnosisCardView): AdaptiveCard {
  return fitCard(
    (layout, shortened) => buildCard(view, layout, shortened),
    [...LAYOUTS, SMALLEST_LAYOUT],
  );
}

function buildCard(view: DiagnosisCardView, layout: RowLayout, shortened: boolean): AdaptiveCard {
  const { diagnosis } = view;
  const appName = plainText(view.appName, 60);
  const summary = summarise(diagnosis.checks);
  const summaryLine = countPhrase(summary);
  return adaptiveCard({
    body: [
      cardTitle(`${appName} permissions check`),
      ...tenantBlocks(diagnosis.tenant),
      textBlock(`Checked ${formatUtc(diagnosis.checkedAt)}`, { isSubtle: true, spacing: 'none' }),
      textBlock(summaryLine, { weight: 'bolder', color: summaryColor(summary), spacing: 'medium' }),
      ...(diagnosis.checks.length === 0 ? [textBlock('No checks ran.')] : []),
      ...(shortened ? [textBlock(SHORTENED_NOTE, { isSubtle: true, size: 'small' })] : []),
      ...notPassingGroups(diagnosis.checks, layout),
      ...(view.extraBody ?? []),
      ...passedSection(diagnosis, layout),
    ],
    actions: [
      executeAction('Run again', view.runAgain.verb, view.runAgain.data),
      ...(view.extraActions ?? []),
    ],
    fallbackText: `${appName} permissions check: ${summaryLine}`,
  });
}

const PASSED_IDS = { rows: 'passed-checks', show: 'show-passed', hide: 'hide-passed' } as const;

/**
 * Passing checks wait behind "Show the N passed checks": Teams opens a long card scrolled to its
 * bottom, so what needs the admin (the summary, then failures and warnings) must stay short.
 */
function passedSection(
  diagnosis: DiagnosisCardView['diagnosis'],
  layout: RowLayout,
): CardElement[] {
  const passed = diagnosis.checks.filter((c) => c.status === 'pass');
  if (passed.length === 0) return [];
  const toggle = [PASSED_IDS.rows, PASSED_IDS.show, PASSED_IDS.hide];
  const noun = passed.length === 1 ? 'the passed check' : `the ${passed.length} passed checks`;
  return [
    actionSet([toggleVisibilityAction(`Show ${noun}`, toggle)], {
      id: PASSED_IDS.show,
      spacing: 'large',
      separator: true,
    }),
    actionSet([toggleVisibilityAction(`Hide ${noun}`, toggle)], {
      id: PASSED_IDS.hide,
      isVisible: false,
      spacing: 'large',
      separator: true,
    }),
    container(resultGroups(passed, layout), { id: PASSED_IDS.rows, isVisible: false }),
  ];
}

function summaryColor(summary: DiagnosisSummary): TextColor {
  if (summary.failed > 0) return 'attention';
  if (summary.warnings > 0) return 'warning';
  return summary.skipped > 0 ? 'default' : 'good';
}
