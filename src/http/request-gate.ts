import type { ServerResponse } from 'node:http';

/**
 * Admits requests until a shutdown starts, counts those in flight, and lets the shutdown wait for
 * them: stop taking new work, finish what is running, then close.
 */
export class RequestGate {
  private running = 0;
  private draining = false;
  private waiters: (() => void)[] = [];

  get isDraining(): boolean {
    return this.draining;
  }

  get inFlight(): number {
    return this.running;
  }

  /** Counts the request until its response is finished or its connection closes. */
  track(res: ServerResponse): void {
    this.running++;
    let done = false;
    const leave = (): void => {
      if (done) return;
      done = true;
      this.running--;
      if (this.running === 0) this.wake();
    };
    res.once('finish', leave);
    res.once('close', leave);
  }

  /** Stops admitting; resolves true once nothing runs, false if `graceMs` passed first. */
  async drain(graceMs: number): Promise<boolean> {
    this.draining = true;
    if (this.running === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.waiters.push(() => resolve(true)));
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    });
    try {
      return await Promise.race([idle, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
