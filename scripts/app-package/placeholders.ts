/** The Teams Toolkit's placeholder syntax: `${{NAME}}`, spaces inside the braces allowed. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

export interface FilledJson {
  value: unknown;
  /** Variables referenced but missing from the environment, or empty where a value is required. */
  unfilled: string[];
}

/** Every variable a JSON value refers to, in first-seen order. */
export function listPlaceholders(value: unknown): string[] {
  const names = new Set<string>();
  visitStrings(value, (text) => {
    for (const match of text.matchAll(PLACEHOLDER)) names.add(match[1] ?? '');
    return text;
  });
  return [...names];
}

/**
 * Replaces `${{NAME}}` inside the string values of parsed JSON (never in the raw text, so a value
 * holding a quote cannot break the JSON). Variables in `mayBeEmpty` may be set to an empty value.
 */
export function fillPlaceholders(
  value: unknown,
  env: ReadonlyMap<string, string>,
  mayBeEmpty: ReadonlySet<string> = new Set(),
): FilledJson {
  const unfilled = new Set<string>();
  const filled = visitStrings(value, (text) =>
    text.replace(PLACEHOLDER, (placeholder, name: string) => {
      const replacement = env.get(name);
      if (replacement === undefined || (replacement === '' && !mayBeEmpty.has(name))) {
        unfilled.add(name);
        return placeholder;
      }
      return replacement;
    }),
  );
  return { value: filled, unfilled: [...unfilled] };
}

function visitStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => visitStrings(item, map));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, visitStrings(item, map)]),
    );
  }
  return value;
}
