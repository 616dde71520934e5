/**
 * Characters that must never reach a generated PowerShell command, even inside a quoted literal.
 * PowerShell's tokenizer treats the typographic quotes ‘ ’ ‚ ‛ as single quotes and “ ” „ as double
 * quotes, and the dashes – — ― as a hyphen, so a pasted "smart" quote can end a literal early.
 */
const LOOK_ALIKE_QUOTES =
  /[\u2018\u2019\u201A\u201B\u201C\u201D\u201E\u201F\u2032\u2033\uFF07\uFF02]/u;
const LOOK_ALIKE_DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/u;
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]/u;
/** Zero-width, bidi-override and other format characters: they hide or reorder what is shown. */
const INVISIBLE = /[\p{Cf}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u;
const CONTROL = /\p{Cc}/u;

/**
 * Why a value cannot go into a command, as a phrase following the field's name
 * ("Scope group contains a line break; …"), or undefined when nothing in it is dangerous.
 * Only what can break out of a literal or hide from the reader is judged here; each field's own
 * format (GUID, mailbox address) is checked separately.
 */
export function describeUnsafeText(value: string): string | undefined {
  if (value.includes('\0')) return 'contains a NUL character; type the value again';
  if (LINE_BREAKS.test(value)) return 'contains a line break; enter it on one line';
  if (CONTROL.test(value)) return 'contains a control character; type the value again';
  if (value.includes('`'))
    return 'contains a backtick (`), which PowerShell treats as an escape character';
  if (value.includes('$(')) return 'contains "$(", which PowerShell would run as a command';
  if (value.includes(';')) return 'contains ";", which would end the PowerShell command';
  const quote = LOOK_ALIKE_QUOTES.exec(value)?.[0];
  if (quote !== undefined) {
    return `contains the typographic quote ${describeChar(quote)}, which PowerShell treats as a quote; type a plain ' or " instead (often pasted from Word or a web page)`;
  }
  const dash = LOOK_ALIKE_DASHES.exec(value)?.[0];
  if (dash !== undefined) {
    return `contains the dash ${describeChar(dash)}, which PowerShell treats as a hyphen; type a plain - instead`;
  }
  const invisible = INVISIBLE.exec(value)?.[0];
  if (invisible !== undefined) {
    return `contains the invisible character ${codePoint(invisible)}; type the value again rather than pasting it`;
  }
  return undefined;
}

function describeChar(ch: string): string {
  return `${ch} (${codePoint(ch)})`;
}

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
