import { readConfig } from '../../src/config';
import { startSimulator } from '../../src/simulator';
import { SQUATTER_APP_ID } from '../../src/simulator/scenarios/squatting-scenarios';
import {
  actionData,
  APPROVER,
  chatIdOf,
  clickAs,
  cardsPostedTo,
  openChat,
} from '../component/consent-support';
import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText, cardVerbs } from '../support/card-text';

interface SimState {
  servicePrincipals: { id: string; appId: string }[];
  appRoleAssignments: { principalId: string }[];
  oauth2PermissionGrants: { clientId: string }[];
}

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('name squatting: an ordinary user’s app also named "PCEmail"', () => {
  it('when grant mode would find the app by display name, then the configuration is refused naming PCEMAIL_APP_ID', async () => {
    const simulator = await startSimulator({ scenario: 'name-squatting' });
    try {
      const env = simulator.productEnv();
      expect(env).not.toHaveProperty('PCEMAIL_APP_ID');
      expect(simulator.scenario.pcemailAppIds).toHaveLength(2);
      const result = readConfig({ ...env, CONSENT_MODE: 'grant' }, { simulated: true });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.problems.join('\n')).toMatch(
        /CONSENT_MODE is grant but PCEMAIL_APP_ID is empty/,
      );
    } finally {
      await simulator.close();
    }
  });

  it('when PCEMAIL_APP_ID names the real app, then the request card shows its id, owners, creation date and publisher domain, and the approval grants only to it', async () => {
    const simulator = await startSimulator({ scenario: 'name-squatting' });
    const realAppId = simulator.scenario.pcemailAppIds.find((id) => id !== SQUATTER_APP_ID)!;
    await simulator.close();
    harness = await startHarness({
      scenario: 'name-squatting',
      env: { CONSENT_MODE: 'grant', APPROVERS: APPROVER.aadObjectId, PCEMAIL_APP_ID: realAppId },
    });
    await openChat(harness, APPROVER);
    await harness.say('check pcemail permissions');
    const checkCard = harness.connector.cards().at(-1)!;
    const { status } = await harness.execute(
      'consent.request',
      actionData(checkCard, 'consent.request') ?? {},
    );
    expect(status).toBe(200);

    const request = cardsPostedTo(harness, chatIdOf(APPROVER)).find((c) =>
      cardVerbs(c).includes('consent.approve'),
    )!;
    expectValidCard(request);
    const text = cardText(request);
    expect(text).toContain(realAppId);
    expect(text).toMatch(/App owners\s*IT Administrator/);
    expect(text).toMatch(/App created\s*\d{1,2} \w{3} \d{4}/);
    expect(text).toMatch(/Publisher domain\s*contoso\.example/);
    expect(text).not.toContain('Mallory');

    await clickAs(harness, APPROVER, 'consent.approve', actionData(request, 'consent.approve')!);
    const state = (await (await fetch(`${harness.simulator.url}/_sim/state`)).json()) as SimState;
    const squatterSp = state.servicePrincipals.find((sp) => sp.appId === SQUATTER_APP_ID)!;
    const realSp = state.servicePrincipals.find((sp) => sp.appId === realAppId)!;
    expect(state.appRoleAssignments.filter((a) => a.principalId === squatterSp.id)).toEqual([]);
    expect(state.oauth2PermissionGrants.filter((g) => g.clientId === squatterSp.id)).toEqual([]);
    expect(state.appRoleAssignments.filter((a) => a.principalId === realSp.id)).toHaveLength(2);
  });

  it('when a request is about the look-alike, then its card names the ordinary user as its owner', async () => {
    harness = await startHarness({
      scenario: 'name-squatting',
      env: {
        CONSENT_MODE: 'link',
        APPROVERS: APPROVER.aadObjectId,
        PCEMAIL_APP_ID: SQUATTER_APP_ID,
      },
    });
    await openChat(harness, APPROVER);
    await harness.say('check pcemail permissions');
    const checkCard = harness.connector.cards().at(-1)!;
    await harness.execute('consent.request', actionData(checkCard, 'consent.request') ?? {});
    const request = cardsPostedTo(harness, chatIdOf(APPROVER)).at(-1)!;
    expect(cardText(request)).toMatch(/App owners\s*Mallory Member/);
  });
});
