import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, TEST_USER, type BotHarness } from '../support/bot-harness';
import { cardText } from '../support/card-text';
import { FileStateStore } from '../../src/store';
import {
  editTenant,
  inChannel,
  JOBS_KEY,
  manualClock,
  postsTo,
  runJob,
} from '../monitor/support/notification-helpers';

const ADMINS = '19:pcemail-admins@thread.tacv2';
const SUPPORT = 'support@contoso.example';
const SALES = 'sales@contoso.example';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(env: Record<string, string> = {}) {
  const clock = manualClock();
  harness = await startHarness({
    scenario: 'healthy',
    now: clock.now,
    env: { JOBS_KEY, APPROVERS: TEST_USER.aadObjectId, INGESTION_BACKLOG_MINUTES: '60', ...env },
  });
  clock.set(Date.now());
  await harness.say('notify here', inChannel(harness, ADMINS));
  return { h: harness, clock };
}

const posted = (h: BotHarness) => postsTo(h.connector, ADMINS).map((card) => cardText(card));

describe('mailbox-ingestion status against the simulated tenant', () => {
  it('when a mailbox leaves the scope group, a backlog grows, Graph fails and both recover, then each change is posted once and unknown never alerts', async () => {
    const { h } = await start();
    await runJob(h, 'ingestion-status');
    // The channel's first run: one baseline card naming every mailbox and its state.
    expect(posted(h)).toHaveLength(1);
    expect(posted(h)[0]).toMatch(
      /Mailbox ingestion: watching 3 PCEmail mailboxes — all 3 mailboxes healthy/,
    );
    for (const address of [SUPPORT, SALES, 'billing@contoso.example'])
      expect(posted(h)[0]).toMatch(new RegExp(`${address.replace(/\./g, '\\.')}\nHEALTHY`));
    expect(posted(h)[0]).not.toMatch(/\(was /);
    await runJob(h, 'ingestion-status');
    expect(posted(h)).toHaveLength(1); // nothing changed since: nothing to say

    // Graph saw PCEmail's sweep: one $batch with three reads per mailbox.
    const batch = h.simulator
      .requests()
      .filter((r) => r.area === 'graph' && r.batch)
      .at(-1)!;
    expect(batch.batch).toHaveLength(9);
    expect(batch.batch!.map((i) => i.url).join('\n')).toMatch(
      /mailFolders\/inbox\?\$select=id,totalItemCount,unreadItemCount/,
    );
    expect(batch.batch!.map((i) => i.url).join('\n')).toMatch(
      /receivedDateTime%20ge%201900-01-01T00%3A00%3A00Z%20and%20isRead%20eq%20false/,
    );

    await editTenant(h.simulator, 'scope', { address: SALES, inScope: false });
    await runJob(h, 'ingestion-status');
    await runJob(h, 'ingestion-status');
    expect(posted(h)).toHaveLength(2);
    expect(posted(h)[1]).toMatch(
      /Mailbox ingestion: 1 failing[\s\S]*sales@contoso\.example[\s\S]*FAILING \(was HEALTHY\)[\s\S]*Not in the application access policy’s scope group/,
    );

    await editTenant(h.simulator, 'messages', { address: SUPPORT, count: 2, minutesAgo: 200 });
    await runJob(h, 'ingestion-status');
    expect(posted(h)).toHaveLength(3);
    expect(posted(h)[2]).toMatch(
      /1 degraded[\s\S]*support@contoso\.example[\s\S]*DEGRADED \(was HEALTHY\)[\s\S]*oldest received 3 h ago/,
    );

    h.simulator.setFaults({ unavailable: 1 });
    const blind = await runJob(h, 'ingestion-status');
    expect(blind.details).toMatchObject({ unknown: 3 });
    h.simulator.setFaults({});
    await runJob(h, 'ingestion-status');
    expect(posted(h)).toHaveLength(3); // unknown: no alert, and nothing "recovered" after it

    await editTenant(h.simulator, 'scope', { address: SALES, inScope: true });
    await editTenant(h.simulator, 'read-all', { address: SUPPORT });
    await runJob(h, 'ingestion-status');
    await runJob(h, 'ingestion-status');
    expect(posted(h)).toHaveLength(4);
    expect(posted(h)[3]).toMatch(/Mailbox ingestion: 2 recovered/);
    expect(posted(h)[3]).toMatch(
      /sales@contoso\.example[\s\S]*RECOVERED — HEALTHY again \(was FAILING\)/,
    );
    expect(posted(h)[3]).toMatch(
      /support@contoso\.example[\s\S]*RECOVERED — HEALTHY again \(was DEGRADED\)/,
    );
    postsTo(h.connector, ADMINS).forEach(expectValidCard);

    // Stored: every mailbox healthy again, and what this channel was told.
    const store = new FileStateStore(h.stateDir);
    const status = await store.get<{ mailboxes: Record<string, { state: string }> }>(
      'ingestion/status',
    );
    expect(Object.values(status!.value.mailboxes).map((m) => m.state)).toEqual([
      'healthy',
      'healthy',
      'healthy',
    ]);
  });

  it('when the digest is the first run for a channel, then the baseline card alone names every mailbox and its state', async () => {
    const { h } = await start();
    await editTenant(h.simulator, 'scope', { address: SALES, inScope: false });
    await runJob(h, 'ingestion-digest');
    await runJob(h, 'ingestion-digest');
    const cards = postsTo(h.connector, ADMINS);
    expect(cards).toHaveLength(1); // a digest next to the baseline would say the same
    expectValidCard(cards[0]!);
    const baseline = cardText(cards[0]);
    expect(baseline).toMatch(
      /Mailbox ingestion: watching 3 PCEmail mailboxes — 1 failing of 3 mailboxes/,
    );
    expect(baseline).toMatch(
      /sales@contoso\.example\nFAILING · Not in the application access policy/,
    );
    expect(baseline).toMatch(/support@contoso\.example\nHEALTHY/);
    expect(baseline).toMatch(/billing@contoso\.example\nHEALTHY/);
    expect(baseline).not.toMatch(/was HEALTHY/);
  });

  it('when the digest runs, then each channel gets one card a day with a row per mailbox and an overall verdict', async () => {
    const { h, clock } = await start();
    await runJob(h, 'ingestion-status'); // the baseline (all healthy) suppresses that day's digest
    clock.advanceDays(1); // the simulated mail is a day old by then: degraded
    await editTenant(h.simulator, 'scope', { address: SALES, inScope: false });
    await runJob(h, 'ingestion-digest');
    await runJob(h, 'ingestion-digest');
    const cards = postsTo(h.connector, ADMINS);
    expect(cards).toHaveLength(3); // the baseline, the change card, then the digest
    const digest = cardText(cards[2]);
    expectValidCard(cards[2]!);
    expect(digest).toMatch(/Mailbox ingestion digest: 1 failing, 2 degraded of 3 mailboxes/);
    for (const address of ['support', 'sales', 'billing'])
      expect(digest).toContain(`${address}@contoso.example`);
    expect(digest).toMatch(
      /support@contoso\.example\nDEGRADED · \d+ items, \d+ unread · oldest unread .+ old · newest /,
    );

    clock.advanceDays(1); // the next day: one more digest
    await runJob(h, 'ingestion-digest');
    await runJob(h, 'ingestion-digest');
    const digests = posted(h).filter((text) => /Mailbox ingestion digest/.test(text));
    expect(digests).toHaveLength(2);
    expect(digests[1]).toMatch(/1 failing, 2 degraded of 3 mailboxes/);
  });

  it('when no PCEmail secret is configured, then the sweep is skipped with the reason and nothing is posted', async () => {
    const { h } = await start({ PCEMAIL_CLIENT_SECRET: '' });
    const report = await runJob(h, 'ingestion-status');
    expect(report.summary).toMatch(/skipped — no PCEmail secret configured/);
    expect(posted(h)).toEqual([]);
  });

  it("when PCEmail's secret is wrong, then every mailbox is failing with the sign-in reason", async () => {
    const { h } = await start({
      PCEMAIL_CLIENT_SECRET: 'not-the-secret-value-00000000000000000000',
    });
    await runJob(h, 'ingestion-status');
    expect(posted(h)).toHaveLength(1);
    expect(posted(h)[0]).toMatch(
      /watching 3 PCEmail mailboxes — 3 failing[\s\S]*PCEmail could not sign in[\s\S]*AADSTS7000215/,
    );
  });
});
