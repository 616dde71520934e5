import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { leasedJob } from '../../src/jobs/leased-job';
import { FileStateStore } from '../../src/store';
import { capturingLogger } from '../support/log-capture';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'leased-job-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('leased jobs', () => {
  it('when two callers run the job at once, then one works and the other reports that another instance runs it', async () => {
    const store = new FileStateStore(dir);
    let working = 0;
    let maxAtOnce = 0;
    const job = leasedJob({
      name: 'secret-expiry',
      store,
      logger: capturingLogger().logger,
      ttlMs: 15_000,
      work: async () => {
        working++;
        maxAtOnce = Math.max(maxAtOnce, working);
        await new Promise((resolve) => setTimeout(resolve, 50));
        working--;
        return { summary: 'done' };
      },
    });
    const reports = await Promise.all([job.run(), job.run(), job.run()]);
    expect(reports.filter((r) => r.ran)).toHaveLength(1);
    expect(reports.filter((r) => !r.ran).map((r) => r.summary)).toEqual([
      'secret-expiry: another instance is running it',
      'secret-expiry: another instance is running it',
    ]);
    expect(maxAtOnce).toBe(1);
    // The lease was released: the next run works.
    expect((await job.run()).ran).toBe(true);
  });

  it('when a scheduled slot already ran (another instance), then it is not run again', async () => {
    const store = new FileStateStore(dir);
    let runs = 0;
    const job = leasedJob({
      name: 'ingestion-status',
      store,
      logger: capturingLogger().logger,
      work: () => Promise.resolve({ summary: `run ${++runs}` }),
    });
    expect((await job.run({ slot: '2025-01-01T08:00:00.000Z' })).ran).toBe(true);
    expect((await job.run({ slot: '2025-01-01T08:00:00.000Z' })).ran).toBe(false);
    expect((await job.run()).ran).toBe(true);
    expect((await job.run({ slot: '2025-01-01T08:15:00.000Z' })).ran).toBe(true);
    expect(runs).toBe(3);
  });
});
