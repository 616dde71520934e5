import { isGuid } from '../../domain';
import type { CardData, Parsed, Refusal } from './card-action';

/** Parsers shared by the verbs' own parsers. */

export function accept<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function refuse<T>(refusal: Refusal): Parsed<T> {
  return { ok: false, refusal };
}

/** The answer to data that no card of this bot sends. */
export const UNKNOWN_CARD: Refusal = {
  title: 'This card cannot be used',
  lines: [
    'Its data is not what PCEmail Ops sent, or the card is too old. Nothing was changed; run the command again for a new card.',
  ],
};

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

/** An app (client) id, lower-cased, or undefined. */
export function guidField(data: CardData, field: string): string | undefined {
  const value = textField(data, field).toLowerCase();
  return isGuid(value) ? value : undefined;
}
