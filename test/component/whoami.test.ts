import { expectValidCard } from '../support/adaptive-card-validator';
import { startHarness, TEST_USER, type BotHarness } from '../support/bot-harness';
import { cardText } from '../support/card-text';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('whoami, over HTTP', () => {
  it('when any user says whoami, then they see their own name, Entra object id and tenant, and that they are no approver', async () => {
    harness = await startHarness({
      scenario: 'healthy',
      env: { APPROVERS: '3d5c1e2f-7a8b-4c9d-8e1f-2a3b4c5d6e70' },
    });
    expect(await harness.say('whoami')).toBe(200);
    const card = harness.connector.cards().at(-1)!;
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain(TEST_USER.name);
    expect(text).toContain(TEST_USER.aadObjectId);
    expect(text).toContain(harness.config.tenant.id);
    expect(text).toMatch(/Approver\s*no/);
    expect(text).toMatch(/adds this object id to its list of approvers/);
  });

  it('when an approver says whoami, then the card says they are one', async () => {
    harness = await startHarness({
      scenario: 'healthy',
      env: { APPROVERS: TEST_USER.aadObjectId },
    });
    await harness.say('whoami');
    expect(cardText(harness.connector.cards().at(-1))).toMatch(/Approver\s*yes/);
  });

  it('when help is asked, then whoami is listed', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    await harness.say('help');
    expect(cardText(harness.connector.cards().at(-1))).toMatch(/whoami/);
  });
});
