import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText, cardVerbs } from '../support/card-text';
import {
  actionData,
  APPROVER,
  cardsPostedTo,
  chatIdOf,
  clickAs,
  graphWrites,
  MAIL_READWRITE_ROLE,
  openChat,
  OUTSIDER,
  pcemailGrants,
} from '../component/consent-support';

/**
 * Action.Execute data comes back from the client and can be edited by anyone who can click: the bot
 * must act on what it stored, and on who Teams says clicked, never on what the card data claims.
 */
let harness: BotHarness;

beforeAll(async () => {
  harness = await startHarness({
    scenario: 'grant-ready',
    env: { CONSENT_MODE: 'grant', APPROVERS: APPROVER.aadObjectId },
  });
  await openChat(harness, APPROVER);
  await harness.say('check pcemail permissions');
  const checkCard = harness.connector.cards().at(-1)!;
  await harness.execute('consent.request', actionData(checkCard, 'consent.request') ?? {});
});

afterAll(async () => {
  await harness.stop();
});

function approveData(): Record<string, unknown> {
  const card = cardsPostedTo(harness, chatIdOf(APPROVER)).find((c) =>
    cardVerbs(c).includes('consent.approve'),
  );
  if (!card) throw new Error('no request card reached the approver');
  return actionData(card, 'consent.approve')!;
}

describe('tampered Adaptive Card data', () => {
  it('when an outsider edits the card data to name themselves approver and add permissions, then nothing is granted', async () => {
    harness.simulator.clearRequests();
    const forged = {
      ...approveData(),
      approvers: [OUTSIDER.aadObjectId],
      actor: { aadObjectId: APPROVER.aadObjectId, name: APPROVER.name },
      aadObjectId: APPROVER.aadObjectId,
      permissions: [
        { id: MAIL_READWRITE_ROLE, name: 'Mail.ReadWrite', type: 'Role' },
        { id: 'Directory.ReadWrite.All' },
      ],
    };
    const refused = await clickAs(harness, OUTSIDER, 'consent.approve', forged);
    expect(refused.status).toBe(200);
    expect(cardText(refused.card)).toMatch(/not one of the approvers/);
    expect(graphWrites(harness)).toBe(0);
    expect(await pcemailGrants(harness)).toEqual({ roles: [], organizationScopes: [] });
  });

  it.each([
    ['a request id that does not exist', { requestId: 'req-does-not-exist' }],
    ['a request id that is an object', { requestId: { $gt: '' } }],
    ['a path in the request id', { requestId: '../../consent/requests/x' }],
    ['a huge request id', { requestId: 'r'.repeat(100_000) }],
    ['no data at all', {}],
  ])(
    'when an approver’s click carries %s, then a plain card answers and nothing is granted',
    async (_case, data) => {
      harness.simulator.clearRequests();
      const answer = await clickAs(harness, APPROVER, 'consent.approve', data);
      expect(answer.status).toBe(200);
      expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(answer.body)).not.toMatch(/\bat .+:\d+:\d+|Error:|node_modules/);
      expect(graphWrites(harness)).toBe(0);
    },
  );

  it('when a verb the bot does not know is sent, then the invoke is answered without running anything', async () => {
    harness.simulator.clearRequests();
    const { status } = await harness.execute('admin.grantEverything', {
      scope: 'Directory.ReadWrite.All',
    });
    expect(status).toBeGreaterThanOrEqual(200);
    expect(status).not.toBe(500);
    expect(graphWrites(harness)).toBe(0);
  });

  it('when the approver finally approves with the genuine data, then the stored request is granted (the forgeries changed nothing)', async () => {
    const approved = await clickAs(harness, APPROVER, 'consent.approve', approveData());
    expect(cardText(approved.card)).toMatch(/Granted by Grace Approver/);
  });
});
