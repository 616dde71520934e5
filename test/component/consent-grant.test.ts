import { PCEMAIL_APP_ID } from '../../src/simulator/scenarios/healthy-tenant';
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
  MAIL_READWRITE_ROLE,
  MAIL_SEND_ROLE,
  openChat,
  openUrl,
  OUTSIDER,
  pcemailGrants,
  SECOND_APPROVER,
} from './consent-support';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const GRANT_MODE = {
  CONSENT_MODE: 'grant',
  APPROVERS: `${APPROVER.aadObjectId},${SECOND_APPROVER.aadObjectId}`,
};

/** The check card, then "Request admin consent" on it: returns the requester's answer card. */
async function requestFromCheckCard(h: BotHarness): Promise<Record<string, unknown>> {
  await h.say('check pcemail permissions');
  const checkCard = h.connector.cards().at(-1)!;
  expect(cardVerbs(checkCard)).toContain('consent.request');
  const { status, body } = await h.execute(
    'consent.request',
    actionData(checkCard, 'consent.request') ?? {},
  );
  expect(status).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value!;
}

/** The request card as posted into the approver's chat, and its Approve data. */
function approverCopy(
  h: BotHarness,
  user = APPROVER,
): { card: Record<string, unknown>; approve: Record<string, unknown> } {
  const card = cardsPostedTo(h, chatIdOf(user)).find((c) =>
    cardVerbs(c).includes('consent.approve'),
  );
  if (!card) throw new Error(`no request card reached ${user.name}`);
  return { card, approve: actionData(card, 'consent.approve')! };
}

describe('admin consent in grant mode, over HTTP against the simulated tenant', () => {
  it('when consent checks fail and the requester asks, then a stored request naming app, permissions, requester and reason reaches the approver’s chat', async () => {
    harness = await startHarness({ scenario: 'grant-ready', env: GRANT_MODE });
    await openChat(harness, APPROVER);

    const answer = await requestFromCheckCard(harness);
    expectValidCard(answer);
    const text = cardText(answer);
    expect(text).toMatch(/Admin consent for PCEmail/);
    expect(text).toMatch(/sent to 1 approver chat/);
    for (const permission of [
      'User.Read (delegated)',
      'Mail.ReadWrite (application)',
      'Mail.Send (application)',
    ]) {
      expect(text).toContain(permission);
    }
    expect(text).toContain(TEST_USER.name);
    expect(text).toContain(harness.simulator.scenario.pcemailAppIds[0]);
    expect(text).toMatch(/Why: The consent checks found no admin consent/);
    expect(text).toMatch(
      /Only a Privileged Role Administrator or Global Administrator can consent/,
    );

    const { card, approve } = approverCopy(harness);
    expectValidCard(card);
    expect(approve).toEqual({
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      appId: harness.simulator.scenario.pcemailAppIds[0],
      permissions: 'Scope:User.Read,Role:Mail.ReadWrite,Role:Mail.Send',
    });
    expect(card.refresh).toMatchObject({
      action: { verb: 'consent.refresh' },
      userIds: [APPROVER.id],
    });
    expect(card.fallbackText).toMatch(/approve or reject/);
    expect(graphWrites(harness)).toBe(0);
  });

  it('when someone who is not an approver clicks Approve, then nothing changes and they are told why', async () => {
    harness = await startHarness({ scenario: 'grant-ready', env: GRANT_MODE });
    await openChat(harness, APPROVER);
    await requestFromCheckCard(harness);
    const { approve } = approverCopy(harness);
    harness.simulator.clearRequests();
    harness.connector.clear();

    const refused = await clickAs(harness, OUTSIDER, 'consent.approve', approve);
    expectValidCard(refused.card);
    expect(cardText(refused.card)).toMatch(/not one of the approvers .* nothing was changed/);
    expect(cardText(refused.card)).toMatch(/Waiting for an approver/);
    const refusedToo = await harness.execute('consent.reject', { ...approve, rejectReason: 'no' });
    expect(cardText(refusedToo.body.value)).toMatch(/not one of the approvers/);

    expect(graphWrites(harness)).toBe(0);
    expect(harness.connector.sent.filter((s) => s.method === 'PUT')).toHaveLength(0);
    expect(await pcemailGrants(harness)).toEqual({ roles: [], organizationScopes: [] });
    // Still open: the real approver can approve afterwards.
    const approved = await clickAs(harness, APPROVER, 'consent.approve', approve);
    expect(cardText(approved.card)).toMatch(/Granted by Grace Approver/);
  });

  it('when an approver approves, then exactly the missing permissions are granted, every copy is updated and the consent checks pass', async () => {
    harness = await startHarness({ scenario: 'grant-ready', env: GRANT_MODE });
    await openChat(harness, APPROVER);
    await openChat(harness, SECOND_APPROVER);
    await requestFromCheckCard(harness);
    const { approve } = approverCopy(harness);
    harness.connector.clear();

    const { status, card } = await clickAs(harness, APPROVER, 'consent.approve', approve);
    expect(status).toBe(200);
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/Granted by Grace Approver on \d+ \w+ \d{4}, \d\d:\d\d UTC/);
    expect(text).toMatch(
      /Granted by the bot: User.Read \(delegated\), Mail.ReadWrite \(application\), Mail.Send \(application\)/,
    );
    expect(text).toMatch(/PASS consent\.user-read/);
    expect(text).toMatch(/PASS consent\.mail-readwrite/);
    expect(text).toMatch(/PASS consent\.mail-send/);
    expect(text).toMatch(/Graph request ids: [0-9a-f-]{36}/);
    expect(cardVerbs(card)).not.toContain('consent.approve');

    expect(await pcemailGrants(harness)).toEqual({
      roles: [MAIL_READWRITE_ROLE, MAIL_SEND_ROLE].sort(),
      organizationScopes: ['User.Read'],
    });
    expect(acceptedWrites(harness)).toEqual({
      roleAssignments: 2,
      grantCreates: 1,
      grantUpdates: 0,
    });

    for (const user of [APPROVER, SECOND_APPROVER]) {
      const updates = cardsUpdatedIn(harness, chatIdOf(user));
      expect(updates).toHaveLength(1);
      expectValidCard(updates[0]!);
      expect(cardText(updates[0])).toMatch(/Granted by Grace Approver/);
      expect(updates[0]!.refresh).toBeUndefined();
    }

    harness.connector.clear();
    await harness.say('check pcemail permissions');
    const check = cardText(harness.connector.cards().at(-1));
    expect(check).not.toMatch(/FAIL[\s\S]{0,40}consent\./);
    expect(check).toMatch(/PASS[\s\S]{0,40}consent\.mail-send/);
    expect(cardVerbs(harness.connector.cards().at(-1))).not.toContain('consent.request');
  });

  it('when the same approver clicks twice and two approvers click at once, then the permissions are granted once', async () => {
    harness = await startHarness({ scenario: 'grant-ready', env: GRANT_MODE });
    await openChat(harness, APPROVER);
    await openChat(harness, SECOND_APPROVER);
    await requestFromCheckCard(harness);
    const { approve } = approverCopy(harness);

    const clicks = await Promise.all([
      clickAs(harness, APPROVER, 'consent.approve', approve),
      clickAs(harness, APPROVER, 'consent.approve', approve),
      clickAs(harness, SECOND_APPROVER, 'consent.approve', approve),
      clickAs(harness, SECOND_APPROVER, 'consent.approve', approve),
    ]);
    for (const click of clicks) {
      expect(click.status).toBe(200);
      expectValidCard(click.card);
    }
    const texts = clicks.map((c) => cardText(c.card));
    expect(texts.filter((t) => /Done: the permissions are granted/.test(t))).toHaveLength(1);
    expect(
      texts.every((t) =>
        /Done: the permissions are granted|granting these permissions right now|already granted; nothing was changed/.test(
          t,
        ),
      ),
    ).toBe(true);
    expect(acceptedWrites(harness)).toEqual({
      roleAssignments: 2,
      grantCreates: 1,
      grantUpdates: 0,
    });
    expect(graphWrites(harness)).toBe(3);

    const again = await clickAs(harness, SECOND_APPROVER, 'consent.approve', approve);
    expect(cardText(again.card)).toMatch(/already granted; nothing was changed/);
    expect(graphWrites(harness)).toBe(3);
  });

  it.each([
    [
      'another app id',
      (d: Record<string, unknown>) => ({ ...d, appId: '11111111-2222-4333-8444-555555555555' }),
      /does not match the stored request \(it names another app\)/,
    ],
    [
      'other permissions',
      (d: Record<string, unknown>) => ({ ...d, permissions: 'Role:Mail.Send' }),
      /does not match the stored request \(it names other permissions\)/,
    ],
    [
      'an unknown request id',
      (d: Record<string, unknown>) => ({ ...d, requestId: '0f0e0d0c-0b0a-4908-8706-050403020100' }),
      /no consent request with this id/,
    ],
    [
      'a request id that is not ours',
      (d: Record<string, unknown>) => ({ ...d, requestId: '../../conversations/x' }),
      /no consent request with this id/,
    ],
  ])(
    'when the card data is tampered with (%s), then nothing is granted',
    async (_what, tamper, message) => {
      harness = await startHarness({ scenario: 'grant-ready', env: GRANT_MODE });
      await openChat(harness, APPROVER);
      await requestFromCheckCard(harness);
      const { approve } = approverCopy(harness);
      harness.simulator.clearRequests();

      const { status, card } = await clickAs(harness, APPROVER, 'consent.approve', tamper(approve));
      expect(status).toBe(200);
      expectValidCard(card);
      expect(cardText(card)).toMatch(message);
      expect(graphWrites(harness)).toBe(0);
      expect(await pcemailGrants(harness)).toEqual({ roles: [], organizationScopes: [] });
    },
  );

  it('when Graph fails half-way, then the card says what was and was not granted, and Retry completes it', async () => {
    harness = await startHarness({ scenario: 'grant-ready', env: GRANT_MODE });
    await openChat(harness, APPROVER);
    await requestFromCheckCard(harness);
    const { approve } = approverCopy(harness);
    harness.simulator.setFaults({ failWritesAfter: 1, failWrites: 100, retryAfterSeconds: 0 });

    const first = await clickAs(harness, APPROVER, 'consent.approve', approve);
    expectValidCard(first.card);
    const text = cardText(first.card);
    expect(text).toMatch(/Partly granted — retry to finish/);
    expect(text).toMatch(/Granted by the bot: Mail.ReadWrite \(application\)\./);
    expect(text).toMatch(
      /Not granted: Mail.Send \(application\): Graph was unavailable — try again \(HTTP 503 serviceNotAvailable\); User.Read \(delegated\): Graph was unavailable/,
    );
    expect(cardVerbs(first.card)).toContain('consent.approve');
    expect(await pcemailGrants(harness)).toEqual({
      roles: [MAIL_READWRITE_ROLE],
      organizationScopes: [],
    });

    harness.simulator.setFaults({});
    const retry = await clickAs(
      harness,
      APPROVER,
      'consent.approve',
      actionData(first.card, 'consent.approve')!,
    );
    expect(cardText(retry.card)).toMatch(/Granted by Grace Approver/);
    expect(await pcemailGrants(harness)).toEqual({
      roles: [MAIL_READWRITE_ROLE, MAIL_SEND_ROLE].sort(),
      organizationScopes: ['User.Read'],
    });
    expect(acceptedWrites(harness)).toEqual({
      roleAssignments: 2,
      grantCreates: 1,
      grantUpdates: 0,
    });
  });

  it('when the bot lacks the Graph permissions to grant, then Graph’s 403 is said in plain words and the link is offered', async () => {
    harness = await startHarness({
      scenario: 'consent-missing',
      env: { ...GRANT_MODE, PCEMAIL_APP_ID },
    });
    await openChat(harness, APPROVER);
    await requestFromCheckCard(harness);
    const { approve } = approverCopy(harness);

    const { card } = await clickAs(harness, APPROVER, 'consent.approve', approve);
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(
      /Microsoft Graph refused the bot \(HTTP 403: Insufficient privileges to complete the operation\.\)/,
    );
    expect(text).toMatch(
      /AppRoleAssignment\.ReadWrite\.All and DelegatedPermissionGrant\.ReadWrite\.All/,
    );
    expect(openUrl(card, 'Open admin consent page')).toMatch(/\/v2\.0\/adminconsent\?client_id=/);
    expect(openUrl(card, 'Open API permissions in Entra')).toMatch(
      /^https:\/\/entra\.microsoft\.com\/#view\/Microsoft_AAD_RegisteredApps\/ApplicationMenuBlade\/~\/CallAnAPI\/appId\//,
    );
    expect(cardVerbs(card)).toContain('consent.check');
    expect(acceptedWrites(harness)).toEqual({
      roleAssignments: 0,
      grantCreates: 0,
      grantUpdates: 0,
    });
  });
});
