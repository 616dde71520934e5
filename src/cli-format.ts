import { styleText } from 'node:util';
import { CHECK_GROUP, CHECK_GROUPS, summarise, type CheckStatus, type Diagnosis } from './domain';
import { plural } from './domain/plural';

type Style = Exclude<Parameters<typeof styleText>[0], undefined>;

const STATUS_STYLE: Record<CheckStatus, Style> = {
  pass: 'green',
  warn: 'yellow',
  fail: 'red',
  skip: 'gray',
};

/** The CLI's JSON (README, "The CLI"): `target` only on mailbox rows, `fix` only on rows that do not pass. */
export function diagnosisJson(diagnosis: Diagnosis): string {
  return JSON.stringify(
    {
      tenant: { id: diagnosis.tenant.id, mode: diagnosis.tenant.mode },
      checks: diagnosis.checks.map((check) => ({
        id: check.id,
        ...(check.target !== undefined ? { target: check.target } : {}),
        status: check.status,
        title: check.title,
        detail: check.detail,
        ...(check.status !== 'pass' && check.fix !== undefined ? { fix: check.fix } : {}),
      })),
    },
    null,
    2,
  );
}

/** A readable table, grouped like the card; colour only where the terminal wants it. */
export function diagnosisTable(diagnosis: Diagnosis, colour: boolean): string {
  const paint = (style: Style, text: string) => (colour ? styleText(style, text) : text);
  const lines: string[] = [];
  const mode =
    diagnosis.tenant.mode === 'simulated'
      ? ' (SIMULATED tenant — built-in simulator, not your Microsoft 365)'
      : '';
  lines.push(paint('bold', `PCEmail permissions check — tenant ${diagnosis.tenant.id}${mode}`));
  lines.push(`Checked at ${diagnosis.checkedAt}`);
  const idWidth = Math.max(...diagnosis.checks.map((c) => c.id.length)) + 2;
  for (const group of CHECK_GROUPS) {
    const rows = diagnosis.checks.filter((check) => CHECK_GROUP[check.id] === group);
    if (rows.length === 0) continue;
    lines.push('', paint('bold', group));
    for (const check of rows) {
      const status = paint(STATUS_STYLE[check.status], check.status.toUpperCase().padEnd(5));
      const target = check.target ? ` [${safe(check.target)}]` : '';
      lines.push(`  ${status} ${check.id.padEnd(idWidth)}${safe(check.title)}${target}`);
      lines.push(`        ${paint('dim', safe(check.detail))}`);
      if (check.status !== 'pass' && check.fix) lines.push(`        Fix: ${safe(check.fix)}`);
    }
  }
  const s = summarise(diagnosis.checks);
  lines.push(
    '',
    `${paint('green', `${s.passed} passed`)}, ${paint('yellow', plural(s.warnings, 'warning'))}, ${paint('red', `${s.failed} failed`)}, ${s.skipped} skipped`,
  );
  return lines.join('\n');
}

/** Tenant-supplied text must not move the cursor or recolour the terminal. */
function safe(text: string): string {
  return text.replace(/\p{Cc}/gu, ' ');
}
