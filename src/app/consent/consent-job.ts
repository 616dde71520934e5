import { isTenantError } from '../../domain';
import { isOpen, isPastExpiry, type ConsentRequest } from '../../domain/consent';
import type { Job, JobReport } from '../../jobs/job';
import { leasedJob } from '../../jobs/leased-job';
import type { ConsentInspection, ConsentServiceDeps } from './consent-deps';
import { forgetOpen, loadRequest, openRequestIds } from './consent-records';
import { expireIfDue } from './expire-request';
import { completeIfConsented } from './recheck-consent';

const CONSENT_JOB_NAME = 'consent-requests';

/**
 * The third job, `POST /api/jobs/consent-requests`: expires undecided requests and
 * re-checks open ones against the tenant (one read for all), completing those whose consent
 * appeared — through the admin-consent link, the Entra admin center, or anyone else.
 */
export function consentRequestsJob(deps: ConsentServiceDeps): Job {
  // Only the lease holder runs it (see jobs/leased-job.ts); its writes are conditional anyway.
  return leasedJob({
    name: CONSENT_JOB_NAME,
    store: deps.store,
    logger: deps.logger,
    work: () => runConsentRequests(deps),
  });
}

async function runConsentRequests(deps: ConsentServiceDeps): Promise<Omit<JobReport, 'ran'>> {
  const open: ConsentRequest[] = [];
  let expired = 0;
  for (const id of await openRequestIds(deps.store)) {
    const request = await loadRequest(deps.store, id);
    if (!request || !isOpen(request)) {
      await forgetOpen(deps.store, id);
      continue;
    }
    if (isPastExpiry(request, deps.now())) {
      if ((await expireIfDue(deps, id)).expired) expired++;
      continue;
    }
    open.push(request);
  }
  let completed = 0;
  let problem: string | undefined;
  if (open.length > 0) {
    let inspection: ConsentInspection | undefined;
    try {
      inspection = await deps.inspect();
    } catch (error) {
      if (!isTenantError(error)) throw error;
      problem = error.info.message;
    }
    if (inspection) {
      for (const request of open) {
        if (await completeIfConsented(deps, request, inspection)) completed++;
      }
    }
  }
  const summary =
    `${open.length + expired} open consent request(s): ${expired} expired, ${completed} completed` +
    (problem ? `; the tenant could not be read: ${problem}` : '');
  return {
    summary,
    details: { open: open.length, expired, completed, ...(problem ? { problem } : {}) },
  };
}
