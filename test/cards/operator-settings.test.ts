import { adaptiveCard, factSet, textBlock } from '../../src/cards/adaptive-card';
import { plainText } from '../../src/cards/plain-text';
import { expectValidCard } from '../support/adaptive-card-validator';
import { cardText, rawCardText } from '../support/card-text';

const VARIABLE = /\b(?:TENANT_ID|PCEMAIL_\w+|APPROVERS|GRAPH_CLIENT_\w+)\b|PCEMAIL\\_/u;

/** Everything but the footnote, which alone may name the variables. */
function bodyWithoutFootnote(card: ReturnType<typeof adaptiveCard>) {
  return rawCardText({ ...card, body: card.body.slice(0, -1) });
}

describe('operator settings on cards', () => {
  it('when a card text names environment variables, then it says the setting in words and one footnote says who sets them', () => {
    const card = adaptiveCard({
      body: [
        textBlock(plainText('PCEMAIL_MAILBOXES is empty, so no mailbox was checked.')),
        textBlock(plainText('Set PCEMAIL_APP_ID to the Application (client) ID.')),
        textBlock('Only approvers (APPROVERS) can subscribe.'),
        textBlock('Approvers are the people listed in the bot’s APPROVERS setting.'),
        factSet([{ title: 'Found', value: 'by PCEMAIL_APP_ID' }]),
      ],
      fallbackText: 'Check TENANT_ID',
    });
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('The PCEmail mailboxes setting is empty, so no mailbox was checked.');
    expect(text).toContain('Set the PCEmail app ID setting to the Application (client) ID.');
    expect(text).toContain('Only approvers (the approvers setting) can subscribe.');
    expect(text).toContain('listed in the bot’s approvers setting.');
    expect(text).toContain('by the PCEmail app ID setting');
    expect(card.fallbackText).toBe('Check the tenant ID setting');
    expect(bodyWithoutFootnote(card)).not.toMatch(VARIABLE);

    const footnote = card.body.at(-1);
    expect(footnote?.type).toBe('RichTextBlock');
    const words = rawCardText(footnote);
    expect(words.replace(/\n/g, '')).toBe(
      'The person who runs the bot sets the PCEmail mailboxes setting (PCEMAIL_MAILBOXES), ' +
        'the PCEmail app ID setting (PCEMAIL_APP_ID), the tenant ID setting (TENANT_ID) and ' +
        'the approvers setting (APPROVERS); ' +
        'an admin in Teams cannot change them.',
    );
    expect(words.match(/person who runs the bot/g)).toHaveLength(1);
  });

  it('when a card names no setting, then it has no footnote', () => {
    const card = adaptiveCard({ body: [textBlock('All good.')] });
    expect(card.body).toHaveLength(1);
  });
});
