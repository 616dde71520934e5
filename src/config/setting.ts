import type { Parser } from './parsers';

/** The groups of the README's settings table, in its order. */
export type SettingGroup =
  | 'HTTP and logs'
  | 'Bot Framework identity and inbound trust'
  | 'The tenant to inspect'
  | 'PCEmail'
  | 'Consent approval'
  | 'Reminders and jobs'
  | 'Secret rotation'
  | 'State';

/** One environment variable: how it is read, its default and the one line that documents it. */
export interface Setting<T> {
  group: SettingGroup;
  /** One line for the README (Markdown). */
  doc: string;
  /** The default as the README shows it (Markdown); empty = unset. */
  defaultText: string;
  /** A secret: its value is redacted from every log line and never printed. */
  secret?: true;
  parse: Parser<T>;
}

type Spec<T> = Omit<Setting<T>, 'group'>;

/** Gives every setting of a group its group; the keys are the variables' names. */
export function group<S extends Record<string, Spec<unknown>>>(
  name: SettingGroup,
  specs: S,
): { [K in keyof S]: S[K] & { group: SettingGroup } } {
  const out: Record<string, Setting<unknown>> = {};
  for (const [key, spec] of Object.entries(specs)) out[key] = { ...spec, group: name };
  return out as { [K in keyof S]: S[K] & { group: SettingGroup } };
}
