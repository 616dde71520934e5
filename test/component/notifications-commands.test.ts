import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText } from '../support/card-text';
import { FileStateStore } from '../../src/store';
import { inChannel, JOBS_KEY, postsTo, runJob } from '../monitor/support/notification-helpers';

const ADMINS = '19:pcemail-admins@thread.tacv2';
/** The Agents Playground's built-in user (not a GUID): the approver in simulated mode without APPROVERS. */
const PLAYGROUND_USER = {
  id: 'user-id-0',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
  name: 'Alex Wilber',
};

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const lastCard = (h: BotHarness) => {
  const card = h.connector.cards().at(-1)!;
  expectValidCard(card);
  return cardText(card);
};

describe('notify here, stop notifications and notifications, over HTTP', () => {
  it('when the Playground user (simulated, APPROVERS unset) says notify here in a channel, then the channel is subscribed and notifications shows it', async () => {
    harness = await startHarness({ scenario: 'demo', env: { JOBS_KEY } });
    const h = harness;
    await h.say('notifications', inChannel(h, ADMINS));
    expect(lastCard(h)).toMatch(/No channel receives notifications yet/);

    await h.say('<at>PCEmail Ops</at> notify here', {
      ...inChannel(h, ADMINS),
      from: PLAYGROUND_USER,
    });
    expect(lastCard(h)).toMatch(
      /Notifications will be posted here[\s\S]*The channel IT › PCEmail admins gets secret-expiry reminders for PCEmail/,
    );
    await h.say('notify here', { ...inChannel(h, ADMINS), from: PLAYGROUND_USER });
    expect(lastCard(h)).toMatch(/already receives notifications/);

    await h.say('notifications', inChannel(h, ADMINS));
    const overview = lastCard(h);
    expect(overview).toMatch(/Posted to 1 conversation/);
    expect(overview).toMatch(/IT › PCEmail admins \(this one\) — subscribed by Alex Wilber on/);
    expect(overview).not.toContain(PLAYGROUND_USER.aadObjectId);
    expect(overview).toMatch(
      /Secret expiry[\s\S]*30, 14, 7, 3 and 1 days before, and on the day[\s\S]*Mailbox ingestion[\s\S]*3 PCEmail mailboxes[\s\S]*Digest/,
    );
    expect(overview).toMatch(/in-process schedule off/); // the test harness turns schedules off
    expect(overview).toMatch(/Only approvers \(the approvers setting\) can subscribe/);
    // Who can change a setting is said once, in the footnote, with the variable only there.
    expect(overview.match(/person who runs the bot/g)).toHaveLength(1);
    expect(overview.replace(/\n/g, '')).toMatch(
      /The person who runs the bot sets the tenant ID setting \(TENANT_ID\) and the approvers setting \(APPROVERS\)/,
    );
    expect(overview.split('The person who runs the bot')[0]).not.toMatch(/TENANT_ID|APPROVERS/);

    // The demo's secret expires in 12 days: the channel itself (not the reply chain) gets it.
    await runJob(h, 'secret-expiry');
    const reminders = postsTo(h.connector, ADMINS);
    expect(reminders).toHaveLength(1);
    expect(cardText(reminders[0])).toMatch(/expires in 1[12] days/);
  });

  it('when an approver says stop notifications, then the subscription and its records go and nothing more is posted', async () => {
    harness = await startHarness({ scenario: 'demo', env: { JOBS_KEY } });
    const h = harness;
    await h.say('notify here', { ...inChannel(h, ADMINS), from: PLAYGROUND_USER });
    await runJob(h, 'secret-expiry');
    const store = new FileStateStore(h.stateDir);
    expect(await store.list('notifications/')).toHaveLength(1);

    await h.say('stop notifications', { ...inChannel(h, ADMINS), from: PLAYGROUND_USER });
    expect(lastCard(h)).toMatch(/Notifications stopped here/);
    expect(await store.list('subscriptions/')).toEqual([]);
    expect(await store.list('notifications/')).toEqual([]);
    await runJob(h, 'secret-expiry');
    expect(postsTo(h.connector, ADMINS)).toHaveLength(1);

    await h.say('stop notifications', { ...inChannel(h, ADMINS), from: PLAYGROUND_USER });
    expect(lastCard(h)).toMatch(/did not receive notifications/);
  });

  it('when the Playground user id is used in live-like config with APPROVERS set, then it is no approver', async () => {
    harness = await startHarness({
      scenario: 'demo',
      env: { APPROVERS: '6b0f3d52-41e2-4f6f-9a3e-0c2f7f1e2a11' },
    });
    const h = harness;
    await h.say('notify here', { ...inChannel(h, ADMINS), from: PLAYGROUND_USER });
    expect(lastCard(h)).toMatch(/Only approvers can subscribe/);
    expect(await new FileStateStore(h.stateDir).list('subscriptions/')).toEqual([]);
  });

  it('when an in-process schedule is on, then the job runs by itself on it (here: every second)', async () => {
    harness = await startHarness({
      scenario: 'demo',
      env: { SECRET_EXPIRY_SCHEDULE: '* * * * * *' },
    });
    const h = harness;
    await h.say('notify here', { ...inChannel(h, ADMINS), from: PLAYGROUND_USER });
    const deadline = Date.now() + 5_000;
    while (postsTo(h.connector, ADMINS).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(cardText(postsTo(h.connector, ADMINS)[0])).toMatch(
      /client secret expires in 1[12] days/,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(postsTo(h.connector, ADMINS)).toHaveLength(1);
  });
});
