import type { CheckStatus } from '../../src/domain';

export interface CardRow {
  id: string;
  target?: string;
  status: CheckStatus;
  /** Every text of the row, as a reader sees it. */
  text: string;
}

const WORDS: Record<string, CheckStatus> = {
  PASS: 'pass',
  WARN: 'warn',
  FAIL: 'fail',
  SKIP: 'skip',
};

/**
 * The result rows of a diagnosis card: a ColumnSet whose first column is the status word and whose
 * second holds the title, then "id" or "id · target".
 */
export function cardRows(card: unknown): CardRow[] {
  const rows: CardRow[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as { type?: string; columns?: { items?: { text?: string }[] }[] };
    if (record.type === 'ColumnSet' && record.columns?.length === 2) {
      const word = WORDS[record.columns[0]?.items?.[0]?.text ?? ''];
      const texts = (record.columns[1]?.items ?? []).map((item) => readable(item.text ?? ''));
      const idLine = texts[1] ?? '';
      const [id = '', target] = idLine.split(' · ');
      if (word && /^[a-z]+\.[a-z-]+$/.test(id)) {
        rows.push({ id, ...(target ? { target } : {}), status: word, text: texts.join('\n') });
        return;
      }
    }
    Object.values(record).forEach(walk);
  };
  walk(card);
  return rows;
}

export function rowKey(row: { id: string; target?: string }): string {
  return row.target ? `${row.id}:${row.target}` : row.id;
}

function readable(text: string): string {
  return text.replace(/\\(.)/g, '$1').replace(/\u2060/g, '');
}
