import type { Lease } from './state-store';

/** What a store does for a lease it handed out: extend it, or give it up. */
export interface LeaseBackend {
  /** True when the lease was extended by `ttlMs`; false when it is no longer this holder's. */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * A lease that also keeps its own clock, started before the request that took it. Once that clock
 * runs out the lease counts as lost, even if the store would still renew it (Azure renews a lease
 * that expired unnoticed), because another instance may have held it in between.
 */
export class TrackedLease implements Lease {
  private expiresAt: number;
  private lost = false;
  private released = false;

  constructor(
    readonly name: string,
    private readonly ttlMs: number,
    startedAt: number,
    private readonly backend: LeaseBackend,
  ) {
    this.expiresAt = startedAt + ttlMs;
  }

  async renew(): Promise<boolean> {
    if (this.lost || this.released) return false;
    const startedAt = Date.now();
    if (startedAt >= this.expiresAt || !(await this.backend.renew())) {
      this.lost = true;
      return false;
    }
    this.expiresAt = startedAt + this.ttlMs;
    return true;
  }

  /** Gives the lease up; a lease taken over by another holder is left alone. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.backend.release();
  }
}
