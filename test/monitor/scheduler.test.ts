import { startScheduler, type SchedulerTimers } from '../../src/jobs/scheduler';
import type { Job, JobTrigger } from '../../src/jobs/job';
import { capturingLogger } from '../support/log-capture';

/** Timers on a hand-moved clock: `advance` fires what falls due, in order. */
function fakeTimers(start: string) {
  let now = Date.parse(start);
  let timers: { at: number; fire: () => void; id: number }[] = [];
  let id = 0;
  const api: SchedulerTimers = {
    now: () => new Date(now),
    setTimer(fire, ms) {
      const timer = { at: now + ms, fire, id: id++ };
      timers.push(timer);
      return { cancel: () => (timers = timers.filter((t) => t !== timer)) };
    },
  };
  return {
    api,
    pending: () => timers.length,
    async advanceTo(iso: string) {
      const target = Date.parse(iso);
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const next = timers[0];
        if (!next || next.at > target) break;
        timers = timers.slice(1);
        now = next.at;
        next.fire();
        await new Promise((resolve) => setImmediate(resolve));
      }
      now = target;
    },
  };
}

function recordingJob(): Job & { slots: string[] } {
  const slots: string[] = [];
  return {
    name: 'secret-expiry',
    slots,
    run: (trigger?: JobTrigger) => {
      slots.push(trigger?.slot ?? '');
      return Promise.resolve({ ran: true, summary: 'ok' });
    },
  };
}

describe('in-process scheduler', () => {
  it('when the clock passes cron slots, then the job runs once per slot with that slot, in the schedule time zone', async () => {
    const timers = fakeTimers('2025-03-29T22:00:00Z');
    const job = recordingJob();
    const scheduler = startScheduler([{ job, cron: '0 8 * * *' }], {
      timezone: 'Europe/Prague',
      logger: capturingLogger().logger,
      timers: timers.api,
    });
    await timers.advanceTo('2025-04-01T12:00:00Z');
    // 08:00 in Prague: UTC+1 before the DST change on 30 March, UTC+2 after.
    expect(job.slots).toEqual([
      '2025-03-30T06:00:00.000Z',
      '2025-03-31T06:00:00.000Z',
      '2025-04-01T06:00:00.000Z',
    ]);
    scheduler.stop();
    expect(timers.pending()).toBe(0);
  });

  it('when a job throws, then the error is logged and the next slot still runs', async () => {
    const timers = fakeTimers('2025-01-01T00:00:00Z');
    let calls = 0;
    const { logger, lines } = capturingLogger();
    const job: Job = {
      name: 'ingestion-status',
      run: () => {
        calls++;
        return calls === 1
          ? Promise.reject(new Error('boom'))
          : Promise.resolve({ ran: true, summary: 'ok' });
      },
    };
    const scheduler = startScheduler([{ job, cron: '*/15 * * * *' }], {
      timezone: 'UTC',
      logger,
      timers: timers.api,
    });
    await timers.advanceTo('2025-01-01T00:31:00Z');
    expect(calls).toBe(2);
    expect(lines.join('')).toMatch(/scheduled job failed/);
    scheduler.stop();
  });
});
