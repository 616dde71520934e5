import type { Logger } from '../logger';
import { updateItem, type StateStore } from '../store/state-store';
import type { Job, JobReport, JobTrigger } from './job';

export interface LeasedJobOptions {
  name: string;
  /** Jobs sharing a lease never run at the same time (e.g. the ingestion sweep and its digest). */
  lease?: string;
  store: StateStore;
  logger: Logger;
  /** 15–60 s (blob leases); renewed every third of it while the job runs. */
  ttlMs?: number;
  work: (run: LeasedRun) => Promise<Omit<JobReport, 'ran'>>;
}

export interface LeasedRun {
  /** Aborted when the lease was lost (renewal failed): stop posting, another instance may run. */
  signal: AbortSignal;
}

interface SlotRecord {
  slot: string;
}

/**
 * A Job that runs only while holding its lease in the shared store: any instance may run
 * any job, only the holder does; the others report `ran: false`. A scheduled slot that another
 * instance already ran is skipped, so clocks a little apart do not run a slot twice.
 */
export function leasedJob(options: LeasedJobOptions): Job {
  const leaseName = `jobs/${options.lease ?? options.name}`;
  const slotKey = `jobs/${options.name}/last-slot`;
  const ttlMs = options.ttlMs ?? 60_000;
  return {
    name: options.name,
    async run(trigger: JobTrigger = {}): Promise<JobReport> {
      const lease = await options.store.acquireLease(leaseName, ttlMs);
      if (!lease) return { ran: false, summary: `${options.name}: another instance is running it` };
      const lost = new AbortController();
      const renewal = setInterval(
        () => {
          lease.renew().then(
            (held) => {
              if (!held) lost.abort();
            },
            () => lost.abort(),
          );
        },
        Math.max(1_000, Math.floor(ttlMs / 3)),
      );
      renewal.unref();
      try {
        if (
          trigger.slot &&
          (await options.store.get<SlotRecord>(slotKey))?.value.slot === trigger.slot
        ) {
          return {
            ran: false,
            summary: `${options.name}: the run for ${trigger.slot} already happened`,
          };
        }
        const report = await options.work({ signal: lost.signal });
        if (trigger.slot) {
          const slot = trigger.slot;
          await updateItem<SlotRecord>(options.store, slotKey, (current) =>
            current && current.slot >= slot ? undefined : { slot },
          );
        }
        options.logger.info({ job: options.name, ...report.details }, report.summary);
        return { ran: true, ...report };
      } finally {
        clearInterval(renewal);
        await lease.release().catch(() => undefined);
      }
    },
  };
}
