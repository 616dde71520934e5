import { PCEMAIL_APP_ID } from '../../src/simulator/scenarios/healthy-tenant';
import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, type BotHarness } from '../support/bot-harness';
import { cardText, cardVerbs } from '../support/card-text';
import {
  actionData,
  APPROVER,
  cardsPostedTo,
  chatIdOf,
  clickAs,
  openChat,
  pcemailGrants,
} from './consent-support';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const GRANT_MODE = { CONSENT_MODE: 'grant', PCEMAIL_APP_ID, APPROVERS: APPROVER.aadObjectId };

describe('admin consent under RBAC for Applications, over HTTP against the simulated tenant', () => {
  it('when RBAC is set up and only a leftover tenant-wide Mail consent fails, then the check card offers no consent request', async () => {
    harness = await startHarness({
      scenario: 'rbac-tenant-wide-consent',
      env: { ...GRANT_MODE, RESTRICTION_MODEL: 'rbac' },
    });
    await harness.say('check pcemail permissions');
    const card = harness.connector.cards()[0]!;
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/FAIL[\s\S]{0,400}consent\.mail-readwrite/);
    expect(text).toMatch(/voids the RBAC scope/);
    expect(cardVerbs(card)).not.toContain('consent.request');
    expect(text).not.toMatch(/Request admin consent/);
  });

  it('when RBAC is recognised and User.Read lacks consent, then the request asks for User.Read only and the grant makes no tenant-wide Mail consent', async () => {
    harness = await startHarness({ scenario: 'rbac-grant-ready', env: GRANT_MODE });
    await openChat(harness, APPROVER);
    await harness.say('check pcemail permissions');
    const checkCard = harness.connector.cards().at(-1)!;
    const checkText = cardText(checkCard);
    expect(checkText).toMatch(/PASS[\s\S]{0,400}consent\.mail-readwrite/);
    expect(checkText).toMatch(/FAIL[\s\S]{0,400}consent\.user-read/);
    expect(cardVerbs(checkCard)).toContain('consent.request');

    await harness.execute('consent.request', actionData(checkCard, 'consent.request') ?? {});
    const posted = cardsPostedTo(harness, chatIdOf(APPROVER)).find((c) =>
      cardVerbs(c).includes('consent.approve'),
    )!;
    const approve = actionData(posted, 'consent.approve')!;
    expect(approve.permissions).toBe('Scope:User.Read');

    const { card } = await clickAs(harness, APPROVER, 'consent.approve', approve);
    expect(cardText(card)).toMatch(/Granted by the bot: User.Read \(delegated\)/);
    expect(await pcemailGrants(harness)).toEqual({ roles: [], organizationScopes: ['User.Read'] });
  });
});
