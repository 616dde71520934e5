import {
  CHECK_GROUP,
  CHECK_GROUPS,
  CHECK_IDS,
  type CheckGroup,
  type CheckId,
  type CheckResult,
  type CheckStatus,
  type DiagnosisSummary,
} from '../domain/check-result';
import { column, columnSet, textBlock, type CardElement, type ColumnSet } from './adaptive-card';
import { STATUS_COLOR, STATUS_WORD } from './card-parts';
import { plainText } from './plain-text';

/** How much of each result fits; the diagnosis card tightens it until the card fits Teams' limit. */
export interface RowLayout {
  /** A check with more rows than this (mailbox.access) lists only the rows that did not pass. */
  collapseAbove: number;
  /** At most this many not-passing rows of a collapsed check are listed; the rest are counted. */
  maxListed: number;
  /** Longest title, detail, fix and target shown, in characters. */
  caps: { title: number; detail: number; fix: number; target: number };
  /** Whether passing rows show their detail. */
  passDetail: boolean;
}

const SEVERITY: Record<CheckStatus, number> = { fail: 0, warn: 1, skip: 2, pass: 3 };

/** "3 passed · 1 warning · 0 failed · 2 skipped"; `onlyNonZero` drops the zero counts. */
export function countPhrase(summary: DiagnosisSummary, onlyNonZero = false): string {
  const parts: [number, string][] = [
    [summary.passed, 'passed'],
    [summary.warnings, summary.warnings === 1 ? 'warning' : 'warnings'],
    [summary.failed, 'failed'],
    [summary.skipped, 'skipped'],
  ];
  return parts
    .filter(([count]) => !onlyNonZero || count > 0)
    .map(([count, word]) => `${count} ${word}`)
    .join(' · ');
}

/** Every result under its group heading, groups and checks in catalogue order. */
export function resultGroups(
  checks: readonly CheckResult[],
  layout: RowLayout,
  groups: readonly CheckGroup[] = CHECK_GROUPS,
): CardElement[] {
  return groups.flatMap((group) => {
    const ids = CHECK_IDS.filter((id) => CHECK_GROUP[id] === group);
    const rows = ids.flatMap((id) =>
      rowsFor(
        id,
        checks.filter((c) => c.id === id),
        layout,
      ),
    );
    if (rows.length === 0) return [];
    const heading = textBlock(group, {
      size: 'medium',
      weight: 'bolder',
      separator: true,
      spacing: 'large',
    });
    return [heading, ...rows];
  });
}

/**
 * The results that did not pass, under their group headings: groups with a failure first, then
 * warnings, then skips (catalogue order within each), so what needs the admin comes first.
 */
export function notPassingGroups(checks: readonly CheckResult[], layout: RowLayout): CardElement[] {
  const open = checks.filter((c) => c.status !== 'pass');
  const worst = (group: CheckGroup) =>
    Math.min(...open.filter((c) => CHECK_GROUP[c.id] === group).map((c) => SEVERITY[c.status]));
  const groups = CHECK_GROUPS.filter((g) => open.some((c) => CHECK_GROUP[c.id] === g));
  return resultGroups(
    open,
    layout,
    [...groups].sort((a, b) => worst(a) - worst(b)),
  );
}

function rowsFor(id: CheckId, results: CheckResult[], layout: RowLayout): CardElement[] {
  if (results.length <= layout.collapseAbove) return results.map((r) => resultRow(r, layout));

  const notPassing = results
    .filter((r) => r.status !== 'pass')
    .sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status]);
  const listed = notPassing.slice(0, layout.maxListed);
  const unlisted = notPassing.slice(listed.length);
  const passed = results.length - notPassing.length;
  const [one, many] = id === 'mailbox.access' ? ['mailbox', 'mailboxes'] : ['result', 'results'];
  const counted = (n: number) =>
    `${listed.length > 0 ? 'and ' : ''}${n} ${listed.length > 0 ? 'more ' : ''}${n === 1 ? one : many}`;

  const rows: CardElement[] = listed.map((r) => resultRow(r, layout));
  const worst = unlisted[0];
  if (worst) {
    const breakdown = countPhrase(
      {
        passed: 0,
        warnings: unlisted.filter((r) => r.status === 'warn').length,
        failed: unlisted.filter((r) => r.status === 'fail').length,
        skipped: unlisted.filter((r) => r.status === 'skip').length,
      },
      true,
    );
    rows.push(
      countRow(
        worst.status,
        `${counted(unlisted.length)} did not pass (${breakdown}). ` +
          'Run npx pcemail check to list every one.',
      ),
    );
  }
  if (passed > 0) rows.push(countRow('pass', `${counted(passed)} passed`));
  return rows;
}

function resultRow(result: CheckResult, layout: RowLayout): ColumnSet {
  const { caps } = layout;
  const idLine = result.target
    ? `${result.id} · ${plainText(result.target, caps.target)}`
    : result.id;
  const texts: CardElement[] = [
    textBlock(plainText(result.title, caps.title)),
    textBlock(idLine, { isSubtle: true, size: 'small', spacing: 'none' }),
  ];
  if (result.detail && (result.status !== 'pass' || layout.passDetail)) {
    texts.push(
      textBlock(plainText(result.detail, caps.detail), { isSubtle: true, spacing: 'none' }),
    );
  }
  if (result.status !== 'pass' && result.fix) {
    texts.push(textBlock(`Fix: ${plainText(result.fix, caps.fix)}`, { spacing: 'small' }));
  }
  return statusRow(result.status, texts);
}

function countRow(status: CheckStatus, text: string): ColumnSet {
  return statusRow(status, [textBlock(text)]);
}

function statusRow(status: CheckStatus, texts: CardElement[]): ColumnSet {
  const word = textBlock(STATUS_WORD[status], {
    weight: 'bolder',
    color: STATUS_COLOR[status],
    wrap: false,
  });
  return columnSet([column([word], { width: 'auto' }), column(texts, { width: 'stretch' })], {
    spacing: 'medium',
  });
}
