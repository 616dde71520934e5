/** Algorithms Bot Framework signs with; any other (none, HS256, ES…) is refused before the SDK. */
const ALLOWED_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);
/** Real channel tokens are ~1.5 KB; a bound keeps a hostile header from costing parse time. */
const MAX_HEADER_LENGTH = 8 * 1024;
const BEARER_JWT = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

export type HeaderShape = { ok: true; token: string } | { ok: false; reason: string };

/**
 * Checks that an Authorization header can be a Bot Framework token at all: `Bearer x.y.z`, a JSON
 * JOSE header with an RS* algorithm and a key id. The SDK answers some malformed tokens with a 500
 * carrying the library's message (docs/SECURITY.md §1); refusing them here makes every one a plain 401.
 */
export function checkAuthorizationHeader(header: string | undefined): HeaderShape {
  if (!header) return { ok: false, reason: 'no Authorization header' };
  if (header.length > MAX_HEADER_LENGTH)
    return { ok: false, reason: 'Authorization header too long' };
  const match = BEARER_JWT.exec(header);
  if (!match) return { ok: false, reason: 'Authorization header is not "Bearer <JWT>"' };
  const [, joseHeader = '', payload = ''] = match;
  const jose = decodeJson(joseHeader);
  if (!jose) return { ok: false, reason: 'token header is not JSON' };
  if (typeof jose.alg !== 'string' || !ALLOWED_ALGORITHMS.has(jose.alg)) {
    return { ok: false, reason: 'token algorithm not allowed' };
  }
  if (typeof jose.kid !== 'string' || jose.kid === '')
    return { ok: false, reason: 'token has no key id' };
  if (!decodeJson(payload)) return { ok: false, reason: 'token payload is not JSON' };
  return { ok: true, token: header.slice('Bearer '.length) };
}

function decodeJson(segment: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
