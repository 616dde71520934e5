/** Longest outside string a card shows; longer ones end in "…". */
export const PLAIN_TEXT_MAX_LENGTH = 300;

const WORD_JOINER = '\u2060';

/** Markdown specials that act anywhere in a line. */
const ALWAYS_ESCAPED = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~']);

/** Invisible characters that can hide or reorder text (bidi overrides, zero-width marks). */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/**
 * Makes an outside string (a mailbox address, an app name, Graph's error message) safe for a
 * TextBlock: it renders as the same text, never as markdown, a link, a mention or a date function.
 *
 * Teams renders TextBlock text as markdown. Backslash escapes are CommonMark, but some Teams mobile
 * clients have shown the backslashes literally, so characters that only act at the start of a line
 * (`# - + =`, `1.`) are escaped only there (newlines are removed, so the start is the only line start),
 * and `(` / `!` only where they could complete a link or image. Everything else that can start
 * markup is always escaped.
 */
export function plainText(value: string, maxLength: number = PLAIN_TEXT_MAX_LENGTH): string {
  const flat = String(value)
    .replace(/\p{Cc}/gu, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/gu, ' ')
    .trim();
  return escapeMarkdown(breakLinks(cap(flat, maxLength)));
}

function cap(text: string, maxLength: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  return `${chars.slice(0, Math.max(0, maxLength)).join('').trimEnd()}…`;
}

/**
 * Stops clients turning `https://…`, `www.…`, `mailto:` into links, and `{{DATE(…)}}` into a date.
 * Bare mailbox addresses stay as they are: an admin copies them into PowerShell, and a link whose
 * text is its own address deceives nobody.
 */
function breakLinks(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*):\/\//giu, `$1:${WORD_JOINER}//`)
    .replace(/\bmailto:/giu, `mailto${WORD_JOINER}:`)
    .replace(/\bwww\./giu, (www) => `${www.slice(0, 3)}${WORD_JOINER}.`)
    .replace(/\{\{/gu, `{${WORD_JOINER}{`);
}

function escapeMarkdown(text: string): string {
  const chars = Array.from(text);
  const escaped = chars
    .map((ch, i) => {
      const linkTail = ch === '(' && chars[i - 1] === ']';
      const imageHead = ch === '!' && chars[i + 1] === '[';
      return ALWAYS_ESCAPED.has(ch) || linkTail || imageHead ? `\\${ch}` : ch;
    })
    .join('');
  return escaped.replace(/^([#+=-])/u, '\\$1').replace(/^(\d+)([.)])/u, '$1\\$2');
}
