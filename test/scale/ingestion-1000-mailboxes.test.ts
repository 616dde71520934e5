import { cardSizeBytes, TEAMS_CARD_LIMIT_BYTES } from '../../src/cards';
import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, TEST_USER, type BotHarness } from '../support/bot-harness';
import { cardText } from '../support/card-text';
import { sequentialRoundTrips } from '../../bench/round-trips';
import {
  editTenant,
  inChannel,
  JOBS_KEY,
  postsTo,
  runJob,
} from '../monitor/support/notification-helpers';

const ADMINS = '19:pcemail-admins@thread.tacv2';
let harness: BotHarness | undefined;
afterAll(async () => {
  await harness?.stop();
});

describe('the ingestion sweep over 1,000 mailboxes', () => {
  it('when the digest runs, then Graph gets 150 $batch requests of 20 in waves of 4, and the card stays under 28 KB with the failing one first', async () => {
    harness = await startHarness({
      scenario: 'mailboxes-1000',
      env: { JOBS_KEY, APPROVERS: TEST_USER.aadObjectId, PCEMAIL_APP_ID: '' },
    });
    const h = harness;
    await h.say('notify here', inChannel(h, ADMINS));
    await editTenant(h.simulator, 'scope', { address: 'box0500@contoso.example', inScope: false });
    h.simulator.clearRequests();

    const report = await runJob(h, 'ingestion-digest');
    expect(report.details).toMatchObject({ swept: 1000, failing: 1, unknown: 0 });

    // PCEMAIL_APP_ID is unset: one inspector batch finds the app by name; the rest are PCEmail's sweep.
    const batches = h.simulator
      .requests()
      .filter((r) => r.area === 'graph' && r.batch?.every((i) => i.url.startsWith('/users/')));
    const items = batches.flatMap((b) => b.batch ?? []);
    expect(items).toHaveLength(3000);
    expect(batches).toHaveLength(150);
    expect(batches.every((b) => (b.batch?.length ?? 0) <= 20)).toBe(true);
    // At most 4 batches in flight: 150 batches take at least 150 / 4 sequential round trips.
    expect(sequentialRoundTrips(batches)).toBeGreaterThanOrEqual(38);

    // The channel's first run: one baseline card naming the mailboxes, the failing one first.
    const cards = postsTo(h.connector, ADMINS);
    expect(cards).toHaveLength(1);
    for (const card of cards) {
      expectValidCard(card);
      expect(cardSizeBytes(card)).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
    }
    const digest = cardText(cards[0]);
    expect(digest).toMatch(
      /Mailbox ingestion: watching 1000 PCEmail mailboxes — 1 failing of 1000 mailboxes/,
    );
    expect(digest).toMatch(/box0500@contoso\.example\nFAILING/);
    expect(digest).toMatch(/…and \d+ more mailboxes not listed/);
  }, 60_000);
});
