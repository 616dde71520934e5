import { adaptiveCard, textBlock } from '../../src/cards';
import { PacedNotifier } from '../../src/monitor/paced-notifier';
import { channel } from './support/conversations';
import { RateLimitedTeams } from './support/rate-limited-notifier';
import { VirtualClock } from './support/virtual-clock';

const card = (text: string) => adaptiveCard({ body: [textBlock(text)] });

function setup(options: ConstructorParameters<typeof PacedNotifier>[1] = {}) {
  const clock = new VirtualClock();
  const teams = new RateLimitedTeams(() => clock.now());
  const notifier = new PacedNotifier(teams, { clock, random: () => 0.5, ...options });
  return { clock, teams, notifier };
}

describe('PacedNotifier: sending within the Teams limits', () => {
  it('when 200 channels each get one message at once, then every one is delivered once, nothing is throttled, within 1.25× the 50/s floor', async () => {
    const { clock, teams, notifier } = setup();
    const channels = Array.from({ length: 200 }, (_, i) => channel(i));
    const { result, elapsedMs } = await clock.run(
      Promise.all(channels.map((c) => notifier.post(c, card(`to ${c.key}`)))),
    );

    expect(result.every((o) => o.ok)).toBe(true);
    expect(teams.delivered).toHaveLength(200);
    expect(new Set(teams.delivered.map((d) => d.conversation)).size).toBe(200);
    expect(teams.throttled).toHaveLength(0);
    // 50 per second: the last of 200 can go after 3 s at the earliest.
    const floorMs = (Math.ceil(200 / 50) - 1) * 1000;
    expect(elapsedMs).toBeGreaterThanOrEqual(floorMs);
    expect(elapsedMs).toBeLessThanOrEqual(floorMs * 1.25);
  });

  it('when one thread gets 20 messages, then they arrive in order within 7/1 s and 8/2 s, with no 429', async () => {
    const { clock, teams, notifier } = setup();
    const target = channel(1);
    await clock.run(
      Promise.all(
        Array.from({ length: 20 }, (_, i) => notifier.post(target, card(`message ${i}`))),
      ),
    );

    expect(teams.throttled).toHaveLength(0);
    const texts = teams.delivered.map((d) => (d.card.body[0] as { text: string }).text);
    expect(texts).toEqual(Array.from({ length: 20 }, (_, i) => `message ${i}`));
    const times = teams.delivered.map((d) => d.at);
    for (let i = 0; i < times.length; i++) {
      expect(
        times.filter((t) => t > times[i]! - 1000 && t <= times[i]!).length,
      ).toBeLessThanOrEqual(7);
      expect(
        times.filter((t) => t > times[i]! - 2000 && t <= times[i]!).length,
      ).toBeLessThanOrEqual(8);
    }
  });

  it('when a thread is busy, then other threads are not held back by it', async () => {
    const { clock, teams, notifier } = setup();
    const start = clock.now();
    const busy = channel(1);
    const other = channel(2);
    const sends = [
      ...Array.from({ length: 16 }, (_, i) => notifier.post(busy, card(`busy ${i}`))),
      notifier.post(other, card('other')),
    ];
    await clock.run(Promise.all(sends));
    const otherAt = teams.delivered.find((d) => d.conversation === other.key)!.at;
    const lastBusyAt = Math.max(
      ...teams.delivered.filter((d) => d.conversation === busy.key).map((d) => d.at),
    );
    expect(otherAt).toBe(start);
    expect(lastBusyAt - start).toBeGreaterThanOrEqual(2000);
  });

  it.each([412, 429, 502, 503, 504])(
    'when Teams answers %i twice, then the message is retried (honouring Retry-After) and delivered once',
    async (status) => {
      const { clock, teams, notifier } = setup();
      const target = channel(3);
      teams.failNext(
        target.key,
        {
          ok: false,
          reason: 'failed',
          status,
          message: 'transient',
          ...(status === 429 ? { retryAfterMs: 7000 } : {}),
        },
        { ok: false, reason: 'failed', status, message: 'transient' },
      );
      const { result, elapsedMs } = await clock.run(notifier.post(target, card('hello')));
      expect(result.ok).toBe(true);
      expect(teams.delivered).toHaveLength(1);
      expect(teams.calls).toHaveLength(3);
      if (status === 429) expect(elapsedMs).toBeGreaterThanOrEqual(7000);
    },
  );

  it('when Teams says 403 MessageWritesBlocked, then the outcome is gone at once, without retries', async () => {
    const { clock, teams, notifier } = setup();
    const target = channel(4);
    teams.failNext(target.key, {
      ok: false,
      reason: 'gone',
      status: 403,
      message: 'MessageWritesBlocked',
    });
    const { result } = await clock.run(notifier.post(target, card('hello')));
    expect(result).toMatchObject({ ok: false, reason: 'gone' });
    expect(teams.calls).toHaveLength(1);
  });

  it('when Teams keeps failing, then after the attempts the outcome is failed (the caller retries next run)', async () => {
    const { clock, teams, notifier } = setup({ maxAttempts: 3 });
    const target = channel(5);
    const failure = {
      ok: false as const,
      reason: 'failed' as const,
      status: 502,
      message: 'bad gateway',
    };
    teams.failNext(target.key, failure, failure, failure, failure);
    const { result } = await clock.run(notifier.post(target, card('hello')));
    expect(result).toMatchObject({ ok: false, reason: 'failed', status: 502 });
    expect(teams.calls).toHaveLength(3);
    expect(teams.delivered).toHaveLength(0);
  });

  it('when Teams asks for a Retry-After beyond the cap, then the wait is cut to the cap', async () => {
    const { clock, teams, notifier } = setup({ retryAfterCapMs: 2000 });
    const target = channel(6);
    teams.failNext(target.key, {
      ok: false,
      reason: 'failed',
      status: 429,
      message: 'slow down',
      retryAfterMs: 3_600_000,
    });
    const { result, elapsedMs } = await clock.run(notifier.post(target, card('hello')));
    expect(result.ok).toBe(true);
    expect(elapsedMs).toBeLessThan(3000);
  });

  it('when a 400 comes back, then it is not retried', async () => {
    const { clock, teams, notifier } = setup();
    const target = channel(7);
    teams.failNext(target.key, { ok: false, reason: 'failed', status: 400, message: 'bad card' });
    const { result } = await clock.run(notifier.post(target, card('hello')));
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(teams.calls).toHaveLength(1);
  });
});
