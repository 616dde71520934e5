import { describeGuidProblem, isGuid } from '../domain';
import { describeScheduleProblem, describeTimezoneProblem } from '../jobs/cron-schedule';

/** What a parser gets: the setting's name (for its problem message) and where problems go. */
export interface ParseContext {
  name: string;
  problems: string[];
}

/** Turns a setting's raw value (trimmed; undefined when unset or blank) into its typed value. */
export type Parser<T> = (raw: string | undefined, context: ParseContext) => T;

/** The value of a variable, trimmed; an empty one counts as unset. */
export function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A comma-separated value split into its non-empty items. */
export function splitList(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Echoes a bad value safely: no control characters, bounded length. */
export function printable(raw: string): string {
  const clean = raw.replace(/\p{Cc}/gu, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}

export function requireGuid(problems: string[], name: string, raw: string, meaning: string): void {
  if (!isGuid(raw)) {
    problems.push(
      `${name} "${printable(raw)}" is not a valid GUID (${describeGuidProblem(raw)}): set it to ${meaning}.`,
    );
  }
}

/** Only http:// on loopback; anything else must be https (no credentials, query or fragment). */
export function isAllowedEndpoint(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export function looksLikeMailbox(address: string): boolean {
  // Exchange allows ' and # in local parts; whitespace, control characters and a second @ never.
  return /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(address) && address.length <= 320;
}

// --- Parser factories ---------------------------------------------------------------------------

/** Free text; unset stays undefined. */
export const optionalText: Parser<string | undefined> = (raw) => raw;

/** Free text with a default. */
export function text(fallback: string): Parser<string> {
  return (raw) => raw ?? fallback;
}

/** A whole number within bounds; a bad value is a problem and the default stands in. */
export function integer(fallback: number, min: number, max: number): Parser<number> {
  return (raw, { name, problems }) => {
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      problems.push(`${name} is "${printable(raw)}": use a whole number from ${min} to ${max}.`);
      return fallback;
    }
    return parsed;
  };
}

/** An https:// URL (http:// only on loopback), trailing slashes removed. */
export function endpoint(fallback: string): Parser<string> {
  return (raw, { name, problems }) => {
    const url = raw ?? fallback;
    if (!isAllowedEndpoint(url)) {
      problems.push(
        `${name} is "${printable(url)}": use an https:// URL (http:// only for 127.0.0.1, localhost or [::1]), without query or credentials.`,
      );
    }
    return url.replace(/\/+$/, '');
  };
}

/** One of a few words, with the problem message naming them. The raw value is kept for later rules. */
export function oneOf<T extends string>(fallback: T, words: readonly T[], use: string): Parser<T> {
  return (raw, { name, problems }) => {
    const word = raw ?? fallback;
    if (!(words as readonly string[]).includes(word)) {
      problems.push(`${name} is "${printable(word)}": use ${use}.`);
    }
    return word as T;
  };
}

/** An optional GUID. */
export function optionalGuid(meaning: string): Parser<string | undefined> {
  return (raw, { name, problems }) => {
    if (raw) requireGuid(problems, name, raw, meaning);
    return raw;
  };
}

/** A comma-separated list of GUIDs. */
export function guidList(meaning: string): Parser<string[]> {
  return (raw, { name, problems }) => {
    const items = splitList(raw);
    for (const item of items) requireGuid(problems, name, item, meaning);
    return items;
  };
}

/** A cron expression with a default; `off` turns the in-process schedule off (undefined). */
export function cron(fallback: string): Parser<string | undefined> {
  return (raw, { name, problems }) => {
    const expression = raw ?? fallback;
    if (expression.toLowerCase() === 'off') return undefined;
    const problem = describeScheduleProblem(expression);
    if (problem) {
      problems.push(
        `${name} is "${printable(expression)}": ${problem}; use a cron expression such as "${fallback}", or off.`,
      );
    }
    return expression;
  };
}

/** An IANA time zone. */
export function timezone(fallback: string): Parser<string> {
  return (raw, { name, problems }) => {
    const zone = raw ?? fallback;
    const problem = describeTimezoneProblem(zone);
    if (problem) {
      problems.push(
        `${name} is "${printable(zone)}": ${problem}; use an IANA name such as UTC or Europe/Prague.`,
      );
    }
    return zone;
  };
}
