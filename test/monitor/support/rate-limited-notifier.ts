import type { AdaptiveCard } from '../../../src/cards';
import type { Notifier, PostOutcome } from '../../../src/ports/notifier';
import type { StoredConversation } from '../../../src/ports/conversations';
import { TEAMS_CONNECTOR_LIMITS } from '../../support/rate-limited-connector';

interface Window {
  count: number;
  ms: number;
}

/**
 * An in-process Teams that enforces the bot limits on its clock (429 with Retry-After when a window
 * is full) and records what it accepted; conversations can be scripted to fail.
 */
export class RateLimitedTeams implements Notifier {
  readonly delivered: { conversation: string; card: AdaptiveCard; at: number }[] = [];
  readonly throttled: { conversation: string; at: number }[] = [];
  readonly calls: { conversation: string; at: number }[] = [];
  private readonly threads = new Map<string, number[]>();
  private readonly app: number[] = [];
  private readonly scripted = new Map<string, PostOutcome[]>();

  constructor(private readonly now: () => number) {}

  failNext(conversationKey: string, ...outcomes: PostOutcome[]): void {
    this.scripted.set(conversationKey, [
      ...(this.scripted.get(conversationKey) ?? []),
      ...outcomes,
    ]);
  }

  async post(conversation: StoredConversation, card: AdaptiveCard): Promise<PostOutcome> {
    await Promise.resolve();
    const at = this.now();
    this.calls.push({ conversation: conversation.key, at });
    const scripted = this.scripted.get(conversation.key)?.shift();
    if (scripted) return scripted;
    const thread = this.threads.get(conversation.key) ?? [];
    const wait = Math.max(
      waitFor(thread, TEAMS_CONNECTOR_LIMITS.perThread, at),
      waitFor(this.app, TEAMS_CONNECTOR_LIMITS.perApp, at),
    );
    if (wait > 0) {
      this.throttled.push({ conversation: conversation.key, at });
      return {
        ok: false,
        reason: 'failed',
        status: 429,
        message: 'throttled',
        retryAfterMs: Math.ceil(wait / 1000) * 1000,
      };
    }
    thread.push(at);
    this.threads.set(conversation.key, thread);
    this.app.push(at);
    this.delivered.push({ conversation: conversation.key, card, at });
    return { ok: true, activityId: `activity-${this.delivered.length}` };
  }

  update(
    conversation: StoredConversation,
    _activityId: string,
    card: AdaptiveCard,
  ): Promise<PostOutcome> {
    return this.post(conversation, card);
  }
}

function waitFor(log: number[], windows: Window[], now: number): number {
  let wait = 0;
  for (const window of windows) {
    const inWindow = log.filter((t) => t > now - window.ms);
    if (inWindow.length >= window.count) {
      wait = Math.max(wait, (inWindow[inWindow.length - window.count] ?? now) + window.ms - now);
    }
  }
  return wait;
}
