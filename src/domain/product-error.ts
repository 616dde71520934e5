/** Every error the product raises or records carries one of these codes (bolt-js style). */
export enum ErrorCode {
  /** Configuration is invalid; the message lists every problem with its fix. */
  ConfigInvalid = 'CONFIG_INVALID',
  /** Entra refused to issue a token (AADSTS number in `aadsts`). */
  SignInFailed = 'SIGN_IN_FAILED',
  /** Graph answered with an error status that retrying will not change (4xx other than 429). */
  GraphRequestFailed = 'GRAPH_REQUEST_FAILED',
  /** Graph or Entra kept failing (429/5xx/timeouts/resets/garbled bodies) after the bounded retries. */
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  /** The inspector identity cannot sign in or reach Graph at all: no check can run. */
  InspectorUnavailable = 'INSPECTOR_UNAVAILABLE',
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
}

export class ProductError extends Error {
  readonly info: ErrorInfo;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ProductError';
    this.info = info;
  }
}

export function isProductError(value: unknown): value is ProductError {
  return value instanceof ProductError;
}
