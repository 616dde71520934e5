import { INSPECTOR_PERMISSIONS_TEXT, type InspectorPermission } from '../inspector-permissions';
import { explainAadsts, explainGraphError } from '../error-knowledge';
import { ErrorCode, type ErrorInfo } from '../product-error';
import type { Blocker } from './verdict';

/** A fact Graph or Entra kept failing to give is never judged, only retried later. */
export const UNAVAILABLE: Blocker = {
  detail: 'Graph was unavailable — try again',
  fix:
    'Run the check again in a few minutes. If it keeps failing, look at Microsoft 365 admin center → ' +
    'Health → Service health for Exchange Online and Microsoft Entra.',
};

/** "HTTP 403 Authorization_RequestDenied: Insufficient privileges… (request id …)". */
export function describeError(error: ErrorInfo): string {
  const status = error.status === undefined ? '' : `HTTP ${error.status} `;
  const code =
    error.aadsts !== undefined
      ? `AADSTS${error.aadsts}: `
      : error.serviceCode === undefined
        ? ''
        : `${error.serviceCode}: `;
  const request = error.requestId === undefined ? '' : ` (request id ${error.requestId})`;
  return `${status}${code}${error.message}${request}`.trim();
}

/**
 * Why a fact the inspector reads could not be had. `what` names the fact ("app registrations");
 * `inspectorPermission` is the Graph application permission the inspector needs to read it.
 */
export function blockerFromError(
  error: ErrorInfo,
  what: string,
  inspectorPermission: InspectorPermission,
): Blocker {
  if (error.code === ErrorCode.ServiceUnavailable) return UNAVAILABLE;
  const detail = `Could not read ${what}: ${describeError(error)}`;
  if (error.status === 403 || error.serviceCode === 'Authorization_RequestDenied') {
    return {
      detail,
      fix:
        `Give the bot's inspector identity (GRAPH_CLIENT_ID, else BOT_ID) the Microsoft Graph application ` +
        `permission ${inspectorPermission}: Entra admin center → App registrations → the bot's app → ` +
        `API permissions → Add a permission → Microsoft Graph → Application permissions → ` +
        `${inspectorPermission}, then Grant admin consent. The inspector needs ${INSPECTOR_PERMISSIONS_TEXT}.`,
    };
  }
  if (error.code === ErrorCode.InspectorUnavailable || error.code === ErrorCode.SignInFailed) {
    const known = error.aadsts === undefined ? undefined : explainAadsts(error.aadsts);
    return {
      detail,
      fix:
        'Check the inspector identity: TENANT_ID, GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET (else BOT_ID and ' +
        `BOT_PASSWORD).${known?.known ? ` ${known.fix}` : ''}`,
    };
  }
  const known =
    error.serviceCode === undefined
      ? undefined
      : explainGraphError(error.serviceCode, error.message);
  return {
    detail,
    fix: known?.known
      ? `${known.fix} See ${known.learnMoreUrl}`
      : 'Run the check again; if it keeps failing, give Microsoft support the request id above.',
  };
}
