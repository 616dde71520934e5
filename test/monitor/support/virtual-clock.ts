import type { PacingClock } from '../../../src/monitor/pacing-clock';

/**
 * Discrete-event time for tests: `sleep` parks the caller until the clock reaches its wake time, and
 * `run` advances the clock to the earliest sleeper whenever everything else is waiting. Nothing
 * waits for real. Works when all I/O in the test is in-process (promises, setImmediate).
 */
export class VirtualClock implements PacingClock {
  private time: number;
  private sleepers: { wake: number; resolve: () => void; seq: number }[] = [];
  private seq = 0;

  constructor(start = Date.UTC(2025, 0, 6, 8, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.sleepers.push({ wake: this.time + Math.max(0, ms), resolve, seq: this.seq++ });
    });
  }

  /** Drives `work` to completion in virtual time; returns its result and the virtual time it took. */
  async run<T>(work: Promise<T>): Promise<{ result: T; elapsedMs: number }> {
    const start = this.time;
    let settled = false;
    let result: T | undefined;
    let failure: Error | undefined;
    work.then(
      (value) => {
        settled = true;
        result = value;
      },
      (error: unknown) => {
        settled = true;
        failure = error instanceof Error ? error : new Error(String(error));
      },
    );
    for (;;) {
      await flush();
      if (settled) break;
      if (this.sleepers.length === 0)
        throw new Error('deadlock: nothing sleeps and the work is not done');
      this.sleepers.sort((a, b) => a.wake - b.wake || a.seq - b.seq);
      const wake = this.sleepers[0]!.wake;
      this.time = Math.max(this.time, wake);
      const due = this.sleepers.filter((s) => s.wake <= this.time);
      this.sleepers = this.sleepers.filter((s) => s.wake > this.time);
      for (const sleeper of due) sleeper.resolve();
    }
    if (failure) throw failure;
    return { result: result as T, elapsedMs: this.time - start };
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
