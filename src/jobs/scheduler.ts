import type { Logger } from '../logger';
import { nextRunAfter } from './cron-schedule';
import type { Job } from './job';
import { errorMessage } from '../domain/product-error';

export interface ScheduledJob {
  job: Job;
  /** Cron expression (croner syntax), read in `timezone`. */
  cron: string;
}

export interface SchedulerTimers {
  now(): Date;
  /** Calls `fire` after `ms`; the handle cancels it. Real timers are unref'd (they never keep a process up). */
  setTimer(fire: () => void, ms: number): { cancel(): void };
}

const realTimers: SchedulerTimers = {
  now: () => new Date(),
  setTimer(fire, ms) {
    const timer = setTimeout(fire, ms);
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** setTimeout holds at most ~24.8 days; a later run is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface RunningScheduler {
  stop(): void;
}

/**
 * Runs jobs in-process on their cron schedules (each configurable, or off). Every instance runs a
 * scheduler; the job's lease makes one of them do the work, the slot record keeps it to once.
 * A run that is still going when the next slot comes is not started twice.
 */
export function startScheduler(
  entries: readonly ScheduledJob[],
  options: { timezone: string; logger: Logger; timers?: SchedulerTimers },
): RunningScheduler {
  const timers = options.timers ?? realTimers;
  const handles = new Map<ScheduledJob, { cancel(): void }>();
  let stopped = false;

  const plan = (entry: ScheduledJob, after: Date): void => {
    if (stopped) return;
    const next = nextRunAfter(entry.cron, after, options.timezone);
    if (!next) return;
    const delay = next.getTime() - timers.now().getTime();
    handles.set(
      entry,
      timers.setTimer(
        () => {
          if (next.getTime() > timers.now().getTime()) {
            plan(entry, new Date(next.getTime() - 1));
            return;
          }
          void fire(entry, next);
        },
        Math.min(Math.max(0, delay), MAX_TIMER_MS),
      ),
    );
  };

  const fire = async (entry: ScheduledJob, slot: Date): Promise<void> => {
    try {
      const report = await entry.job.run({ slot: slot.toISOString() });
      if (!report.ran) options.logger.debug({ job: entry.job.name }, report.summary);
    } catch (error) {
      options.logger.error(
        { job: entry.job.name, err: { message: errorMessage(error) } },
        'scheduled job failed',
      );
    } finally {
      plan(entry, new Date(Math.max(slot.getTime(), timers.now().getTime())));
    }
  };

  for (const entry of entries) plan(entry, timers.now());
  return {
    stop() {
      stopped = true;
      for (const handle of handles.values()) handle.cancel();
      handles.clear();
    },
  };
}
