import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, TEST_USER, type BotHarness } from '../support/bot-harness';
import { cardText } from '../support/card-text';
import { FileStateStore } from '../../src/store';
import {
  actionData,
  clickInChannel,
  editTenant,
  inChannel,
  JOBS_KEY,
  manualClock,
  postsTo,
  runJob,
} from '../monitor/support/notification-helpers';

const ADMINS = '19:pcemail-admins@thread.tacv2';
const OPS = '19:ops-alerts@thread.tacv2';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function start(scenario: string, clock = manualClock()) {
  harness = await startHarness({
    scenario,
    now: clock.now,
    env: { JOBS_KEY, APPROVERS: TEST_USER.aadObjectId },
  });
  // The scenario's dates are relative to the simulator's start; the bot's clock starts just after.
  clock.set(Date.now());
  return { h: harness, clock };
}

const texts = (cards: Record<string, unknown>[]) => cards.map((c) => cardText(c));

describe('secret-expiry reminders, over HTTP with an injected clock', () => {
  it('when thresholds are crossed one by one, across a restart and a downtime, then each is posted once and a missed pair once at the most severe', async () => {
    const { h, clock } = await start('secret-expiring'); // PCEmail's secret ends in 20 days
    await h.say('notify here', inChannel(h, ADMINS));
    expect(cardText(h.connector.cards().at(-1))).toMatch(/Notifications will be posted here/);

    const first = await runJob(h, 'secret-expiry');
    expect(first.ran).toBe(true);
    let posted = postsTo(h.connector, ADMINS);
    expect(posted).toHaveLength(1);
    posted.forEach(expectValidCard);
    expect(cardText(posted[0])).toMatch(/PCEmail client secret expires in 19 days/);
    expect(cardText(posted[0])).toMatch(
      /Create a new client secret[\s\S]*Update Emplifi Agent[\s\S]*check pcemail permissions[\s\S]*delete the old secret/,
    );
    expect(cardText(posted[0])).toMatch(/Snooze 7 days[\s\S]*Check now/);

    await runJob(h, 'secret-expiry');
    await h.restart();
    await runJob(h, 'secret-expiry');
    expect(postsTo(h.connector, ADMINS)).toHaveLength(1);

    clock.advanceDays(7); // 12 days left: the 14-day threshold
    await runJob(h, 'secret-expiry');
    await runJob(h, 'secret-expiry');
    posted = postsTo(h.connector, ADMINS);
    expect(posted).toHaveLength(2);
    expect(cardText(posted[1])).toMatch(/expires in 12 days/);

    await h.restart();
    clock.advanceDays(10); // the bot was "down" past 7 and 3: one post, at 3 (2 days left)
    await runJob(h, 'secret-expiry');
    await runJob(h, 'secret-expiry');
    posted = postsTo(h.connector, ADMINS);
    expect(posted).toHaveLength(3);
    expect(cardText(posted[2])).toMatch(/expires in 2 days/);

    clock.advanceDays(3); // expired
    await runJob(h, 'secret-expiry');
    posted = postsTo(h.connector, ADMINS);
    expect(posted).toHaveLength(4);
    expect(cardText(posted[3])).toMatch(/client secret has expired/);

    // What is stored says the same: the most severe threshold posted to this channel is 0.
    const store = new FileStateStore(h.stateDir);
    const ledger = await store.list('notifications/');
    expect(ledger).toHaveLength(1);
    expect((await store.get<{ threshold: number }>(ledger[0]!))?.value.threshold).toBe(0);
    // And Graph was read by the inspector: the credentials in one $batch per run, plus the
    // service-principal sign-in logs for the due secrets (which one Emplifi Agent uses).
    const reads = h.simulator.requests().filter((r) => r.area === 'graph');
    expect(
      reads.every((r) => r.path.includes('$batch') || r.path.startsWith('/beta/auditLogs/signIns')),
    ).toBe(true);
  });

  it('when a channel subscribes later, then it gets the current threshold once; the first channel nothing again', async () => {
    const { h } = await start('secret-expiring');
    await h.say('notify here', inChannel(h, ADMINS));
    await runJob(h, 'secret-expiry');
    await h.say('notify here', inChannel(h, OPS, 'Ops alerts'));
    await runJob(h, 'secret-expiry');
    await runJob(h, 'secret-expiry');
    expect(postsTo(h.connector, ADMINS)).toHaveLength(1);
    expect(texts(postsTo(h.connector, OPS))).toEqual([expect.stringMatching(/expires in 19 days/)]);
  });

  it('when an approver snoozes in one channel, then that channel is silent for 7 days and then resumes; the other channel is not snoozed', async () => {
    const { h, clock } = await start('secret-expiring');
    await h.say('notify here', inChannel(h, ADMINS));
    await h.say('notify here', inChannel(h, OPS));
    await runJob(h, 'secret-expiry');
    const reminder = postsTo(h.connector, ADMINS)[0]!;

    const { status, card } = await clickInChannel(
      h,
      ADMINS,
      'notify.snooze',
      actionData(reminder, 'notify.snooze'),
    );
    expect(status).toBe(200);
    expectValidCard(card!);
    expect(cardText(card)).toMatch(/Snoozed in this channel until .* by Ada Admin/);
    expect(cardText(card)).not.toMatch(/Snooze 7 days/);
    // The posted message was updated for everyone too.
    expect(h.connector.sent.some((s) => s.method === 'PUT')).toBe(true);

    clock.advanceDays(6); // 13 days left: the 14-day threshold, during the snooze
    await runJob(h, 'secret-expiry');
    expect(postsTo(h.connector, ADMINS)).toHaveLength(1);
    expect(postsTo(h.connector, OPS)).toHaveLength(2);

    clock.advanceDays(2); // snooze over (11 days left): the 14-day reminder comes now, once
    await runJob(h, 'secret-expiry');
    await runJob(h, 'secret-expiry');
    expect(texts(postsTo(h.connector, ADMINS))).toEqual([
      expect.stringMatching(/19 days/),
      expect.stringMatching(/expires in 11 days/),
    ]);
  });

  it('when someone who is no approver clicks Snooze or types notify here, then they are told why and nothing changes', async () => {
    const { h } = await start('secret-expiring');
    const stranger = {
      id: '29:user-2',
      aadObjectId: '11111111-2222-4333-8444-555555555555',
      name: 'Sam Stranger',
    };
    await h.say('notify here', { ...inChannel(h, ADMINS), from: stranger });
    expect(cardText(h.connector.cards().at(-1))).toMatch(
      /Only approvers can subscribe[\s\S]*approvers setting[\s\S]*11111111-2222-4333-8444-555555555555/,
    );
    const store = new FileStateStore(h.stateDir);
    expect(await store.list('subscriptions/')).toEqual([]);

    await h.say('notify here', inChannel(h, ADMINS));
    await runJob(h, 'secret-expiry');
    const reminder = postsTo(h.connector, ADMINS)[0]!;
    const { card } = await clickInChannel(
      h,
      ADMINS,
      'notify.snooze',
      actionData(reminder, 'notify.snooze'),
      stranger,
    );
    expectValidCard(card!);
    expect(cardText(card)).toMatch(/Only approvers \(the approvers setting\) can snooze/);
    const subscription = await store.get<{ snoozedUntil?: unknown }>(
      (await store.list('subscriptions/'))[0]!,
    );
    expect(subscription?.value.snoozedUntil).toBeUndefined();

    await h.say('stop notifications', { ...inChannel(h, ADMINS), from: stranger });
    expect(cardText(h.connector.cards().at(-1))).toMatch(/Only approvers can stop notifications/);
    expect(await store.list('subscriptions/')).toHaveLength(1);
  });

  it('when a newer secret is added, then the reminder says so; when the old one is deleted, the reminders stop', async () => {
    const { h, clock } = await start('secret-expiring');
    const appId = h.simulator.scenario.pcemailAppIds[0]!;
    await h.say('notify here', inChannel(h, ADMINS));
    await editTenant(h.simulator, 'credentials', {
      appId,
      displayName: 'PCEmail 2026',
      startDaysAgo: 0,
      lifetimeDays: 730,
    });
    await runJob(h, 'secret-expiry');
    expect(cardText(postsTo(h.connector, ADMINS)[0])).toMatch(
      /A newer secret exists \(secret "PCEmail 2026"[\s\S]*make sure Emplifi Agent uses it, then delete this one/,
    );

    const state = (await (await fetch(`${h.simulator.url}/_sim/state`)).json()) as {
      applications: {
        appId: string;
        passwordCredentials: { keyId: string; displayName: string }[];
      }[];
    };
    const old = state.applications
      .find((a) => a.appId === appId)!
      .passwordCredentials.find((c) => c.displayName !== 'PCEmail 2026')!;
    await editTenant(h.simulator, 'delete-credential', { appId, keyId: old.keyId });
    clock.advanceDays(10);
    await runJob(h, 'secret-expiry');
    clock.advanceDays(15);
    await runJob(h, 'secret-expiry');
    expect(postsTo(h.connector, ADMINS)).toHaveLength(1);
  });

  it('when PCEmail has a certificate that expires, then it is reminded like a secret', async () => {
    const { h } = await start('certificate-expiring');
    await h.say('notify here', inChannel(h, ADMINS));
    await runJob(h, 'secret-expiry');
    const posted = postsTo(h.connector, ADMINS);
    expect(posted).toHaveLength(1);
    expectValidCard(posted[0]!);
    expect(cardText(posted[0])).toMatch(
      /PCEmail certificate expires in 5 days[\s\S]*certificate "CN=PCEmail"[\s\S]*Upload a new certificate/,
    );
  });

  it('when Teams refuses a post, then nothing is recorded and the next run posts it; when writes are blocked, the subscription goes', async () => {
    const { h } = await start('secret-expiring');
    await h.say('notify here', inChannel(h, ADMINS));
    await h.say('notify here', inChannel(h, OPS));
    const store = new FileStateStore(h.stateDir);
    const connector = h.connector as unknown as {
      answer: (r: { conversationId: string }) => { status: number; body?: unknown };
    };
    const original = connector.answer.bind(h.connector);
    let refuse = true;
    connector.answer = (request) => {
      if (refuse && request.conversationId === ADMINS)
        return { status: 500, body: { error: { code: 'InternalServerError' } } };
      if (request.conversationId === OPS)
        return {
          status: 403,
          body: { error: { code: 'MessageWritesBlocked', message: 'Thread is blocked' } },
        };
      return original(request);
    };
    const report = await runJob(h, 'secret-expiry');
    expect(report.details).toMatchObject({ posted: 0, failed: 1, gone: 1 });
    expect(postsTo(h.connector, ADMINS)).toHaveLength(0);
    expect((await store.list('subscriptions/')).map(decodeURIComponent).join()).not.toContain(OPS);

    refuse = false;
    await runJob(h, 'secret-expiry');
    await runJob(h, 'secret-expiry');
    expect(postsTo(h.connector, ADMINS)).toHaveLength(1);
    expect(h.connector.refused.filter((r) => r.conversationId === OPS)).toHaveLength(1);
  });

  it('when the jobs endpoint is called without the key, then it is refused and nothing runs', async () => {
    const { h } = await start('secret-expiring');
    const response = await fetch(`${h.server.url}/api/jobs/secret-expiry`, {
      method: 'POST',
      headers: { authorization: 'Bearer wrong' },
    });
    expect(response.status).toBe(401);
    expect(h.simulator.requests().filter((r) => r.area === 'graph')).toHaveLength(0);
  });
});
