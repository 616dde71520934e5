import { ErrorCode, hasErrorCode } from '../../domain/product-error';

/** Why an inbound request was refused: 401 = not a valid token; 503 = the token could not be checked now. */
export interface AuthFailure {
  status: 401 | 503;
  /** For the log only; never sent to the caller. */
  reason: string;
}

/** jsonwebtoken's error names: the token itself is wrong (bad signature, not yet valid, algorithm…). */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * Maps whatever the Bot Framework SDK threw while authenticating to 401 or 503. The SDK rethrows
 * jsonwebtoken's errors, which its adapter would answer with a 500 carrying the library's message
 * (docs/SECURITY.md §1); here a bad token is always 401 and the message stays in the log.
 */
export function classifyAuthError(error: unknown): AuthFailure {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (TOKEN_ERRORS.has(name)) return { status: 401, reason: `${name}: ${message}` };
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (statusCode === 401 || statusCode === 400) return { status: 401, reason: message };
  // The SDK's "Failed to load openID config / Keys" (500) and node-fetch's FetchError: no keys to check with.
  if (statusCode === 500 || name === 'FetchError' || hasErrorCode(error, ErrorCode.AuthTimeout)) {
    return { status: 503, reason: `signing keys unavailable: ${message}` };
  }
  // Anything else: refuse (fail closed) without telling the caller why.
  return { status: 401, reason: `${name || 'error'}: ${message}` };
}
