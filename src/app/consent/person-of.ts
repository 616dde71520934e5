import type { Person } from '../../domain/consent';
import type { Actor } from './consent-outcome';

/** The clicker as stored in a request and its audit trail: object id (when known) and name. */
export function personOf(actor: Actor): Person {
  return { ...(actor.aadObjectId ? { aadObjectId: actor.aadObjectId } : {}), name: actor.name };
}
