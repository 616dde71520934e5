import type { CheckResult } from '../../../src/domain/check-result';
import { mailboxesForNonApprover, reachabilityOnly } from '../../../src/domain/setup';

const row = (status: CheckResult['status'], detail: string, fix?: string): CheckResult => ({
  id: 'mailbox.access',
  target: 'a@contoso.example',
  status,
  title: 'PCEmail can read this mailbox',
  detail,
  ...(fix ? { fix } : {}),
});

describe('mailbox checks for non-approvers', () => {
  it('when a row passed with counts, then it says reachable and nothing else', () => {
    const [shown] = reachabilityOnly([row('pass', 'Inbox readable: 1,234 items, 56 unread.')]);
    expect(shown).toEqual({
      id: 'mailbox.access',
      target: 'a@contoso.example',
      status: 'pass',
      title: 'PCEmail can reach this mailbox',
      detail: 'Reachable.',
    });
  });

  it('when a row failed with Graph’s error, then it says not reachable and points to an approver', () => {
    const [shown] = reachabilityOnly([
      row('fail', 'HTTP 404 ErrorInvalidUser', 'Check the address'),
    ]);
    expect(shown).toMatchObject({ status: 'fail', detail: 'Not reachable.' });
    expect(JSON.stringify(shown)).not.toMatch(/404|ErrorInvalidUser|Check the address/);
  });

  it('when other rows are given, then they are unchanged', () => {
    const other: CheckResult = { id: 'app.registered', status: 'pass', title: 't', detail: 'd' };
    expect(reachabilityOnly([other])).toEqual([other]);
  });

  it('when more than 5 unconfigured mailboxes are typed, then the configured ones and the first 5 others are kept', () => {
    const typed = [
      'x1@c.example',
      'Support@c.example',
      'x2@c.example',
      'x3@c.example',
      'x4@c.example',
      'x5@c.example',
      'x6@c.example',
      'x7@c.example',
    ];
    expect(mailboxesForNonApprover(typed, ['support@c.example'])).toEqual({
      mailboxes: typed.slice(0, 6),
      dropped: 2,
    });
  });
});
