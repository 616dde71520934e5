import { executeAction } from '../../src/cards/adaptive-card';
import { renderNoticeCard } from '../../src/cards/notice-card';
import { expectValidCard } from '../support/adaptive-card-validator';
import { cardText, textBlocks, texts } from './card-text';

const SIGN_IN_LINE =
  "The checks could not run: the bot's inspector identity cannot sign in (AADSTS7000215).";
const FIX_LINE =
  'Fix: set GRAPH_CLIENT_SECRET to the secret value, not the secret ID (Entra admin center > App registrations > Certificates & secrets).';

describe('renderNoticeCard', () => {
  it('when an error notice is rendered, then the title is attention-coloured and every line is shown as written', () => {
    const card = renderNoticeCard({
      title: 'The checks could not run',
      lines: [SIGN_IN_LINE, FIX_LINE],
      tone: 'error',
      actions: [executeAction('Try again', 'pcemail.check')],
    });

    expectValidCard(card);
    expect(textBlocks(card)[0]).toMatchObject({
      text: 'The checks could not run',
      color: 'attention',
    });
    expect(texts(card)).toContain(SIGN_IN_LINE);
    expect(texts(card)).toContain(
      'Fix: set the inspector secret setting to the secret value, not the secret ID (Entra admin center \\> App registrations \\> Certificates & secrets).',
    );
    expect(card.actions).toEqual([
      { type: 'Action.Execute', title: 'Try again', verb: 'pcemail.check' },
    ]);
  });

  it('when the tone is warning or info, then the title colour follows it', () => {
    const warning = renderNoticeCard({
      title: 'Not allowed',
      lines: ['Ask your admin.'],
      tone: 'warning',
    });
    const info = renderNoticeCard({ title: 'Did you mean', lines: ['help'], tone: 'info' });

    expectValidCard(warning);
    expectValidCard(info);
    expect(textBlocks(warning)[0]?.color).toBe('warning');
    expect(textBlocks(info)[0]?.color).toBe('default');
    expect(warning.actions).toBeUndefined();
  });

  it('when a line is an error with its stack trace, then only the message reaches the card', () => {
    const error = new Error('Graph answered 500');
    const card = renderNoticeCard({
      title: 'Something went wrong',
      lines: [
        error.stack ?? '',
        '    at readTenantSnapshot (/app/dist/tenant/snapshot-reader.js:67:11)',
      ],
      tone: 'error',
    });

    expectValidCard(card);
    expect(texts(card)).toEqual(['Something went wrong', 'Error: Graph answered 500']);
    expect(cardText(card)).not.toMatch(/\bat\s|\.js:\d+|\.ts:\d+/);
  });

  it('when a line carries a hostile Graph message, then it renders escaped', () => {
    const card = renderNoticeCard({
      title: 'Graph said',
      lines: ['[Sign in again](https://evil.example) <at>admin</at>'],
      tone: 'error',
    });

    expectValidCard(card);
    expect(texts(card)).toContain(
      '\\[Sign in again\\]\\(https:\u2060//evil.example) \\<at\\>admin\\</at\\>',
    );
  });

  it('when a line is very long, then it is capped', () => {
    const card = renderNoticeCard({ title: 'Long', lines: ['x'.repeat(5_000)], tone: 'info' });

    expectValidCard(card);
    expect(texts(card)[1]).toBe(`${'x'.repeat(600)}…`);
  });
});
