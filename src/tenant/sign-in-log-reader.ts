import type { TokenSource } from './consent-writer';
import { createGraphClient } from './graph-client';
import { graphErrorInfo } from './graph-error';
import { odataString } from './graph-reads';
import { rawGraphCall } from './graph-raw-call';
import type { TransportPolicy } from './transport-policy';

/** When each credential last signed PCEmail in, or why that cannot be known. */
export type SignInUsage =
  | { ok: true; lastUsed: Record<string, string | undefined>; windowDays: number }
  | {
      ok: false;
      reason: 'no-licence' | 'no-permission' | 'unavailable';
      message: string;
      requestId?: string;
    };

/**
 * Reads PCEmail's service-principal sign-ins (Emplifi Agent signing in with the client secret):
 * `GET /beta/auditLogs/signIns?$filter=signInEventTypes/any(t: t eq 'servicePrincipal') and
 * appId eq '…' and servicePrincipalCredentialKeyId eq '…' and createdDateTime ge …&$top=1`, newest
 * first. Beta is required: the v1.0 signIn resource has neither `signInEventTypes` nor
 * `servicePrincipalCredentialKeyId` and lists user sign-ins only
 * (https://learn.microsoft.com/graph/api/resources/signin?view=graph-rest-beta;
 * https://learn.microsoft.com/graph/api/signin-list?view=graph-rest-beta). Needs AuditLog.Read.All
 * and an Entra ID P1/P2 licence (403 Authentication_RequestFromNonPremiumTenantOrB2CTenant
 * without it). One request per credential (a PCEmail app has one to three).
 */
export class SignInLogReader {
  private readonly client;

  constructor(
    private readonly tokens: TokenSource,
    graphEndpoint: string,
    private readonly policy: TransportPolicy,
  ) {
    this.client = createGraphClient(() => tokens.accessToken(), graphEndpoint, policy);
  }

  async lastUse(
    appId: string,
    keyIds: readonly string[],
    now: Date,
    windowDays: number,
  ): Promise<SignInUsage> {
    const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
    const lastUsed: Record<string, string | undefined> = {};
    for (const keyId of keyIds) {
      const filter =
        `signInEventTypes/any(t: t eq 'servicePrincipal') and appId eq ${odataString(appId)}` +
        ` and servicePrincipalCredentialKeyId eq ${odataString(keyId)} and createdDateTime ge ${since}`;
      const answer = await rawGraphCall(
        this.client,
        this.tokens,
        this.policy,
        {
          method: 'GET',
          path: `/auditLogs/signIns?$filter=${encodeURIComponent(filter)}&$top=1`,
          beta: true,
        },
        true,
      );
      if ('error' in answer)
        return {
          ok: false,
          reason: 'unavailable',
          message: answer.error.message,
          ...(answer.error.requestId ? { requestId: answer.error.requestId } : {}),
        };
      if (answer.status !== 200) {
        const info = graphErrorInfo(answer.status, answer.body, answer.headers);
        const requestId = info.requestId ? { requestId: info.requestId } : {};
        if (info.serviceCode === 'Authentication_RequestFromNonPremiumTenantOrB2CTenant')
          return { ok: false, reason: 'no-licence', message: info.message, ...requestId };
        if (answer.status === 403 || answer.status === 401)
          return { ok: false, reason: 'no-permission', message: info.message, ...requestId };
        return { ok: false, reason: 'unavailable', message: info.message, ...requestId };
      }
      const rows = (answer.body as { value?: unknown } | undefined)?.value;
      const first = Array.isArray(rows)
        ? (rows[0] as Record<string, unknown> | undefined)
        : undefined;
      lastUsed[keyId] =
        typeof first?.createdDateTime === 'string' ? first.createdDateTime : undefined;
    }
    return { ok: true, lastUsed, windowDays };
  }
}
