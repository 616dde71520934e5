import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { describeTransportError } from './transport-error';
import { isTransientStatus, retryDelayMs, type TransportPolicy } from './transport-policy';
import { ErrorCode, ProductError } from '../domain/product-error';

/**
 * MSAL's transport, pointed at AUTHORITY_HOST. The authority is AUTHORITY_HOST/{tenant}, except for
 * a loopback stand-in: MSAL refuses http:// authorities, so there the authority stays
 * login.microsoftonline.com and this client sends each request to the configured host instead
 * (see msal-authority.ts). It also bounds every call with a timeout and retries transient answers,
 * so a slow Entra cannot hang a check.
 */
export class EntraNetworkClient implements INetworkModule {
  constructor(
    private readonly authorityHost: string,
    private readonly policy: TransportPolicy,
  ) {}

  sendGetRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  sendPostRequestAsync<T>(
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(
    method: string,
    url: string,
    options: NetworkRequestOptions | undefined,
  ): Promise<NetworkResponse<T>> {
    const target = this.rewrite(url);
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= this.policy.maxRetries;
      try {
        const response = await fetch(target, {
          method,
          headers: options?.headers,
          body: method === 'POST' ? (options?.body ?? '') : undefined,
          signal: AbortSignal.timeout(this.policy.timeoutMs),
        });
        if (isTransientStatus(response.status) && !last) {
          await response.body?.cancel();
          await this.policy.sleep(
            retryDelayMs(response.headers.get('retry-after'), attempt, this.policy),
          );
          continue;
        }
        const text = await response.text();
        // A success whose body is garbled is the service failing, not a verdict on the secret: retry it.
        if (response.ok && !isJson(text))
          throw new ProductError({
            code: ErrorCode.ServiceUnavailable,
            message: 'Entra returned a garbled answer',
          });
        return {
          headers: headerRecord(response.headers),
          body: parseBody<T>(text),
          status: response.status,
        };
      } catch (error) {
        if (last)
          throw new ProductError(
            {
              code: ErrorCode.ServiceUnavailable,
              message: `Entra could not be reached: ${describeTransportError(error)}`,
            },
            { cause: error },
          );
        await this.policy.sleep(retryDelayMs(undefined, attempt, this.policy));
      }
    }
  }

  private rewrite(url: string): string {
    const original = new URL(url);
    const host = new URL(this.authorityHost);
    const basePath = host.pathname.replace(/\/+$/, '');
    return `${host.origin}${basePath}${original.pathname}${original.search}`;
  }
}

function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name.toLowerCase()] = value;
  });
  return record;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A garbled body becomes a server error MSAL can report, instead of a JSON exception. */
function parseBody<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return {
      error: 'invalid_response',
      error_description: 'Entra returned a body that is not JSON.',
    } as T;
  }
}
