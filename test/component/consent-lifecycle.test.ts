import { PLAYGROUND_USER_AAD_IDS } from '../../src/config';
import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, TEST_USER, type BotHarness } from '../support/bot-harness';
import { cardText, cardVerbs } from '../support/card-text';
import {
  acceptedWrites,
  actionData,
  APPROVER,
  cardsPostedTo,
  cardsUpdatedIn,
  chatIdOf,
  clickAs,
  graphWrites,
  openChat,
  OUTSIDER,
  pcemailGrants,
  SECOND_APPROVER,
  type TeamsUser,
} from './consent-support';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const JOBS_KEY = 'consent-jobs-key-0123456789abcdef';
const DAY_MS = 24 * 60 * 60 * 1000;
const CHANNEL_ID = '19:general-it@thread.tacv2';

function approverCard(h: BotHarness, user: TeamsUser = APPROVER): Record<string, unknown> {
  const card = cardsPostedTo(h, chatIdOf(user)).find((c) =>
    cardVerbs(c).includes('consent.approve'),
  );
  if (!card) throw new Error(`no request card reached ${user.name}`);
  return card;
}

async function request(h: BotHarness): Promise<Record<string, unknown>> {
  await h.say('check pcemail permissions');
  const { body } = await h.execute('consent.request', {});
  expectValidCard(body.value!);
  return body.value!;
}

describe('admin consent requests over time, over HTTP', () => {
  it('when a request is older than its time to live, then the job expires it, every copy says so and Approve no longer grants', async () => {
    let now = Date.now();
    harness = await startHarness({
      scenario: 'grant-ready',
      // The in-process schedule is off: this test runs the job itself, on its own clock.
      env: {
        CONSENT_MODE: 'grant',
        APPROVERS: APPROVER.aadObjectId,
        JOBS_KEY,
        CONSENT_RECHECK_SCHEDULE: 'off',
      },
      now: () => new Date(now),
    });
    await openChat(harness, APPROVER);
    await request(harness);
    const approve = actionData(approverCard(harness), 'consent.approve')!;

    now += 6 * DAY_MS;
    const runJob = async () =>
      (await (
        await fetch(`${harness!.server.url}/api/jobs/consent-requests`, {
          method: 'POST',
          headers: { authorization: `Bearer ${JOBS_KEY}` },
        })
      ).json()) as { details: Record<string, number> };
    expect((await runJob()).details).toMatchObject({ expired: 0, open: 1 });

    now += 1 * DAY_MS + 60_000;
    harness.connector.clear();
    expect((await runJob()).details).toMatchObject({ expired: 1 });
    const update = cardsUpdatedIn(harness, chatIdOf(APPROVER)).at(-1)!;
    expectValidCard(update);
    expect(cardText(update)).toMatch(/Expired on .* without a decision — nothing was granted/);
    expect(cardVerbs(update)).not.toContain('consent.approve');

    const late = await clickAs(harness, APPROVER, 'consent.approve', approve);
    expect(cardText(late.card)).toMatch(/This request is already expired; nothing was changed/);
    expect(graphWrites(harness)).toBe(0);
    expect(await pcemailGrants(harness)).toEqual({ roles: [], organizationScopes: [] });
  });

  it('when an approver clicks a request past its expiry before the job ran, then it expires there and then', async () => {
    let now = Date.now();
    harness = await startHarness({
      scenario: 'grant-ready',
      env: {
        CONSENT_MODE: 'grant',
        APPROVERS: APPROVER.aadObjectId,
        CONSENT_REQUEST_TTL_DAYS: '2',
      },
      now: () => new Date(now),
    });
    await openChat(harness, APPROVER);
    await request(harness);
    now += 2 * DAY_MS + 1000;
    const { card } = await clickAs(
      harness,
      APPROVER,
      'consent.approve',
      actionData(approverCard(harness), 'consent.approve')!,
    );
    expectValidCard(card);
    expect(cardText(card)).toMatch(/This request expired on .*; nothing was granted/);
    expect(graphWrites(harness)).toBe(0);
  });

  it('when the bot restarts, then the request and its audit trail survive; the approval after the restart grants and `consent history` lists it', async () => {
    harness = await startHarness({
      scenario: 'grant-ready',
      env: { CONSENT_MODE: 'grant', APPROVERS: APPROVER.aadObjectId },
    });
    await openChat(harness, APPROVER);
    await request(harness);
    const approve = actionData(approverCard(harness), 'consent.approve')!;

    await harness.restart();
    const { card } = await clickAs(harness, APPROVER, 'consent.approve', approve);
    expect(cardText(card)).toMatch(/Granted by Grace Approver/);
    expect(acceptedWrites(harness)).toEqual({
      roleAssignments: 2,
      grantCreates: 1,
      grantUpdates: 0,
    });

    await harness.restart();
    harness.connector.clear();
    await harness.say('consent history');
    const history = harness.connector.cards().at(-1)!;
    expectValidCard(history);
    const text = cardText(history);
    expect(text).toMatch(/Admin consent history/);
    const order = ['GRANTED', 'APPROVED', 'REQUESTED'].map((word) => text.indexOf(`${word} —`));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toMatch(/GRANTED — .* — Grace Approver/);
    expect(text).toMatch(
      /Granted: Mail.ReadWrite \(application\), Mail.Send \(application\), User.Read \(delegated\)/,
    );
    expect(text).toMatch(/Graph [0-9a-f-]{36}/);
    expect(text).toMatch(/REQUESTED — .* — Ada Admin/);
  });

  it('when an approver rejects with a reason, then nothing is granted and every copy shows who rejected and why', async () => {
    harness = await startHarness({
      scenario: 'consent-missing',
      env: { APPROVERS: `${APPROVER.aadObjectId},${SECOND_APPROVER.aadObjectId}` },
    });
    await openChat(harness, APPROVER);
    await openChat(harness, SECOND_APPROVER);
    await request(harness);
    const reject = actionData(approverCard(harness), 'consent.reject')!;
    const approve = actionData(approverCard(harness), 'consent.approve')!;
    harness.connector.clear();

    const { card } = await clickAs(harness, SECOND_APPROVER, 'consent.reject', {
      ...reject,
      rejectReason: 'Mail.Send is not\nneeded *yet*',
    });
    expectValidCard(card);
    expect(cardText(card)).toMatch(
      /Rejected by Linus Approver on .*: Mail.Send is not needed \*yet\* — nothing was granted/,
    );
    for (const user of [APPROVER, SECOND_APPROVER]) {
      expect(cardText(cardsUpdatedIn(harness, chatIdOf(user)).at(-1))).toMatch(
        /Rejected by Linus Approver/,
      );
    }
    const approveAfter = await clickAs(harness, APPROVER, 'consent.approve', approve);
    expect(cardText(approveAfter.card)).toMatch(/already rejected; nothing was changed/);
    expect(graphWrites(harness)).toBe(0);
  });
});

describe('where consent requests go', () => {
  it('when a channel is subscribed and approvers have chats, then the request reaches each of them once and a second request re-uses the open one', async () => {
    harness = await startHarness({
      scenario: 'consent-missing',
      env: { APPROVERS: `${APPROVER.aadObjectId},${SECOND_APPROVER.aadObjectId}` },
    });
    await openChat(harness, APPROVER);
    await openChat(harness, SECOND_APPROVER);
    await harness.say('notify here', {
      from: APPROVER,
      conversation: {
        id: CHANNEL_ID,
        conversationType: 'channel',
        tenantId: harness.config.tenant.id,
      },
      channelData: {
        tenant: { id: harness.config.tenant.id },
        team: { name: 'IT' },
        channel: { name: 'General' },
      },
    });

    const answer = await request(harness);
    expect(cardText(answer)).toMatch(
      /Admin consent requested and sent to IT › General, 2 approver chats/,
    );
    for (const id of [CHANNEL_ID, chatIdOf(APPROVER), chatIdOf(SECOND_APPROVER)]) {
      const cards = cardsPostedTo(harness, id).filter((c) =>
        cardVerbs(c).includes('consent.approve'),
      );
      expect(cards).toHaveLength(1);
      expectValidCard(cards[0]!);
      expect(cardVerbs(cards[0])).toContain('consent.reject');
    }
    const channelCard = cardsPostedTo(harness, CHANNEL_ID).find((c) =>
      cardVerbs(c).includes('consent.approve'),
    )!;
    expect((channelCard.refresh as { userIds: string[] }).userIds.sort()).toEqual(
      [APPROVER.id, SECOND_APPROVER.id].sort(),
    );

    const again = await harness.execute('consent.request', {});
    expect(cardText(again.body.value)).toMatch(/This request was open already/);
    expect(actionData(again.body.value, 'consent.approve')!.requestId).toBe(
      actionData(channelCard, 'consent.approve')!.requestId,
    );
    for (const id of [CHANNEL_ID, chatIdOf(APPROVER), chatIdOf(SECOND_APPROVER)]) {
      expect(
        cardsPostedTo(harness, id).filter((c) => cardVerbs(c).includes('consent.approve')),
      ).toHaveLength(1);
    }
  });

  it('when the request is made from a check card in a channel, then that card becomes the request for everyone and is updated with the outcome', async () => {
    harness = await startHarness({
      scenario: 'grant-ready',
      env: { CONSENT_MODE: 'grant', APPROVERS: APPROVER.aadObjectId },
    });
    const channel = {
      conversationId: CHANNEL_ID,
      conversationType: 'channel',
      replyToId: 'check-card-1',
    };
    const requested = await clickAs(harness, OUTSIDER, 'consent.request', {}, channel);
    expectValidCard(requested.card);
    expect(cardText(requested.card)).toMatch(/Waiting for an approver/);
    const put = () =>
      harness!.connector.sent.filter(
        (s) => s.method === 'PUT' && s.path.endsWith(`/activities/check-card-1`),
      );
    expect(put()).toHaveLength(1);
    expect(cardText(cardsUpdatedIn(harness, CHANNEL_ID).at(-1))).toMatch(/Waiting for an approver/);

    const approve = actionData(requested.card, 'consent.approve')!;
    await clickAs(harness, APPROVER, 'consent.approve', approve, {
      conversationId: CHANNEL_ID,
      conversationType: 'channel',
    });
    expect(put()).toHaveLength(2);
    expect(cardText(cardsUpdatedIn(harness, CHANNEL_ID).at(-1))).toMatch(
      /Granted by Grace Approver/,
    );
  });

  it('when no channel is subscribed and no approver has a chat, then the requester is told how to reach an approver', async () => {
    harness = await startHarness({
      scenario: 'consent-missing',
      env: { APPROVERS: APPROVER.aadObjectId },
    });
    const answer = await request(harness);
    const text = cardText(answer);
    expect(text).toMatch(/no approver can be reached yet/);
    expect(text).toMatch(
      /open a chat with PCEmail Ops and send "help", or to say "notify here" in a channel/,
    );
    expect(text).toMatch(/then choose "Request admin consent" again/);

    await openChat(harness, APPROVER);
    const again = await harness.execute('consent.request', {});
    expect(cardText(again.body.value)).toMatch(
      /This request was open already. Admin consent requested and sent to 1 approver chat/,
    );
    expect(
      cardsPostedTo(harness, chatIdOf(APPROVER)).filter((c) =>
        cardVerbs(c).includes('consent.approve'),
      ),
    ).toHaveLength(1);
  });

  it('when the tenant is simulated and APPROVERS is unset, then the Agents Playground user approves and others are refused; the refresh view says who may approve', async () => {
    harness = await startHarness({ scenario: 'grant-ready', env: { CONSENT_MODE: 'grant' } });
    const playgroundUser: TeamsUser = {
      id: '29:playground-user',
      aadObjectId: PLAYGROUND_USER_AAD_IDS[0],
      name: 'Alex Wilber',
    };
    await openChat(harness, playgroundUser);
    await request(harness);
    const posted = approverCard(harness, playgroundUser);
    expect((posted.refresh as { userIds: string[] }).userIds).toEqual([playgroundUser.id]);
    const approve = actionData(posted, 'consent.approve')!;

    const mine = await clickAs(harness, playgroundUser, 'consent.refresh', {
      requestId: approve.requestId,
    });
    expectValidCard(mine.card);
    expect(cardText(mine.card)).toMatch(
      /You are an approver: you can approve or reject this request/,
    );
    expect(cardVerbs(mine.card)).toContain('consent.approve');
    const theirs = await harness.execute('consent.refresh', { requestId: approve.requestId });
    expect(cardText(theirs.body.value)).toMatch(/You are not an approver/);

    const refused = await harness.execute('consent.approve', approve);
    expect(cardText(refused.body.value)).toMatch(/not one of the approvers/);
    expect(graphWrites(harness)).toBe(0);
    const granted = await clickAs(harness, playgroundUser, 'consent.approve', approve);
    expect(cardText(granted.card)).toMatch(/Granted by Alex Wilber/);
    expect(TEST_USER.aadObjectId).not.toBe(playgroundUser.aadObjectId);
  });
});
