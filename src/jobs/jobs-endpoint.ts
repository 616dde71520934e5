import { timingSafeEqual, createHash } from 'node:crypto';
import type restify from 'restify';
import type { Logger } from '../logger';
import type { Job } from './job';
import { errorMessage } from '../domain/product-error';

/**
 * `POST /api/jobs/<name>` for external schedulers: only with JOBS_KEY configured, only
 * with `Authorization: Bearer <JOBS_KEY>` (compared in constant time); unknown names are 404.
 */
export function registerJobRoutes(
  server: restify.Server,
  options: { jobsKey?: string; jobs: readonly Job[]; logger: Logger },
): void {
  if (!options.jobsKey) return;
  const expected = digest(`Bearer ${options.jobsKey}`);
  server.post('/api/jobs/:name', async (req, res) => {
    const presented = digest(req.header('authorization') ?? '');
    if (!timingSafeEqual(presented, expected)) {
      res.send(401, { error: 'unauthorized' });
      return;
    }
    const job = options.jobs.find((j) => j.name === (req.params as { name?: string }).name);
    if (!job) {
      res.send(404, { error: 'no such job' });
      return;
    }
    try {
      const report = await job.run();
      res.send(200, report);
    } catch (error) {
      options.logger.error({ job: job.name, err: { message: errorMessage(error) } }, 'job failed');
      res.send(500, { error: 'the job failed; see the bot logs' });
    }
  });
}

/** Hashing first gives equal-length buffers, as timingSafeEqual needs. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
