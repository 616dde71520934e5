import { renderWelcomeCard } from '../../src/cards/welcome-card';
import { expectValidCard } from '../support/adaptive-card-validator';
import { blockWithText, cardText, texts } from './card-text';

const COMMANDS = [
  { name: 'check pcemail permissions', description: 'Runs every check.' },
  { name: 'help', description: 'Lists the commands.' },
];
const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('renderWelcomeCard', () => {
  it('when the bot is installed on a live tenant, then it says what it does in three lines and what to try', () => {
    const card = renderWelcomeCard({ simulated: false, tenantId: TENANT_ID, commands: COMMANDS });

    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('I check the Microsoft Graph setup of the PCEmail app registration');
    expect(text).toContain('I guide you through setting it up');
    expect(text).toContain('I remind a channel before the PCEmail secret expires');
    expect(texts(card)).toContain('Try: check pcemail permissions');
    expect(texts(card)).toContain('Commands: check pcemail permissions, help');
    expect(texts(card)).toContain(`Tenant: ${TENANT_ID}`);
    expect(text).not.toMatch(/[Ss]imulat/);
  });

  it('when the tenant is simulated, then a warning banner says the bot talks to its simulator', () => {
    const card = renderWelcomeCard({ simulated: true, tenantId: TENANT_ID, commands: COMMANDS });

    expectValidCard(card);
    const banner = texts(card).find((t) => t.startsWith('Simulated tenant'));
    expect(banner).toBeDefined();
    expect(blockWithText(card, banner!)?.color).toBe('warning');
    expect(texts(card)).toContain(`Tenant: ${TENANT_ID} (simulated)`);
  });
});
