import { renderCheckingCard } from '../../src/cards/checking-card';
import { expectValidCard } from '../support/adaptive-card-validator';
import { blockWithText, cardText, texts } from './card-text';
import { LIVE_TENANT, SIMULATED_TENANT } from './diagnoses';

describe('renderCheckingCard', () => {
  it('when checks start on a live tenant, then the card says it is checking, names the tenant and has no banner', () => {
    const card = renderCheckingCard({ appName: 'PCEmail', tenant: LIVE_TENANT });

    expectValidCard(card);
    expect(texts(card)[0]).toBe('Checking PCEmail permissions…');
    expect(texts(card)).toContain(`Tenant: ${LIVE_TENANT.id}`);
    expect(cardText(card)).not.toMatch(/[Ss]imulat/);
    expect(card.actions).toBeUndefined();
  });

  it('when checks start on the simulated tenant, then the warning banner is shown', () => {
    const card = renderCheckingCard({ appName: 'PCEmail', tenant: SIMULATED_TENANT });

    expectValidCard(card);
    expect(
      blockWithText(
        card,
        'Simulated tenant — these results come from the built-in simulator, not your Microsoft 365 tenant',
      )?.color,
    ).toBe('warning');
  });

  it('when the app name is hostile, then it is escaped in the title', () => {
    const card = renderCheckingCard({ appName: '[PCEmail](http://evil)', tenant: LIVE_TENANT });

    expectValidCard(card);
    expect(texts(card)[0]).toBe('Checking \\[PCEmail\\]\\(http:\u2060//evil) permissions…');
  });
});
