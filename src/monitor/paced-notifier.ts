import type { AdaptiveCard } from '../cards';
import type { Notifier, PostOutcome } from '../ports/notifier';
import { realPacingClock, type PacingClock } from './pacing-clock';
import { SendGate, TEAMS_LIMITS, type SendPass, type TeamsLimits } from './send-slots';
import type { StoredConversation } from '../ports/conversations';

export interface PacedNotifierOptions {
  clock?: PacingClock;
  limits?: TeamsLimits;
  /** Attempts per message, the first included. */
  maxAttempts?: number;
  /** Longest Retry-After honoured; a longer one is cut to this. */
  retryAfterCapMs?: number;
  /** Added to every window, for clocks and counting a little apart from Teams'. */
  marginMs?: number;
  /** Backoff jitter in [0, 1); injectable so tests are deterministic. */
  random?: () => number;
}

/**
 * Teams answers these when a retry may succeed: throttled (429), a concurrent write to the thread
 * (412), a gateway hiccup (502/503/504); no status = the connection failed before an answer.
 */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);

/**
 * The Notifier every sender uses (docs/MICROSOFT.md, Teams): paces messages within the Teams bot limits (per thread
 * 7/1 s, 8/2 s, 60/30 s, 1,800/h; 50/s per tenant), retries what Teams says to retry with backoff
 * honouring Retry-After, and reports `gone` (403/404) at once. A message that still fails is
 * reported as failed; callers record nothing for it, so the next run sends it again.
 */
export class PacedNotifier implements Notifier {
  private readonly clock: PacingClock;
  private readonly gate: SendGate;
  private readonly maxAttempts: number;
  private readonly retryAfterCapMs: number;
  private readonly random: () => number;
  /** Resolves when a send in flight is answered (room may have freed up). */
  private answered = signal();

  constructor(
    private readonly inner: Notifier,
    options: PacedNotifierOptions = {},
  ) {
    this.clock = options.clock ?? realPacingClock;
    this.gate = new SendGate(options.limits ?? TEAMS_LIMITS, options.marginMs ?? 20);
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.retryAfterCapMs = options.retryAfterCapMs ?? 60_000;
    this.random = options.random ?? Math.random;
  }

  post(conversation: StoredConversation, card: AdaptiveCard): Promise<PostOutcome> {
    return this.send(conversation, () => this.inner.post(conversation, card));
  }

  update(
    conversation: StoredConversation,
    activityId: string,
    card: AdaptiveCard,
  ): Promise<PostOutcome> {
    return this.send(conversation, () => this.inner.update(conversation, activityId, card));
  }

  private async send(
    conversation: StoredConversation,
    attempt: () => Promise<PostOutcome>,
  ): Promise<PostOutcome> {
    const thread = conversation.key;
    const tenant = conversation.tenantId ?? '';
    let outcome: PostOutcome | undefined;
    for (let n = 1; n <= this.maxAttempts; n++) {
      const pass = await this.waitForTurn(thread, tenant);
      try {
        outcome = await attempt();
      } finally {
        this.gate.complete(pass, this.clock.now());
        const answered = this.answered;
        this.answered = signal();
        answered.resolve();
      }
      if (
        outcome.ok ||
        outcome.reason === 'gone' ||
        !isRetryable(outcome) ||
        n === this.maxAttempts
      ) {
        return outcome;
      }
      const delay = this.retryDelay(outcome, n);
      if (outcome.status === 429) this.gate.holdThread(thread, this.clock.now() + delay);
      await this.clock.sleep(delay);
    }
    return outcome ?? { ok: false, reason: 'failed', message: 'nothing was sent' };
  }

  /** Waits until the gate lets this message go: at the time it names, or when a send is answered. */
  private async waitForTurn(thread: string, tenant: string): Promise<SendPass> {
    const ticket = this.gate.join(thread);
    try {
      for (;;) {
        const now = this.clock.now();
        const answer = this.gate.ask(thread, tenant, ticket, now);
        if ('pass' in answer) return answer.pass;
        const answered = this.answered.promise;
        await (answer.retryAt === undefined
          ? answered
          : Promise.race([answered, this.clock.sleep(answer.retryAt - now)]));
      }
    } catch (error) {
      this.gate.leave(thread, ticket);
      throw error;
    }
  }

  /** Retry-After when Teams gave one (capped), else exponential backoff with jitter. */
  private retryDelay(outcome: Extract<PostOutcome, { ok: false }>, attempt: number): number {
    if (outcome.retryAfterMs !== undefined)
      return Math.min(outcome.retryAfterMs, this.retryAfterCapMs);
    const base = Math.min(1_000 * 2 ** (attempt - 1), 16_000);
    return Math.min(Math.round(base * (0.5 + this.random() / 2)), this.retryAfterCapMs);
  }
}

function isRetryable(outcome: Extract<PostOutcome, { ok: false }>): boolean {
  return outcome.status === undefined || RETRYABLE.has(outcome.status);
}

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
