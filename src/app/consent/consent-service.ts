import type { ConsentAuditRecord, ConsentMode, ConsentRequest } from '../../domain/consent';
import type { Job } from '../../jobs/job';
import type { RequestView } from '../../ports/request-board';
import { approveConsent, type ApproveInput } from './approve-consent';
import type { ConsentServiceDeps } from './consent-deps';
import { consentRequestsJob } from './consent-job';
import type { Actor, ConsentActionOutcome } from './consent-outcome';
import { recentAudit } from './consent-records';
import { recheckConsent, viewRequest } from './recheck-consent';
import { rejectConsent, type RejectInput } from './reject-consent';
import {
  requestConsent,
  type RequestConsentInput,
  type RequestConsentOutcome,
} from './request-consent';
import { requestView } from './request-view';

/** `consent history`: the recent audit records, newest first, and the tenant they belong to. */
export interface ConsentHistoryView {
  records: ConsentAuditRecord[];
  tenant: { id: string; mode: 'live' | 'simulated' };
}

/**
 * The consent approval use cases (docs/ARCHITECTURE.md, path 2), one object for the bot's
 * handlers. They return data; bot/consent/ renders the cards.
 */
export interface ConsentService {
  readonly mode: ConsentMode;
  request(input: RequestConsentInput): Promise<RequestConsentOutcome>;
  approve(input: ApproveInput): Promise<ConsentActionOutcome>;
  reject(input: RejectInput): Promise<ConsentActionOutcome>;
  recheck(input: { requestId: unknown; actor: Actor }): Promise<ConsentActionOutcome>;
  view(input: { requestId: unknown; actor: Actor }): Promise<ConsentActionOutcome>;
  /** The request as its card shows it to everyone (links, mode and tenant included). */
  viewOf(request: ConsentRequest): RequestView;
  history(limit?: number): Promise<ConsentHistoryView>;
  /** Delegated mode: whether this SSO token can be exchanged on-behalf-of (nothing is kept). */
  checkSignIn(userToken: string): Promise<boolean>;
  job(): Job;
}

export function createConsentService(deps: ConsentServiceDeps): ConsentService {
  return {
    mode: deps.mode,
    request: (input) => requestConsent(deps, input),
    approve: (input) => approveConsent(deps, input),
    reject: (input) => rejectConsent(deps, input),
    recheck: (input) => recheckConsent(deps, input),
    view: (input) => viewRequest(deps, input),
    viewOf: (request) => requestView(deps, request),
    history: async (limit = 15) => ({
      records: await recentAudit(deps.store, limit),
      tenant: deps.tenant,
    }),
    job: () => consentRequestsJob(deps),
    checkSignIn: async (userToken) =>
      deps.delegated ? (await deps.delegated.exchange(userToken)).ok : false,
  };
}
