import { renderIngestionChangesCard, renderIngestionDigestCard } from '../cards/notifications';
import type { JobReport } from '../jobs/job';
import type { LeasedRun } from '../jobs/leased-job';
import type { Notifier } from '../ports/notifier';
import {
  notifyIngestion,
  type IngestionInputs,
  type IngestionNotice,
} from '../app/notifications/ingestion-notices';

export interface IngestionJobDeps extends IngestionInputs {
  notifier: Notifier;
}

/**
 * The ingestion-status and ingestion-digest jobs (run under their leases by `build-monitor.ts`):
 * the use case sweeps and decides which channel gets which notice; each is rendered here and sent
 * through the `Notifier`.
 */
export function runIngestion(
  deps: IngestionJobDeps,
  options: { digest: boolean },
  run?: LeasedRun,
): Promise<Omit<JobReport, 'ran'>> {
  return notifyIngestion(
    {
      ...deps,
      post: (conversation, notice) => deps.notifier.post(conversation, renderNotice(notice)),
    },
    options,
    run?.signal,
  );
}

function renderNotice(notice: IngestionNotice) {
  return notice.kind === 'digest'
    ? renderIngestionDigestCard(notice.view)
    : renderIngestionChangesCard(notice.view);
}
