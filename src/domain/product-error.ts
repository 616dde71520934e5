/**
 * The product's one error model: every error the product raises, records or answers with carries
 * one of these codes. Errors from libraries are turned into a `ProductError` where they are caught
 * (`asProductError`), so handlers, logs and cards see one shape.
 */
export enum ErrorCode {
  /** Entra refused to issue a token (AADSTS number in `aadsts`). */
  SignInFailed = 'SIGN_IN_FAILED',
  /** Graph answered with an error status that retrying will not change (4xx other than 429). */
  GraphRequestFailed = 'GRAPH_REQUEST_FAILED',
  /** Graph answered 2xx with JSON that does not have the shape the product reads. */
  GraphResponseMalformed = 'GRAPH_RESPONSE_MALFORMED',
  /** Graph or Entra kept failing (429/5xx/timeouts/resets/garbled bodies) after the bounded retries. */
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  /** The inspector identity cannot sign in or reach Graph at all: no check can run. */
  InspectorUnavailable = 'INSPECTOR_UNAVAILABLE',
  /** A conditional store write lost a race: re-read, re-decide, retry (optimistic concurrency). */
  StoreConflict = 'STORE_CONFLICT',
  /** The state store could not complete an operation; nothing was confirmed. */
  StoreUnavailable = 'STORE_UNAVAILABLE',
  /** The state store holds something the product cannot read (a damaged or foreign file). */
  StoreCorrupt = 'STORE_CORRUPT',
  /** Checking an inbound token took too long (the signing keys could not be fetched in time). */
  AuthTimeout = 'AUTH_TIMEOUT',
  /** The product was started or wired wrongly (missing setting, helper process did not start). */
  StartupFailed = 'STARTUP_FAILED',
  /** Anything else: a bug or an error a library raised that the product did not classify. */
  Internal = 'INTERNAL',
}

/** Plain, serialisable facts about a failure; safe to show (never contains a secret). */
export interface ErrorInfo {
  code: ErrorCode;
  /** One line, in plain words, without secrets. */
  message: string;
  /** HTTP status, when an HTTP answer was received. */
  status?: number;
  /** Graph's `error.code` (e.g. `ErrorAccessDenied`) or the OAuth error (e.g. `invalid_client`). */
  serviceCode?: string;
  /** The AADSTS number from Entra, e.g. 7000215. */
  aadsts?: number;
  /** Graph's or Entra's request id, for a support ticket. */
  requestId?: string;
  /** The state-store key a store error is about. */
  key?: string;
}

export class ProductError extends Error {
  readonly info: ErrorInfo;

  constructor(info: ErrorInfo, options?: { cause?: unknown }) {
    super(info.message, options);
    this.name = 'ProductError';
    this.info = info;
  }

  get code(): ErrorCode {
    return this.info.code;
  }
}

export function isProductError(value: unknown): value is ProductError {
  return value instanceof ProductError;
}

/** True when `value` is a ProductError with one of `codes`. */
export function hasErrorCode(value: unknown, ...codes: ErrorCode[]): value is ProductError {
  return value instanceof ProductError && codes.includes(value.info.code);
}

/** Codes raised while reading or writing the tenant (Entra and Graph). */
const TENANT_CODES: readonly ErrorCode[] = [
  ErrorCode.SignInFailed,
  ErrorCode.GraphRequestFailed,
  ErrorCode.GraphResponseMalformed,
  ErrorCode.ServiceUnavailable,
  ErrorCode.InspectorUnavailable,
];

/** A failure of the tenant (Entra or Graph), as opposed to the store or a bug. */
export function isTenantError(value: unknown): value is ProductError {
  return hasErrorCode(value, ...TENANT_CODES);
}

/**
 * The normaliser: any thrown value as a ProductError. A ProductError is returned as is; anything
 * else becomes `Internal` with the original kept as `cause` (its message is for the log, which
 * scrubs secrets, and is never shown in chat: see `safeErrorLines`).
 */
export function asProductError(error: unknown): ProductError {
  if (error instanceof ProductError) return error;
  const like = errorLike(error);
  const message = like
    ? `${like.name}: ${like.message}`
    : typeof error === 'string'
      ? error
      : 'a non-error value was thrown';
  return new ProductError({ code: ErrorCode.Internal, message }, { cause: error });
}

/** The message of any thrown value, for a log line (`err: { message }`). */
export function errorMessage(error: unknown): string {
  return errorLike(error)?.message ?? asProductError(error).message;
}

/** The name of any thrown value, for a log line. */
export function errorName(error: unknown): string {
  return errorLike(error)?.name ?? typeof error;
}

/**
 * An Error, or an object shaped like one: errors from another realm (a VM context, a worker) fail
 * `instanceof Error` but carry the same name and message.
 */
function errorLike(error: unknown): { name: string; message: string } | undefined {
  if (error instanceof Error) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (typeof message !== 'string') return undefined;
  return { name: typeof name === 'string' ? name : 'Error', message };
}
