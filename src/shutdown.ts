import type { Logger } from './logger';
import { errorMessage } from './domain/product-error';

/** One thing to stop at shutdown, in order: the HTTP edge first (it waits for turns), then what they use. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<unknown>;
}

/**
 * Runs the steps in order, each bounded by `stepTimeoutMs` so a stuck one cannot keep the process
 * alive past the platform's kill; a failing step is logged and the rest still run. Resolves true
 * when every step finished in time.
 */
export async function shutDown(
  steps: readonly ShutdownStep[],
  logger: Logger,
  stepTimeoutMs: number,
): Promise<boolean> {
  let clean = true;
  for (const step of steps) {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), stepTimeoutMs);
      timer.unref();
    });
    try {
      const outcome = await Promise.race([step.run().then(() => 'done' as const), late]);
      if (outcome === 'late') {
        clean = false;
        logger.warn(
          { step: step.name, afterMs: stepTimeoutMs },
          'shutdown step did not finish in time',
        );
      } else {
        logger.info({ step: step.name, durationMs: Date.now() - started }, 'shutdown step done');
      }
    } catch (error) {
      clean = false;
      logger.error(
        { step: step.name, err: { message: errorMessage(error) } },
        'shutdown step failed',
      );
    } finally {
      clearTimeout(timer);
    }
  }
  return clean;
}
