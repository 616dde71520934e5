import { buildServices } from '../../src/app/build-services';
import { requestKey } from '../../src/app/consent/consent-records';
import type { ConsentRequest } from '../../src/domain/consent';
import { FileStateStore } from '../../src/store';
import { accessToken, graph } from '../simulator/sim-client';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText, cardVerbs } from '../support/card-text';
import {
  actionData,
  APPROVER,
  cardsPostedTo,
  chatIdOf,
  clickAs,
  MAIL_READWRITE_ROLE,
  MAIL_SEND_ROLE,
  openChat,
  SECOND_APPROVER,
} from './consent-support';

interface SimState {
  servicePrincipals: { id: string; appId: string }[];
  appRoleAssignments: { principalId: string; resourceId: string; appRoleId: string }[];
}

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function principals(
  h: BotHarness,
): Promise<{ pcemail: string; graph: string; state: SimState }> {
  const state = (await (await fetch(`${h.simulator.url}/_sim/state`)).json()) as SimState;
  const appId = h.simulator.scenario.pcemailAppIds[0];
  return {
    pcemail: state.servicePrincipals.find((s) => s.appId === appId)!.id,
    graph: state.servicePrincipals.find((s) => s.appId === GRAPH_APP_ID)!.id,
    state,
  };
}

/** POSTs to appRoleAssignedTo (any status) since the log was last cleared. */
function roleWrites(h: BotHarness): number {
  return h.simulator
    .requests()
    .filter(
      (r) => r.area === 'graph' && r.method === 'POST' && r.path.includes('/appRoleAssignedTo'),
    ).length;
}

describe('a grant taken over from a stalled approval', () => {
  it('when the first approval landed one write and stalled past 2 minutes, then the second approver’s takeover writes only what is missing', async () => {
    let now = Date.now();
    harness = await startHarness({
      scenario: 'grant-ready',
      env: {
        CONSENT_MODE: 'grant',
        APPROVERS: `${APPROVER.aadObjectId},${SECOND_APPROVER.aadObjectId}`,
      },
      now: () => new Date(now),
    });
    await openChat(harness, APPROVER);
    await openChat(harness, SECOND_APPROVER);
    await harness.say('check pcemail permissions');
    const checkCard = harness.connector.cards().at(-1)!;
    await harness.execute('consent.request', actionData(checkCard, 'consent.request') ?? {});
    const card = cardsPostedTo(harness, chatIdOf(APPROVER)).find((c) =>
      cardVerbs(c).includes('consent.approve'),
    )!;
    const approve = actionData(card, 'consent.approve')!;

    // The first approval: it claimed the grant and its Mail.ReadWrite write landed, then it stalled.
    const store = new FileStateStore(harness.stateDir);
    const key = requestKey(String(approve.requestId));
    const stored = (await store.get<ConsentRequest>(key))!;
    await store.put(key, {
      ...stored.value,
      state: 'granting',
      approvedBy: { aadObjectId: APPROVER.aadObjectId, name: APPROVER.name },
      approvedAt: new Date(now).toISOString(),
      claim: {
        token: 'stalled-approval',
        by: { aadObjectId: APPROVER.aadObjectId, name: APPROVER.name },
        until: new Date(now + 2 * 60_000).toISOString(),
      },
    });
    const ids = await principals(harness);
    const token = await accessToken(harness.simulator, 'inspector');
    const landed = await graph(
      harness.simulator,
      `/servicePrincipals/${ids.graph}/appRoleAssignedTo`,
      token,
      {
        method: 'POST',
        body: { principalId: ids.pcemail, resourceId: ids.graph, appRoleId: MAIL_READWRITE_ROLE },
      },
    );
    expect(landed.status).toBe(201);

    // Within the 2 minutes the second approver is told to wait; after them, they take over.
    now += 60_000;
    const early = await clickAs(harness, SECOND_APPROVER, 'consent.approve', approve);
    expect(cardText(early.card)).toMatch(/Grace Approver is granting these permissions right now/);
    now += 2 * 60_000;
    harness.simulator.clearRequests();
    const takeover = await clickAs(harness, SECOND_APPROVER, 'consent.approve', approve);
    expect(cardText(takeover.card)).toMatch(/Granted by Linus Approver/);

    expect(roleWrites(harness)).toBe(1);
    const after = await principals(harness);
    const roles = after.state.appRoleAssignments
      .filter((a) => a.principalId === ids.pcemail && a.resourceId === ids.graph)
      .map((a) => a.appRoleId)
      .sort();
    expect(roles).toEqual([MAIL_READWRITE_ROLE, MAIL_SEND_ROLE].sort());
  });

  it('when the stalled approval resumes its write after the takeover landed it, then it reads it back and writes nothing', async () => {
    harness = await startHarness({ scenario: 'grant-ready' });
    const ids = await principals(harness);
    const { consentWriter } = buildServices(harness.config, { sleep: () => Promise.resolve() });
    const input = { resourceId: ids.graph, principalId: ids.pcemail, appRoleId: MAIL_SEND_ROLE };

    const first = await consentWriter.assignAppRole(input);
    expect(first).toMatchObject({ ok: true, alreadyExisted: false });
    harness.simulator.clearRequests();

    const resumed = await consentWriter.assignAppRole(input);
    expect(resumed).toMatchObject({ ok: true, alreadyExisted: true });
    expect(roleWrites(harness)).toBe(0);
    const after = await principals(harness);
    expect(
      after.state.appRoleAssignments.filter(
        (a) => a.principalId === ids.pcemail && a.appRoleId === MAIL_SEND_ROLE,
      ),
    ).toHaveLength(1);
  });
});
