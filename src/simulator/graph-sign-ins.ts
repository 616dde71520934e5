import { guidFor } from './ids';
import { GraphHttpError, graphErrors } from './graph-errors';
import { requireRole, type GraphRequest, type GraphResponse } from './graph-request';
import type { SignInLogs, TenantState } from './tenant-state';

/*
 * GET /beta/auditLogs/signIns for service-principal sign-ins. The filter on
 * signInEventTypes and the servicePrincipalCredentialKeyId property exist only on the beta signIn
 * resource (https://learn.microsoft.com/graph/api/resources/signin?view=graph-rest-beta,
 * https://learn.microsoft.com/graph/api/signin-list?view=graph-rest-beta); v1.0 lists interactive
 * user sign-ins only. Reading them takes AuditLog.Read.All and an Entra ID P1/P2 licence:
 * without it Graph answers 403 Authentication_RequestFromNonPremiumTenantOrB2CTenant
 * (https://learn.microsoft.com/entra/identity/monitoring-health/howto-configure-prerequisites-for-reporting-api).
 * Newest first, at most $top (default 1000) entries.
 */
const READ = ['AuditLog.Read.All'];
const CLAUSE =
  /^(?:signInEventTypes\/any\(\s*(\w+)\s*:\s*\1\s+eq\s+'(\w+)'\s*\)|(appId|servicePrincipalCredentialKeyId)\s+eq\s+'([^']*)'|createdDateTime\s+(ge|gt)\s+(\S+))$/i;

interface Filter {
  eventType?: string;
  appId?: string;
  keyId?: string;
  since?: number;
}

function parseFilter(raw: string | null): Filter {
  const filter: Filter = {};
  if (!raw) return filter;
  for (const part of raw.split(/\s+and\s+/i)) {
    const m = CLAUSE.exec(part.trim().replace(/^\((.*)\)$/, '$1'));
    if (!m) throw graphErrors.badRequest(`Invalid filter clause: ${part.trim()}`);
    if (m[2]) filter.eventType = m[2].toLowerCase();
    else if (m[3]?.toLowerCase() === 'appid') filter.appId = (m[4] ?? '').toLowerCase();
    else if (m[3]) filter.keyId = (m[4] ?? '').toLowerCase();
    else filter.since = Date.parse(m[6] ?? '');
  }
  return filter;
}

export function handleSignIns(
  req: GraphRequest,
  state: TenantState,
  now: Date,
  baseUrl: string,
): GraphResponse {
  if (req.method !== 'GET') throw graphErrors.methodNotAllowed();
  requireRole(req.caller, READ, graphErrors.insufficientPrivileges);
  const logs = state.signInLogs ?? { licensed: true };
  if (!logs.licensed) {
    throw new GraphHttpError(
      403,
      'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
      "Neither tenant is B2C or tenant doesn't have premium license",
    );
  }
  const filter = parseFilter(req.query.get('$filter'));
  const top = Math.min(Math.max(Number(req.query.get('$top') ?? 1000) || 1000, 1), 1000);
  const skip = Math.max(0, Number(req.query.get('$skiptoken') ?? 0) || 0);
  const all =
    filter.eventType === 'serviceprincipal'
      ? agentSignIns(logs, filter, signInClock(logs, now), skip + top + 1)
      : [];
  const value = all.slice(skip, skip + top);
  const more = all.length > skip + top;
  const query = new URLSearchParams(req.query);
  query.set('$skiptoken', String(skip + top));
  return {
    status: 200,
    body: {
      '@odata.context': 'https://graph.microsoft.com/beta/$metadata#auditLogs/signIns',
      value,
      ...(more
        ? {
            '@odata.nextLink': `${baseUrl}/beta/auditLogs/signIns?${query.toString().replace(/%24/g, '$')}`,
          }
        : {}),
    },
  };
}

function agentSignIns(logs: SignInLogs, filter: Filter, now: Date, top: number): unknown[] {
  const agent = logs.agent;
  if (!agent || (filter.appId !== undefined && filter.appId !== agent.appId)) return [];
  const step = agent.intervalMinutes * 60_000;
  const times: { at: number; keyId: string }[] = [];
  for (const period of agent.periods) {
    if (filter.keyId !== undefined && filter.keyId !== period.keyId) continue;
    const from = Date.parse(period.from);
    const end = Math.min(
      period.to === undefined ? Infinity : Date.parse(period.to) - 1,
      now.getTime(),
    );
    if (end < from) continue;
    const floor = Math.max(from, filter.since ?? -Infinity);
    // The newest `top` of each period suffice: the answer is the newest `top` overall.
    let taken = 0;
    for (
      let at = from + Math.floor((end - from) / step) * step;
      at >= floor && taken < top;
      at -= step
    ) {
      times.push({ at, keyId: period.keyId });
      taken++;
    }
  }
  return times
    .sort((a, b) => b.at - a.at)
    .slice(0, top)
    .map(({ at, keyId }) => ({
      id: guidFor(`signin:${keyId}:${at}`),
      createdDateTime: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      appId: agent.appId,
      appDisplayName: 'PCEmail',
      resourceDisplayName: 'Microsoft Graph',
      servicePrincipalCredentialKeyId: keyId,
      signInEventTypes: ['servicePrincipal'],
      status: { errorCode: 0, failureReason: null },
    }));
}

/** The sign-in logs' "now": the simulator's clock plus the offset tests advance. */
function signInClock(logs: SignInLogs, now: Date): Date {
  return new Date(now.getTime() + (logs.offsetMinutes ?? 0) * 60_000);
}

/** POST /_sim/sign-ins/advance {"minutes": n}: Emplifi Agent's timeline moves n minutes on. */
export function advanceSignIns(state: TenantState, fields: Record<string, unknown>) {
  const minutes = fields.minutes;
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0)
    return {
      status: 400,
      body: { error: { code: 'SimulatorControl', message: 'minutes must be a number >= 0' } },
    };
  const logs = (state.signInLogs ??= { licensed: true });
  logs.offsetMinutes = (logs.offsetMinutes ?? 0) + minutes;
  return { status: 200, body: { offsetMinutes: logs.offsetMinutes } };
}
