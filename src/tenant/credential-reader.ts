import { ErrorCode, failed, isProductError, type AppRegistration, type Outcome } from '../domain';
import type { AppOnlySignIn } from './app-only-sign-in';
import { readInBatches } from './batch-reader';
import { createGraphClient } from './graph-client';
import { parseApplication, parsed, parseList } from './graph-parse';
import { applicationsRead } from './graph-reads';
import type { TransportPolicy } from './transport-policy';

/** An app registration to watch: by appId, or (PCEmail without PCEMAIL_APP_ID) by display name. */
export type WatchedAppTarget = { appId: string } | { name: string };

export interface CredentialReaderOptions {
  inspector: AppOnlySignIn;
  graphEndpoint: string;
  policy: TransportPolicy;
}

/**
 * Reads the watched apps' client secrets and certificates (passwordCredentials, keyCredentials)
 * with the inspector identity: one $batch for all of them, whatever their number.
 */
export class CredentialReader {
  private readonly client;

  constructor(private readonly options: CredentialReaderOptions) {
    this.client = createGraphClient(
      () => options.inspector.accessToken(),
      options.graphEndpoint,
      options.policy,
    );
  }

  /** One outcome per target, in order: the registrations that match it (none, one, or several by name). */
  async read(targets: readonly WatchedAppTarget[]): Promise<Outcome<AppRegistration[]>[]> {
    try {
      await this.options.inspector.signIn();
    } catch (error) {
      const outcome = failed<AppRegistration[]>({
        code: ErrorCode.InspectorUnavailable,
        message: isProductError(error)
          ? error.info.message
          : 'the inspector identity could not sign in',
      });
      return targets.map(() => outcome);
    }
    const reads = targets.map((target, index) => applicationsRead(`a${index}`, target));
    const results = await readInBatches(this.client, reads, { policy: this.options.policy });
    return targets.map((_, index) => {
      const outcome = results.get(`a${index}`);
      if (!outcome)
        return failed({
          code: ErrorCode.ServiceUnavailable,
          message: 'Graph was unavailable — try again.',
        });
      return parsed(outcome, (value) => parseList(value, 'application', parseApplication));
    });
  }
}
