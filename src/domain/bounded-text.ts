/**
 * Text from outside (Entra, Graph, Teams) is cut to this before any regular expression sees it,
 * so no pattern can be made to run long on a huge input.
 */
export const MAX_MATCHED_TEXT = 4_000;

/** The part of `text` a pattern may look at. */
export function forMatching(text: string): string {
  return text.length > MAX_MATCHED_TEXT ? text.slice(0, MAX_MATCHED_TEXT) : text;
}

/** `text` without trailing dots and white space ("Denied. " → "Denied"); no regex, linear. */
export function withoutTrailingDots(text: string): string {
  let end = text.length;
  while (end > 0) {
    const ch = text[end - 1]!;
    if (ch !== '.' && ch.trim() !== '') break;
    end--;
  }
  return text.slice(0, end);
}

/**
 * The text before the first of `markers` (or all of it), without the white space and " - "
 * separators that ended it; no regex, linear.
 */
export function textBefore(text: string, markers: readonly string[]): string {
  let cut = text.length;
  for (const marker of markers) {
    const at = text.indexOf(marker);
    if (at >= 0 && at < cut) cut = at;
  }
  let end = cut;
  while (end > 0) {
    const ch = text[end - 1]!;
    if (ch !== '-' && ch.trim() !== '') break;
    end--;
  }
  return text.slice(0, end).trim();
}
