import {
  AuthError,
  ConfidentialClientApplication,
  ServerError,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import { EntraNetworkClient } from './entra-network-client';
import type { TransportPolicy } from './transport-policy';
import type { OboFailure, OboResult } from '../ports/on-behalf-of';

/**
 * The Microsoft Graph delegated scopes the approver's token is exchanged for in
 * CONSENT_MODE=delegated: exactly what granting app roles and delegated permissions takes
 * (https://learn.microsoft.com/graph/api/serviceprincipal-post-approleassignedto,
 * https://learn.microsoft.com/graph/api/oauth2permissiongrant-post).
 */
const DELEGATED_GRANT_SCOPES = [
  'AppRoleAssignment.ReadWrite.All',
  'DelegatedPermissionGrant.ReadWrite.All',
] as const;

/**
 * The delegated scope the guided secret rotation exchanges the approver's token for: the least
 * privileged delegated permission of addPassword / removePassword
 * (https://learn.microsoft.com/graph/api/application-addpassword). Entra then also requires the
 * approver to own the app or hold an application administrator role.
 */
export const ROTATION_DELEGATED_SCOPES = ['Application.ReadWrite.All'] as const;

export interface OnBehalfOfOptions {
  tenantId: string;
  /** The bot's Entra app (the audience of the Teams SSO token) and its secret. */
  clientId: string;
  clientSecret: string;
  authorityHost: string;
  /** The Graph resource the scopes belong to, e.g. https://graph.microsoft.com. */
  graphResource: string;
  policy: TransportPolicy;
}

/**
 * Exchanges the approver's Teams SSO token on-behalf-of the bot for a Graph token carrying the
 * approver's own delegated rights (MSAL `acquireTokenOnBehalfOf`; the flow:
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-on-behalf-of-flow). A fresh MSAL
 * instance per exchange, cache skipped: the token lives for this one turn and is never stored.
 */
export async function exchangeOnBehalfOf(
  options: OnBehalfOfOptions,
  userToken: string,
  scopes: readonly string[] = DELEGATED_GRANT_SCOPES,
): Promise<OboResult> {
  const network = new StatusRecorder(new EntraNetworkClient(options.authorityHost, options.policy));
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      // Kept on Microsoft's host so MSAL uses its built-in metadata; the network client re-addresses it.
      authority: `https://login.microsoftonline.com/${options.tenantId}`,
    },
    system: { networkClient: network },
  });
  try {
    const result = await msal.acquireTokenOnBehalfOf({
      oboAssertion: userToken,
      scopes: scopes.map((s) => `${options.graphResource}/${s}`),
      skipCache: true,
    });
    if (!result?.accessToken) return { ok: false, failure: unavailable() };
    return { ok: true, accessToken: result.accessToken };
  } catch (error) {
    return { ok: false, failure: describeOboError(error, network.lastStatus) };
  }
}

/** Keeps the HTTP status of Entra's last answer: MSAL's error does not always carry it. */
class StatusRecorder implements INetworkModule {
  lastStatus: number | undefined;

  constructor(private readonly inner: INetworkModule) {}

  async sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    return this.record(await this.inner.sendGetRequestAsync<T>(url, options));
  }

  async sendPostRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    return this.record(await this.inner.sendPostRequestAsync<T>(url, options));
  }

  private record<T>(response: NetworkResponse<T>): NetworkResponse<T> {
    this.lastStatus = response.status;
    return response;
  }
}

/** Entra's answer in plain words; the AADSTS numbers are those of Entra's error reference. */
function describeOboError(error: unknown, httpStatus?: number): OboFailure {
  if (!(error instanceof AuthError)) return unavailable();
  const text = `${error.errorMessage ?? ''} ${error.message ?? ''}`;
  const match = /AADSTS(\d{4,8})/.exec(text);
  const aadsts = match?.[1] ? Number(match[1]) : undefined;
  const status = (error instanceof ServerError ? error.status : undefined) ?? httpStatus;
  const correlationId = error.correlationId || undefined;
  const ids = { ...(aadsts ? { aadsts } : {}), ...(correlationId ? { correlationId } : {}) };
  if (status === 429)
    return {
      kind: 'throttled',
      message:
        'Microsoft Entra is throttling sign-ins right now (HTTP 429). Nothing was granted; try again in a minute.',
      ...ids,
    };
  if (
    (status !== undefined && status >= 500) ||
    (aadsts === undefined && status === undefined) ||
    error.errorCode === 'temporarily_unavailable'
  )
    return { ...unavailable(status), ...ids };
  switch (aadsts) {
    case 500133:
      return {
        kind: 'expired',
        message:
          'Your Teams sign-in token expired before I could use it (AADSTS500133). Nothing was granted; choose Approve again.',
        ...ids,
      };
    case 65001:
      return {
        kind: 'consent-missing',
        message:
          'PCEmail Ops itself has no admin consent for its delegated Microsoft Graph permissions ' +
          '(AppRoleAssignment.ReadWrite.All and DelegatedPermissionGrant.ReadWrite.All), so it cannot act with your ' +
          'rights (AADSTS65001). Nothing was granted. A Privileged Role Administrator or Global Administrator grants ' +
          'that once for the bot’s app (see docs/DEPLOYMENT.md), then choose Approve again.',
        ...ids,
      };
    case 500131:
    case 50013:
    case 50027:
    case 700024:
      return {
        kind: aadsts === 500131 ? 'wrong-app' : 'invalid-token',
        message:
          aadsts === 500131
            ? 'The sign-in token Teams sent was issued for another app, not for PCEmail Ops (AADSTS500131). Nothing was granted.'
            : `Microsoft Entra did not accept the sign-in token Teams sent (AADSTS${aadsts}): it is not a valid token of this tenant for PCEmail Ops. Nothing was granted.`,
        ...ids,
      };
    default:
      return {
        kind: 'refused',
        message: `Microsoft Entra refused to act with your rights${aadsts ? ` (AADSTS${aadsts})` : ''}: ${firstSentence(error.errorMessage)} Nothing was granted.`,
        ...ids,
      };
  }
}

function unavailable(status?: number): OboFailure {
  return {
    kind: 'unavailable',
    message: `Microsoft Entra could not be reached to sign you in${status ? ` (HTTP ${status})` : ''}. Nothing was granted; try again in a minute.`,
  };
}

function firstSentence(message: string | undefined): string {
  const text = message ?? '';
  const description = /Description:\s*([\s\S]*)/.exec(text)?.[1] ?? text;
  const line = (description.split(/\r?\n|\s+-\s+Correlation ID:|\s+Trace ID:/)[0] ?? '').trim();
  return line.replace(/^AADSTS\d+:\s*/, '').slice(0, 200);
}

/** One delegated token as the ConsentWriter's token source: used for one turn, never renewed. */
export function delegatedTokenSource(accessToken: string): {
  signIn(fresh?: boolean): Promise<void>;
  accessToken(): Promise<string>;
} {
  return {
    signIn: (fresh) =>
      fresh
        ? Promise.reject(new Error('a delegated token is not renewed within the turn'))
        : Promise.resolve(),
    accessToken: () => Promise.resolve(accessToken),
  };
}
