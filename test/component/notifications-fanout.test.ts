import { startHarness, type BotHarness } from '../support/bot-harness';
import { RateLimitedConnector } from '../support/rate-limited-connector';
import { cardText } from '../support/card-text';
import { FileStateStore } from '../../src/store';
import type { PacingClock } from '../../src/monitor/pacing-clock';
import { subscriptionKey, type Subscription } from '../../src/store/state-subscriptions';
import { channel } from '../monitor/support/conversations';
import { inChannel, JOBS_KEY, postsTo, runJob } from '../monitor/support/notification-helpers';

/** Real time sped up: the bot's pacing and the connector's limits share it, so 3 s of Teams time takes 0.6 s. */
function acceleratedClock(factor: number): PacingClock {
  const realStart = Date.now();
  const start = Date.UTC(2025, 0, 6, 8);
  return {
    now: () => start + (Date.now() - realStart) * factor,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms / factor))),
  };
}

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('fan-out to 200 channels through a connector that enforces the Teams limits', () => {
  it('when a reminder goes to 200 channels, then each channel gets it exactly once and every 429 was retried to success', async () => {
    const clock = acceleratedClock(5);
    const connector = new RateLimitedConnector(clock);
    harness = await startHarness({
      scenario: 'secret-expiring',
      connector,
      start: { pacing: clock },
      env: { JOBS_KEY },
    });
    const h = harness;
    const store = new FileStateStore(h.stateDir);
    const tenant = h.config.tenant.id;
    const channels = Array.from({ length: 200 }, (_, i) => ({
      ...channel(i, connector.url),
      tenantId: tenant,
    }));
    for (const c of channels) {
      (c.reference.conversation as Record<string, unknown>).tenantId = tenant;
      await store.put(c.key, c);
      const subscription: Subscription = {
        conversationKey: c.key,
        subscribedBy: 'test',
        subscribedAt: new Date().toISOString(),
      };
      await store.put(subscriptionKey(c.key), subscription);
    }

    const started = clock.now();
    const report = await runJob(h, 'secret-expiry');
    const elapsed = clock.now() - started;

    expect(report.details).toMatchObject({ posted: 200, failed: 0, gone: 0 });
    const delivered = connector.sent.filter((s) => s.activity.type === 'message');
    expect(delivered).toHaveLength(200);
    const perChannel = new Map<string, number>();
    for (const s of delivered)
      perChannel.set(s.conversationId, (perChannel.get(s.conversationId) ?? 0) + 1);
    expect(perChannel.size).toBe(200);
    expect([...perChannel.values()].every((n) => n === 1)).toBe(true);
    expect(cardText(delivered[0]!.activity.attachments![0]!.content)).toMatch(
      /expires in (19|20) days/,
    );
    // Every conversation that was throttled got its message afterwards: no 429 left unhandled.
    for (const throttled of connector.throttled())
      expect(perChannel.get(throttled.conversationId)).toBe(1);
    // 50 per second per tenant: 200 messages need at least 3 s of Teams time.
    expect(elapsed).toBeGreaterThanOrEqual(3000);

    await runJob(h, 'secret-expiry');
    expect(connector.sent.filter((s) => s.activity.type === 'message')).toHaveLength(200);
  });

  it("when Teams answers 429 and 502 first, then our retries (not the SDK's slow ones) deliver the reminder once", async () => {
    const connector = new RateLimitedConnector();
    harness = await startHarness({
      scenario: 'secret-expiring',
      connector,
      env: {
        JOBS_KEY,
        APPROVERS: '6b0f3d52-41e2-4f6f-9a3e-0c2f7f1e2a11',
        NOTIFY_RETRY_AFTER_CAP_SECONDS: '0',
      },
    });
    const h = harness;
    const admins = '19:pcemail-admins@thread.tacv2';
    await h.say('notify here', inChannel(h, admins));
    connector.failNext(
      admins,
      {
        status: 429,
        headers: { 'Retry-After': '30' },
        body: { error: { code: 'TooManyRequests' } },
      },
      { status: 502, body: { error: { code: 'BadGateway' } } },
    );
    const started = Date.now();
    const report = await runJob(h, 'secret-expiry');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report.details).toMatchObject({ posted: 1, failed: 0 });
    expect(postsTo(h.connector, admins)).toHaveLength(1);
    expect(connector.refused.map((r) => r.status)).toEqual([429, 502]);
  });
});
