/**
 * Every text an Adaptive Card shows (TextBlock text, Fact titles/values, action titles), in order,
 * as a reader sees it: markdown escapes and invisible joiners removed.
 */
export function cardText(card: unknown): string {
  return rawCardText(card)
    .replace(/\\(.)/g, '$1')
    .replace(/\u2060/g, '');
}

/** The texts exactly as they stand in the card JSON. */
export function rawCardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value']) {
      if (typeof record[key] === 'string') out.push(record[key]);
    }
    Object.entries(record).forEach(([key, value]) => {
      if (key !== 'text' && key !== 'title' && key !== 'value') walk(value);
    });
  };
  walk(card);
  return out.join('\n');
}

/** The verbs of every Action.Execute in a card. */
export function cardVerbs(card: unknown): string[] {
  const verbs: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.Execute' && typeof record.verb === 'string')
      verbs.push(record.verb);
    Object.values(record).forEach(walk);
  };
  walk(card);
  return verbs;
}
