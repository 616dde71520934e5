import { succeeded, type ErrorCode } from '../domain';
import type { TokenSource } from './graph-raw-call';
import { createGraphClient } from './graph-client';
import { graphErrorInfo } from './graph-error';
import { parsed, parseSignInPage } from './graph-parse';
import { odataString } from './graph-reads';
import { rawGraphCall } from './graph-raw-call';
import type { TransportPolicy } from './transport-policy';

/** When each credential last signed PCEmail in, or why that cannot be known. */
export type SignInUsage =
  | { ok: true; lastUsed: Record<string, string | undefined>; windowDays: number }
  | {
      ok: false;
      reason: 'no-licence' | 'no-permission' | 'unavailable';
      /** GRAPH_RESPONSE_MALFORMED when Graph answered 200 with a page this product cannot read. */
      code?: ErrorCode;
      message: string;
      requestId?: string;
    };

/** Pages of 1000 read at most per look-up (newest first; the search stops once every key is seen). */
const MAX_PAGES = 5;

/**
 * Reads PCEmail's service-principal sign-ins (Emplifi Agent signing in with the client secret):
 * `GET /beta/auditLogs/signIns?$filter=signInEventTypes/any(t: t eq 'servicePrincipal') and
 * appId eq '…' and createdDateTime ge …&$top=1000`, newest first, following `@odata.nextLink`
 * until every credential's key id was seen (at most MAX_PAGES pages), and takes each key's newest
 * `servicePrincipalCredentialKeyId` match. Key ids never go into the URL. Beta is required: the
 * v1.0 signIn resource has neither `signInEventTypes` nor `servicePrincipalCredentialKeyId` and lists
 * user sign-ins only (https://learn.microsoft.com/graph/api/resources/signin?view=graph-rest-beta;
 * https://learn.microsoft.com/graph/api/signin-list?view=graph-rest-beta). Needs AuditLog.Read.All
 * and an Entra ID P1/P2 licence (403 Authentication_RequestFromNonPremiumTenantOrB2CTenant
 * without it).
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
    const wanted = new Set(keyIds.map((k) => k.toLowerCase()));
    const found = new Map<string, string>();
    const filter =
      `signInEventTypes/any(t: t eq 'servicePrincipal') and appId eq ${odataString(appId)}` +
      ` and createdDateTime ge ${since}`;
    let path: string | undefined =
      `/auditLogs/signIns?$filter=${encodeURIComponent(filter)}&$top=1000`;
    let oldest: string | undefined;
    let complete = true;
    for (let page = 0; path !== undefined; page++) {
      if (page >= MAX_PAGES) {
        complete = false;
        break;
      }
      const answer = await rawGraphCall(
        this.client,
        this.tokens,
        this.policy,
        { method: 'GET', path, beta: true },
        true,
      );
      if ('error' in answer)
        return {
          ok: false,
          reason: 'unavailable',
          message: answer.error.message,
          ...(answer.error.requestId ? { requestId: answer.error.requestId } : {}),
        };
      if (answer.status !== 200) return refusal(answer.status, answer.body, answer.headers);
      const read = parsed(succeeded<unknown>(answer.body), parseSignInPage);
      if (!read.ok)
        return {
          ok: false,
          reason: 'unavailable',
          code: read.error.code,
          message: read.error.message,
          ...(answer.requestId ? { requestId: answer.requestId } : {}),
        };
      for (const row of read.value.rows) {
        const key = row.keyId?.toLowerCase() ?? '';
        const at = row.createdDateTime;
        oldest = at;
        if (wanted.has(key) && !found.has(key)) found.set(key, at);
      }
      if (found.size === wanted.size) break;
      path = read.value.nextLink ? relativeToBeta(read.value.nextLink) : undefined;
    }
    const lastUsed: Record<string, string | undefined> = {};
    for (const keyId of keyIds) lastUsed[keyId] = found.get(keyId.toLowerCase());
    // Read only part of the window: "not used" then covers the span actually read.
    const days =
      complete || !oldest
        ? windowDays
        : Math.max(0, Math.floor((now.getTime() - Date.parse(oldest)) / 86_400_000));
    return { ok: true, lastUsed, windowDays: days };
  }
}

function refusal(status: number, body: unknown, headers: Record<string, string>): SignInUsage {
  const info = graphErrorInfo(status, body, headers);
  const requestId = info.requestId ? { requestId: info.requestId } : {};
  if (info.serviceCode === 'Authentication_RequestFromNonPremiumTenantOrB2CTenant')
    return { ok: false, reason: 'no-licence', message: info.message, ...requestId };
  if (status === 403 || status === 401)
    return { ok: false, reason: 'no-permission', message: info.message, ...requestId };
  return { ok: false, reason: 'unavailable', message: info.message, ...requestId };
}

/** An absolute nextLink (Microsoft's or a stand-in's) as a path under /beta. */
function relativeToBeta(link: string): string {
  const marker = link.indexOf('/beta/');
  if (marker >= 0) return link.slice(marker + '/beta'.length);
  const parsed = new URL(link, 'https://graph.microsoft.com');
  return `${parsed.pathname}${parsed.search}`;
}
