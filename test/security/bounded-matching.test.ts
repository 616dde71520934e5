import { ServerError } from '@azure/msal-node';
import { describeOutcome } from '../../src/cards/consent/consent-status';
import { renderNoticeCard } from '../../src/cards';
import type { ConsentRequest } from '../../src/domain/consent';
import { MAX_MATCHED_TEXT, textBefore, withoutTrailingDots } from '../../src/domain';
import { signInErrorInfo } from '../../src/tenant/app-only-sign-in';
import { cardText } from '../support/card-text';

/** Inputs shaped to make a backtracking pattern quadratic: 30,000 characters of Entra/Graph text. */
const HUGE = 30_000;

function failedRequest(error: string): ConsentRequest {
  return {
    id: 'r-1',
    tenantId: 't',
    appId: 'a',
    appName: 'PCEmail',
    permissions: [{ name: 'Mail.Send', type: 'Role' }],
    reason: 'test',
    requestedBy: { aadObjectId: 'x', name: 'Ada' },
    requestedAt: '2026-12-01T00:00:00Z',
    expiresAt: '2026-12-08T00:00:00Z',
    state: 'partially-granted',
    granted: [],
    steps: [{ permission: { name: 'Mail.Send', type: 'Role' }, outcome: 'failed', error }],
    approverUserIds: [],
    copies: [],
  } as unknown as ConsentRequest;
}

describe('regular expressions never see unbounded outside text', () => {
  it('when a grant step’s error ends in 30,000 dots and spaces, then the trailing dots are stripped', () => {
    const lines = describeOutcome(failedRequest(`Denied${'. '.repeat(HUGE / 2)}`));
    expect(lines.map((l) => l.text)).toContain('Not granted: Mail.Send (application): Denied.');
  });

  it('when a grant step’s error has 30,000 dots and spaces inside, then it is kept whole', () => {
    const error = `A${'. '.repeat(HUGE / 2)}B.`;
    const text = describeOutcome(failedRequest(error))[0]!.text;
    expect(text).toBe(`Not granted: Mail.Send (application): A${'. '.repeat(HUGE / 2)}B.`);
  });

  it('when Entra’s sign-in error has 30,000 spaces not followed by a separator, then the first words are kept', () => {
    const error = new ServerError(
      'invalid_client',
      '',
      `Description: AADSTS7000215 bad${' '.repeat(HUGE)}x`,
    );
    expect(signInErrorInfo(error, 'The inspector').message).toBe(
      'The inspector could not sign in: AADSTS7000215 bad',
    );
  });

  it('when Entra’s sign-in error is 30,000 characters of " -" runs, then the answer is bounded', () => {
    const error = new ServerError('invalid_client', '', `AADSTS50011 x${' - '.repeat(HUGE / 3)}`);
    const message = signInErrorInfo(error, 'PCEmail').message;
    expect(message).toBe('PCEmail could not sign in: AADSTS50011 x');
  });

  it('when a notice line is 30,000 characters that look like a stack frame, then the card still renders a bounded line', () => {
    const card = renderNoticeCard({
      title: 'Trouble',
      lines: [`at ${':1'.repeat(HUGE / 2)}x`],
      tone: 'error',
    });
    expect(cardText(card).length).toBeLessThan(MAX_MATCHED_TEXT);
  });

  it('textBefore and withoutTrailingDots cut at the first marker and strip only the end', () => {
    expect(
      textBefore('Secret expired. - Trace ID: 1 Correlation ID: 2', [
        'Trace ID:',
        'Correlation ID:',
      ]),
    ).toBe('Secret expired.');
    expect(withoutTrailingDots('a.b. . ')).toBe('a.b');
    expect(withoutTrailingDots('')).toBe('');
  });
});
