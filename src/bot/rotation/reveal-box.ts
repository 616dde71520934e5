/**
 * CONSENT_MODE=delegated only: the new value between the signed-in Action.Execute that created it
 * and the dialog that shows it. Process memory only (never the store, a log or a card), for one
 * person, taken once, gone after `ttlMs` or a restart — then the card offers to start over.
 */
export class RevealBox {
  private readonly values = new Map<string, { value: string; until: number }>();

  constructor(
    private readonly now: () => Date,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  put(rotationId: string, person: string, value: string): void {
    this.sweep();
    this.values.set(`${rotationId}:${person}`, { value, until: this.now().getTime() + this.ttlMs });
  }

  take(rotationId: string, person: string): string | undefined {
    this.sweep();
    const key = `${rotationId}:${person}`;
    const held = this.values.get(key);
    this.values.delete(key);
    return held?.value;
  }

  private sweep(): void {
    const now = this.now().getTime();
    for (const [key, held] of this.values) if (held.until <= now) this.values.delete(key);
  }
}
