/**
 * Turns arbitrary state keys (`/`-separated, any characters) into safe file and blob names, and back.
 * Each segment keeps only [a-z0-9_-]; every other character, uppercase letters included, becomes
 * %XX of its UTF-8 bytes. So `.`, `..`, `/`, `\`, `:` and NUL can never act as path syntax, and keys
 * differing only in case stay apart on case-insensitive disks (macOS, Windows).
 */

const PLAIN = /^[a-z0-9_-]$/;
/** An empty segment (`a//b`, a leading or trailing `/`) — `~` never comes out of encodeSegment. */
const EMPTY_SEGMENT = '~';
/** Marks a file-name chunk that continues in the next path part (file names stop at 255 bytes). */
const CONTINUED = '+';
const MAX_PART = 200;
const MAX_FILE_PATH = 3000;

export function encodeSegment(segment: string): string {
  if (segment === '') return EMPTY_SEGMENT;
  let encoded = '';
  for (const char of segment) {
    if (PLAIN.test(char)) {
      encoded += char;
      continue;
    }
    if (char.length === 1 && char >= '\uD800' && char <= '\uDFFF') {
      throw new RangeError('A state key must be well-formed text (it holds a lone surrogate).');
    }
    for (const byte of Buffer.from(char, 'utf8')) {
      encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return encoded;
}

/** The segment an encoded name stands for, or undefined when the name is not one we produce. */
export function decodeSegment(encoded: string): string | undefined {
  if (encoded === EMPTY_SEGMENT) return '';
  if (!/^(?:[a-z0-9_-]|%[0-9A-F]{2})+$/.test(encoded)) return undefined;
  try {
    const segment = decodeURIComponent(encoded);
    return encodeSegment(segment) === encoded ? segment : undefined;
  } catch {
    return undefined;
  }
}

function assertValidKey(key: string, what = 'state key'): void {
  if (typeof key !== 'string' || key.length === 0) {
    throw new RangeError(`A ${what} must be a non-empty string.`);
  }
}

/**
 * The path parts (folders, then the file's base name) that hold `key`, relative to the store's
 * folder. Long segments are cut into chunks, each but the last ending in `+`.
 */
export function keyToPathParts(key: string): string[] {
  assertValidKey(key);
  const parts = key.split('/').flatMap((segment) => chunk(encodeSegment(segment)));
  if (parts.join('/').length > MAX_FILE_PATH) {
    throw new RangeError(`A state key must encode to at most ${MAX_FILE_PATH} characters.`);
  }
  return parts;
}

/** The inverse of keyToPathParts; undefined for parts we did not produce (foreign files). */
export function pathPartsToKey(parts: readonly string[]): string | undefined {
  const segments: string[] = [];
  let pending = '';
  for (const part of parts) {
    if (part.endsWith(CONTINUED)) {
      pending += part.slice(0, -1);
      continue;
    }
    const segment = decodeSegment(pending + part);
    if (segment === undefined) return undefined;
    segments.push(segment);
    pending = '';
  }
  return pending === '' && segments.length > 0 ? segments.join('/') : undefined;
}

/** True for a folder name keyToPathParts can produce (a whole segment or a continued chunk). */
export function isEncodedFolderName(name: string): boolean {
  return /^[a-z0-9_%~A-F-]+\+?$/.test(name) && name.length <= MAX_PART + 1;
}

/** The folders under which every key starting with `prefix` lives (its complete segments). */
export function prefixToFolderParts(prefix: string): string[] {
  return prefix
    .split('/')
    .slice(0, -1)
    .flatMap((segment) => chunk(encodeSegment(segment)));
}

/** `a/b` → `a/b` with each segment encoded, for blob names (no chunking: blob names allow 1,024). */
export function keyToBlobPath(key: string): string {
  assertValidKey(key);
  return key.split('/').map(encodeSegment).join('/');
}

/** A blob-name prefix that every key starting with `prefix` has (encoding is per character). */
export function prefixToBlobPath(prefix: string): string {
  const segments = prefix.split('/');
  const partial = segments.pop() ?? '';
  const complete = segments.map((segment) => `${encodeSegment(segment)}/`).join('');
  return complete + (partial === '' ? '' : encodeSegment(partial));
}

export function blobPathToKey(path: string): string | undefined {
  const segments = path.split('/').map(decodeSegment);
  return segments.every((segment): segment is string => segment !== undefined)
    ? segments.join('/')
    : undefined;
}

function chunk(encoded: string): string[] {
  if (encoded.length <= MAX_PART) return [encoded];
  const chunks: string[] = [];
  for (let start = 0; start < encoded.length; start += MAX_PART) {
    const end = start + MAX_PART;
    chunks.push(encoded.slice(start, end) + (end < encoded.length ? CONTINUED : ''));
  }
  return chunks;
}
