import type { CardData, Parsed, Refusal } from './card-action';

/** Parsers shared by the verbs' own parsers. */

export function accept<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function refuse<T>(refusal: Refusal): Parsed<T> {
  return { ok: false, refusal };
}

/** Verbs that carry no data the bot reads (anything sent along is ignored). */
export function noData(): Parsed<Record<string, never>> {
  return accept({});
}

/** A string field (trimmed), or '' when it is absent or not a string. */
export function textField(data: CardData, field: string): string {
  const value = data[field];
  return typeof value === 'string' ? value.trim() : '';
}

/** A stored record's id as the bot creates them (a UUID-like token), or undefined. */
export function idField(data: CardData, field: string): string | undefined {
  const value = data[field];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : undefined;
}
