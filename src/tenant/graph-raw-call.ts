import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import { ProductError, type ErrorInfo } from '../domain';
import type { TokenSource } from './consent-writer';
import { graphErrorInfo, unavailable } from './graph-error';
import { describeTransportError } from './transport-error';
import { isTransientStatus, retryDelayMs, type TransportPolicy } from './transport-policy';

export interface RawAnswer {
  status: number;
  body: unknown;
  requestId?: string;
  headers: Record<string, string>;
}

/**
 * One Graph request through the SDK, answered raw; never throws. `retryTransient`: 429/5xx and
 * network failures are retried within the policy — only for requests safe to repeat. A request that
 * creates something (addPassword) is retried on 429 alone, which Graph answers before doing anything.
 */
export async function rawGraphCall(
  client: Client,
  tokens: TokenSource,
  policy: TransportPolicy,
  request: { method: 'GET' | 'POST'; path: string; body?: unknown; beta?: boolean },
  retryTransient: boolean,
): Promise<RawAnswer | { error: ErrorInfo }> {
  try {
    await tokens.signIn();
  } catch (error) {
    return {
      error: error instanceof ProductError ? error.info : unavailable('the bot could not sign in'),
    };
  }
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
    const retryable = retryTransient ? isTransientStatus(answer.status) : answer.status === 429;
    if (!retryable) return answer;
    if (attempt >= policy.maxRetries) {
      const info = graphErrorInfo(answer.status, answer.body, answer.headers);
      return { error: unavailable(`HTTP ${answer.status}`, info.requestId) };
    }
    await policy.sleep(retryDelayMs(answer.headers['retry-after'], attempt, policy));
  }
}

async function once(
  client: Client,
  request: { method: 'GET' | 'POST'; path: string; body?: unknown; beta?: boolean },
): Promise<RawAnswer> {
  let builder = client.api(request.path).responseType(ResponseType.RAW);
  if (request.beta) builder = builder.version('beta');
  const response = (await (request.method === 'GET'
    ? builder.get()
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
