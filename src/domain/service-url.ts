/**
 * The Bot Connector hosts Microsoft documents for Teams, public cloud and US government clouds
 * (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
 * Teams hands out regional paths under these hosts (e.g. /amer/, /emea/, /teams/), so a host
 * matches with any path. Teams operated by 21Vianet has no documented host: add it to
 * ALLOWED_SERVICE_URLS (docs/DEPLOYMENT.md).
 */
export const TEAMS_SERVICE_URLS = [
  'https://smba.trafficmanager.net/',
  'https://smba.infra.gcc.teams.microsoft.com/',
  'https://smba.infra.gov.teams.microsoft.us/',
  'https://smba.infra.dod.teams.microsoft.us/',
] as const;

/** Loopback on any port: allowed only while inbound authentication is off (local runs). */
export const LOOPBACK_SERVICE_URLS = [
  'http://127.0.0.1/',
  'http://localhost/',
  'http://[::1]/',
] as const;

const MAX_URL_LENGTH = 2048;

/**
 * True when `serviceUrl` is under one of `allowed`: same scheme and host, the entry's path as a
 * prefix, and the entry's port (a loopback entry without a port matches any port).
 */
export function isServiceUrlAllowed(serviceUrl: unknown, allowed: readonly string[]): boolean {
  if (typeof serviceUrl !== 'string' || serviceUrl.length > MAX_URL_LENGTH) return false;
  const candidate = parse(serviceUrl);
  if (!candidate || candidate.username || candidate.password) return false;
  return allowed.some((entry) => {
    const rule = parse(entry);
    if (!rule) return false;
    if (rule.protocol !== candidate.protocol || rule.hostname !== candidate.hostname) return false;
    const anyPort = rule.port === '' && isLoopback(rule.hostname);
    if (!anyPort && rule.port !== candidate.port) return false;
    const prefix = rule.pathname.endsWith('/') ? rule.pathname : `${rule.pathname}/`;
    const path = candidate.pathname.endsWith('/') ? candidate.pathname : `${candidate.pathname}/`;
    return path.toLowerCase().startsWith(prefix.toLowerCase());
  });
}

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}
