import type { RunningSimulator } from '../../src/simulator';

/** Small HTTP helpers for the simulator's tests: they talk to it only over HTTP, as the product does. */

/** A parsed JSON body, read loosely: tests poke at Microsoft's shapes field by field. */
export type JsonBody = ReturnType<typeof JSON.parse>;

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: JsonBody;
}

async function readJson(res: Response): Promise<JsonResponse> {
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

export async function requestToken(
  sim: RunningSimulator,
  clientId: string,
  secret: string,
  options: { tenant?: string; scope?: string; extra?: Record<string, string> } = {},
): Promise<JsonResponse> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: secret,
    scope: options.scope ?? 'https://graph.microsoft.com/.default',
    ...options.extra,
  });
  const tenant = options.tenant ?? sim.scenario.tenantId;
  const res = await fetch(`${sim.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: form.toString(),
  });
  return readJson(res);
}

export async function accessToken(
  sim: RunningSimulator,
  who: 'inspector' | 'pcemail',
): Promise<string> {
  const env = sim.productEnv();
  const clientId = who === 'inspector' ? env.GRAPH_CLIENT_ID : sim.scenario.pcemailAppIds[0];
  const secret = who === 'inspector' ? env.GRAPH_CLIENT_SECRET : env.PCEMAIL_CLIENT_SECRET;
  const res = await requestToken(sim, clientId ?? '', secret ?? '');
  if (res.status !== 200)
    throw new Error(`token for ${who}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.access_token as string;
}

export async function graph(
  sim: RunningSimulator,
  path: string,
  token: string | undefined,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse> {
  const url = path.startsWith('http') ? path : `${sim.url}/v1.0${path}`;
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return readJson(res);
}

export function jwtClaims(token: unknown): JsonBody {
  const [, payload = ''] = String(token).split('.');
  const claims: JsonBody = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return claims;
}

export function mailboxPath(address: string, rest = '/mailFolders/inbox'): string {
  return `/users/${encodeURIComponent(address)}${rest}`;
}

/** The `value` array of a Graph collection response. */
export function valuesOf<T = JsonBody>(res: JsonResponse): T[] {
  return res.body.value as T[];
}

/** The sorted `roles` claim of an access token, or undefined when it has none. */
export function rolesOf(token: unknown): string[] | undefined {
  const roles = jwtClaims(token).roles as string[] | undefined;
  return roles ? [...roles].sort() : undefined;
}
