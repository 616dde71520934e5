import { succeeded, type ErrorInfo } from '../domain';
import type { TokenSource } from './graph-raw-call';
import { createGraphClient } from './graph-client';
import { graphErrorInfo } from './graph-error';
import { parseAddedPassword, parsed } from './graph-parse';
import { odataString } from './graph-reads';
import { rawGraphCall } from './graph-raw-call';
import type { TransportPolicy } from './transport-policy';

export interface NewPassword {
  keyId: string;
  hint: string;
  endDateTime: string;
  /** The value: handed to the one approver once, never stored or logged. */
  secretText: string;
}

export type PasswordWrite<T> =
  { ok: true; value: T; requestId?: string } | { ok: false; error: ErrorInfo };

/**
 * Adds and removes client secrets of an app registration, addressed by appId:
 * `POST /applications(appId='{appId}')/addPassword` (200 with the passwordCredential, its
 * `secretText` returned only here: https://learn.microsoft.com/graph/api/application-addpassword)
 * and `POST …/removePassword` with `keyId` (204:
 * https://learn.microsoft.com/graph/api/application-removepassword). The token is the bot's
 * (Application.ReadWrite.OwnedBy, the bot an owner of the app) or the approver's delegated one.
 */
export class PasswordWriter {
  private readonly client;

  constructor(
    private readonly tokens: TokenSource,
    graphEndpoint: string,
    private readonly policy: TransportPolicy,
  ) {
    this.client = createGraphClient(() => tokens.accessToken(), graphEndpoint, policy);
  }

  async add(
    appId: string,
    input: { displayName: string; endDateTime: string },
  ): Promise<PasswordWrite<NewPassword>> {
    const answer = await rawGraphCall(
      this.client,
      this.tokens,
      this.policy,
      {
        method: 'POST',
        path: `/applications(appId=${odataString(appId)})/addPassword`,
        body: { passwordCredential: input },
      },
      false,
    );
    if ('error' in answer) return { ok: false, error: answer.error };
    if (answer.status !== 200 && answer.status !== 201)
      return { ok: false, error: graphErrorInfo(answer.status, answer.body, answer.headers) };
    // A 2xx answer this product cannot read (no keyId or secretText) is a failure coded
    // GRAPH_RESPONSE_MALFORMED, never a rotation with an empty value. The message names the field,
    // never its value.
    const read = parsed(succeeded<unknown>(answer.body), parseAddedPassword);
    if (!read.ok)
      return { ok: false, error: { ...read.error, status: answer.status, ...requestIdOf(answer) } };
    return {
      ok: true,
      value: read.value,
      ...requestIdOf(answer),
    };
  }

  /** Removing a secret that is gone already counts as done. */
  async remove(appId: string, keyId: string): Promise<PasswordWrite<{ alreadyGone: boolean }>> {
    const answer = await rawGraphCall(
      this.client,
      this.tokens,
      this.policy,
      {
        method: 'POST',
        path: `/applications(appId=${odataString(appId)})/removePassword`,
        body: { keyId },
      },
      true,
    );
    if ('error' in answer) return { ok: false, error: answer.error };
    const requestId = answer.requestId ? { requestId: answer.requestId } : {};
    if (answer.status === 204 || answer.status === 200)
      return { ok: true, value: { alreadyGone: false }, ...requestId };
    if (answer.status === 404) return { ok: true, value: { alreadyGone: true }, ...requestId };
    return { ok: false, error: graphErrorInfo(answer.status, answer.body, answer.headers) };
  }
}

function requestIdOf(answer: { requestId?: string }): { requestId?: string } {
  return answer.requestId ? { requestId: answer.requestId } : {};
}
