import { ErrorCode, type ErrorInfo } from '../domain';
import { headerValue } from '../domain/header-value';
import { isTransientStatus } from './transport-policy';

interface GraphErrorBody {
  error?: {
    code?: unknown;
    message?: unknown;
    innerError?: { 'request-id'?: unknown };
  };
}

/** Maps one Graph answer that is not 2xx to the product's error facts (nothing above sees the SDK). */
export function graphErrorInfo(
  status: number,
  body: unknown,
  headers: Record<string, string> | undefined,
): ErrorInfo {
  const error = (body as GraphErrorBody | undefined)?.error;
  const serviceCode = typeof error?.code === 'string' ? error.code : undefined;
  const message =
    typeof error?.message === 'string' ? error.message : `Graph answered HTTP ${status}.`;
  const requestId =
    (typeof error?.innerError?.['request-id'] === 'string'
      ? error.innerError['request-id']
      : undefined) ?? headerValue(headers, 'request-id');
  return {
    code: isTransientStatus(status) ? ErrorCode.ServiceUnavailable : ErrorCode.GraphRequestFailed,
    message: oneLine(message),
    status,
    serviceCode,
    requestId,
  };
}

export function unavailable(reason: string, requestId?: string): ErrorInfo {
  return {
    code: ErrorCode.ServiceUnavailable,
    message: `Graph was unavailable — try again (${reason}).`,
    requestId,
  };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 500 ? `${flat.slice(0, 497)}...` : flat;
}
