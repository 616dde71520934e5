import type { ErrorInfo } from '../domain';

/** One Graph write: done (or found done already), or why not, with Graph's request id either way. */
export type WriteOutcome =
  { ok: true; alreadyExisted: boolean; requestId?: string } | { ok: false; error: ErrorInfo };

/** The Graph writes a grant needs (implemented by `tenant/consent-writer.ts` `ConsentWriter`). */
export interface ConsentGrantWriter {
  assignAppRole(input: {
    resourceId: string;
    principalId: string;
    appRoleId: string;
  }): Promise<WriteOutcome>;
  grantOrganizationScope(input: {
    clientId: string;
    resourceId: string;
    scope: string;
  }): Promise<WriteOutcome>;
}
