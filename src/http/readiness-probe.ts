import type { Logger } from '../logger';
import { errorMessage } from '../domain/product-error';

/** How long one inspector sign-in answers /readyz: probes every few seconds cost one token request. */
const SIGN_IN_PROBE_CACHE_MS = 10_000;

export interface ReadinessParts {
  /** True when the state store answers. */
  pingStore: () => Promise<boolean>;
  /** Throws when the inspector cannot sign in (its message may name ids: it goes to the log only). */
  signIn: () => Promise<void>;
  logger: Logger;
  now?: () => number;
}

export interface Readiness {
  ready: boolean;
  /** Generic reasons, safe for an unauthenticated caller: no ids, no Entra text. */
  problems: string[];
}

/**
 * The readiness probe: the store is pinged each time; the inspector's sign-in result is kept for
 * SIGN_IN_PROBE_CACHE_MS so that /readyz cannot be used to make token requests. Details of a
 * failure go to the log, once per probe.
 */
export function readinessProbe(parts: ReadinessParts): () => Promise<Readiness> {
  const now = parts.now ?? Date.now;
  let cached: { at: number; result: Promise<boolean> } | undefined;
  const signedIn = (): Promise<boolean> => {
    if (cached && now() - cached.at < SIGN_IN_PROBE_CACHE_MS) return cached.result;
    const result = parts.signIn().then(
      () => true,
      (error: unknown) => {
        parts.logger.warn(
          { err: { message: errorMessage(error) } },
          'readiness: the inspector cannot sign in',
        );
        return false;
      },
    );
    cached = { at: now(), result };
    return result;
  };
  return async () => {
    const [store, signIn] = await Promise.all([parts.pingStore().catch(() => false), signedIn()]);
    const problems: string[] = [];
    if (!store) problems.push('the state store cannot be reached');
    if (!signIn) problems.push('the tenant cannot be signed in to');
    if (!store) parts.logger.warn('readiness: the state store cannot be reached');
    return { ready: problems.length === 0, problems };
  };
}
