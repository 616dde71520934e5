/**
 * CONSENT_MODE=delegated only: the new value between the signed-in Action.Execute that created it
 * and the dialog that shows it. Process memory only (never the store, a log or a card), for one
 * person, taken once. It is dropped when the dialog has taken it, when the rotation's new secret is
 * discarded, and after `ttlMs`: a timer drops it then (even if nobody clicks again), and every call
 * sweeps what the clock says has expired. A restart loses it too; the card then offers to start over.
 */
export class RevealBox {
  private readonly values = new Map<
    string,
    { person: string; value: string; until: number; timer: ReturnType<typeof setTimeout> }
  >();

  constructor(
    private readonly now: () => Date,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  put(rotationId: string, person: string, value: string): void {
    this.sweep();
    this.drop(rotationId);
    const timer = setTimeout(() => this.drop(rotationId), this.ttlMs);
    // The timer must not keep the process alive on shutdown.
    timer.unref();
    this.values.set(rotationId, { person, value, until: this.now().getTime() + this.ttlMs, timer });
  }

  /** The value, once, for the person it was created for; anyone else gets nothing and takes nothing. */
  take(rotationId: string, person: string): string | undefined {
    this.sweep();
    const held = this.values.get(rotationId);
    if (!held || held.person !== person) return undefined;
    this.drop(rotationId);
    return held.value;
  }

  /** Forgets the rotation's value (taken, discarded or expired). */
  drop(rotationId: string): void {
    const held = this.values.get(rotationId);
    if (!held) return;
    clearTimeout(held.timer);
    this.values.delete(rotationId);
  }

  /** How many values are held (for tests: nothing lingers). */
  get size(): number {
    this.sweep();
    return this.values.size;
  }

  private sweep(): void {
    const now = this.now().getTime();
    for (const [rotationId, held] of this.values) if (held.until <= now) this.drop(rotationId);
  }
}
