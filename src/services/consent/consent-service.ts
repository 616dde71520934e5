import type { AdaptiveCard } from '../../cards';
import { renderConsentHistoryCard } from '../../cards/consent';
import type { ConsentMode } from '../../domain/consent';
import type { Job } from '../../jobs/job';
import { approveConsent, type ApproveInput } from './approve-consent';
import type { ConsentServiceDeps } from './consent-deps';
import { consentRequestsJob } from './consent-job';
import type { Actor, ConsentActionOutcome } from './consent-outcome';
import { recentAudit } from './consent-records';
import { recheckConsent, viewRequest } from './recheck-consent';
import { rejectConsent, type RejectInput } from './reject-consent';
import { requestCard } from './request-card';
import {
  requestConsent,
  type RequestConsentInput,
  type RequestConsentOutcome,
} from './request-consent';

/** The consent approval use cases (README, "Admin consent approval"), one object for the bot's handlers. */
export interface ConsentService {
  readonly mode: ConsentMode;
  request(input: RequestConsentInput): Promise<RequestConsentOutcome>;
  approve(input: ApproveInput): Promise<ConsentActionOutcome>;
  reject(input: RejectInput): Promise<ConsentActionOutcome>;
  recheck(input: { requestId: unknown; actor: Actor }): Promise<ConsentActionOutcome>;
  view(input: { requestId: unknown; actor: Actor }): Promise<ConsentActionOutcome>;
  /** The request card for an outcome; undefined when there is no request to show. */
  cardFor(outcome: ConsentActionOutcome): AdaptiveCard | undefined;
  historyCard(limit?: number): Promise<AdaptiveCard>;
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
    cardFor: (outcome) =>
      outcome.request
        ? requestCard(deps, outcome.request, {
            ...(outcome.notice ? { notice: outcome.notice } : {}),
            ...(outcome.viewer ? { viewer: outcome.viewer } : {}),
          })
        : undefined,
    historyCard: async (limit = 15) =>
      renderConsentHistoryCard({
        records: await recentAudit(deps.store, limit),
        tenant: deps.tenant,
      }),
    job: () => consentRequestsJob(deps),
    checkSignIn: async (userToken) =>
      deps.delegated ? (await deps.delegated.exchange(userToken)).ok : false,
  };
}
