/** Reads a card the way a person would: every TextBlock's text, and every action. */

type Node = Record<string, unknown>;

function children(node: Node): unknown[] {
  return ['body', 'items', 'columns', 'actions', 'card', 'facts']
    .map((key) => node[key])
    .flatMap((value: unknown): unknown[] => (Array.isArray(value) ? value : value ? [value] : []));
}

function visit(node: unknown, seen: Node[]): Node[] {
  if (typeof node !== 'object' || node === null) return seen;
  seen.push(node as Node);
  for (const child of children(node as Node)) visit(child, seen);
  return seen;
}

export function textBlocks(card: object): { text: string; color?: string; weight?: string }[] {
  return visit(card, [])
    .filter((n) => n.type === 'TextBlock')
    .map((n) => n as unknown as { text: string; color?: string; weight?: string });
}

export function texts(card: object): string[] {
  return textBlocks(card).map((t) => t.text);
}

/** All text joined by new lines, for `toContain` on words that matter. */
export function cardText(card: object): string {
  return texts(card).join('\n');
}

export function actions(card: object): Node[] {
  return visit(card, []).filter((n) => typeof n.type === 'string' && n.type.startsWith('Action.'));
}

/** The TextBlock whose text is exactly `text`. */
export function blockWithText(card: object, text: string) {
  return textBlocks(card).find((t) => t.text === text);
}
