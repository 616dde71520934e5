import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { ProductError, type ErrorInfo } from '../domain';
import { graphErrorInfo, unavailable } from './graph-error';
import { describeTransportError } from './transport-error';
import { isTransientStatus, retryDelayMs, type TransportPolicy } from './transport-policy';

/** Where a writer's Graph token comes from (an AppOnlySignIn, or one delegated token). */
export interface TokenSource {
  /** `fresh` asks for a new token; a source that cannot renew throws, and the answer stands. */
  signIn(fresh?: boolean): Promise<unknown>;
  accessToken(): Promise<string>;
}

export interface RawAnswer {
  status: number;
  body: unknown;
  requestId?: string;
  headers: Record<string, string>;
}

export interface RawRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  beta?: boolean;
}

/**
 * One Graph request through the SDK, answered raw; never throws. `retryTransient`: 429/5xx and
 * network failures are retried within the policy — only for requests safe to repeat. A request that
 * creates something (addPassword) is retried on 429 alone, which Graph answers before doing anything.
 * `refreshOn403`: a 403 is retried once with a fresh token, since roles granted since the token was
 * issued only show up in a new one.
 */
export async function rawGraphCall(
  client: Client,
  tokens: TokenSource,
  policy: TransportPolicy,
  request: RawRequest,
  retryTransient: boolean,
  options: { refreshOn403?: boolean } = {},
): Promise<RawAnswer | { error: ErrorInfo }> {
  try {
    await tokens.signIn();
  } catch (error) {
    return {
      error: error instanceof ProductError ? error.info : unavailable('the bot could not sign in'),
    };
  }
  let refreshedToken = !options.refreshOn403;
  for (let attempt = 0; ; attempt++) {
    let answer: RawAnswer;
    try {
      answer = await once(client, request);
    } catch (error) {
      if (!retryTransient || attempt >= policy.maxRetries)
        return { error: unavailable(describeTransportError(error)) };
      await policy.sleep(retryDelayMs(undefined, attempt, policy));
      continue;
    }
    if (answer.status === 403 && !refreshedToken) {
      refreshedToken = true;
      try {
        await tokens.signIn(true);
      } catch {
        return answer;
      }
      attempt--;
      continue;
    }
    const retryable = retryTransient ? isTransientStatus(answer.status) : answer.status === 429;
    if (!retryable) return answer;
    if (attempt >= policy.maxRetries) {
      const info = graphErrorInfo(answer.status, answer.body, answer.headers);
      const code = info.serviceCode ? ` ${info.serviceCode}` : '';
      return { error: unavailable(`HTTP ${answer.status}${code}`, info.requestId) };
    }
    await policy.sleep(retryDelayMs(answer.headers['retry-after'], attempt, policy));
  }
}

async function once(client: Client, request: RawRequest): Promise<RawAnswer> {
  let builder = client.api(request.path).responseType(ResponseType.RAW);
  if (request.beta) builder = builder.version('beta');
  const response = (await (request.method === 'GET'
    ? builder.get()
    : request.method === 'PATCH'
      ? builder.patch(request.body ?? {})
      : builder.post(request.body ?? {}))) as Response;
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  return { status: response.status, body: parsed, headers, requestId: headers['request-id'] };
}
