/**
 * The placeholder GUIDs env/.env.local ships so a fresh clone can build and validate the package
 * offline (00000000-0000-0000-0000-…). Teams cannot run an app with them: outside the local
 * environment a package that still carries one is refused.
 */
const PLACEHOLDER_ID = /^0{8}-0{4}-0{4}-0{4}-[0-9a-f]{12}$/i;

/** Environments whose package may carry placeholder ids. */
export const PLACEHOLDER_ENVIRONMENTS: ReadonlySet<string> = new Set(['local']);

/** Every place in a filled manifest that holds a placeholder id, as a JSON path and its value. */
export function findPlaceholderIds(value: unknown, at = '$'): string[] {
  if (typeof value === 'string') return PLACEHOLDER_ID.test(value) ? [`${at} = ${value}`] : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => findPlaceholderIds(item, `${at}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findPlaceholderIds(item, `${at}.${key}`));
  }
  return [];
}
