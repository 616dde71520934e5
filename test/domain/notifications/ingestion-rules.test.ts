import { ErrorCode, failed, succeeded } from '../../../src/domain';
import {
  nextStatus,
  observeMailbox,
  observeSignInFailure,
  unannouncedChanges,
  type MailboxStatus,
} from '../../../src/domain/notifications/ingestion-rules';

const NOW = new Date('2025-06-01T08:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

describe('ingestion rules', () => {
  it('when the oldest unread mail is older than the threshold, then the mailbox is degraded, else healthy', () => {
    expect(
      observeMailbox(
        succeeded({ totalItemCount: 5, unreadItemCount: 1, oldestUnreadAt: minutesAgo(5) }),
        NOW,
        60,
      ).state,
    ).toBe('healthy');
    const degraded = observeMailbox(
      succeeded({ totalItemCount: 5, unreadItemCount: 3, oldestUnreadAt: minutesAgo(130) }),
      NOW,
      60,
    );
    expect(degraded.state).toBe('degraded');
    expect(degraded.reason).toMatch(/3 unread, the oldest received 2 h ago/);
  });

  it.each([
    [
      {
        code: ErrorCode.GraphRequestFailed,
        status: 403,
        serviceCode: 'ErrorAccessDenied',
        message:
          'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
      },
      'failing',
      /scope group/,
    ],
    [
      {
        code: ErrorCode.GraphRequestFailed,
        status: 404,
        serviceCode: 'MailboxNotEnabledForRESTAPI',
        message: 'REST API is not yet supported for this mailbox.',
      },
      'failing',
      /Not an Exchange Online mailbox/,
    ],
    [
      {
        code: ErrorCode.GraphRequestFailed,
        status: 404,
        serviceCode: 'ErrorInvalidUser',
        message: 'The requested user is invalid.',
      },
      'failing',
      /No such user/,
    ],
    [
      {
        code: ErrorCode.ServiceUnavailable,
        message: 'Graph was unavailable — try again (HTTP 503).',
      },
      'unknown',
      /unavailable/,
    ],
  ])('when the read fails with %j, then the mailbox is %s', (error, state, reason) => {
    const observation = observeMailbox(failed(error), NOW, 60);
    expect(observation.state).toBe(state);
    expect(observation.reason).toMatch(reason);
  });

  it('when PCEmail cannot sign in, then every mailbox fails, unless Entra was unavailable (unknown)', () => {
    expect(
      observeSignInFailure(
        {
          code: ErrorCode.SignInFailed,
          message: 'PCEmail could not sign in: bad secret',
          aadsts: 7000215,
        },
        NOW,
      ),
    ).toMatchObject({ state: 'failing', reason: expect.stringMatching(/AADSTS7000215/) });
    expect(
      observeSignInFailure(
        { code: ErrorCode.ServiceUnavailable, message: 'Entra was unavailable' },
        NOW,
      ).state,
    ).toBe('unknown');
  });

  it('when a mailbox goes healthy → unknown → healthy, then nothing is ever unannounced; failing → unknown → healthy is a recovery', () => {
    const observe = (state: 'healthy' | 'failing' | 'unknown') => ({
      state,
      observedAt: NOW.toISOString(),
    });
    let status: MailboxStatus | undefined;
    for (const state of ['healthy', 'unknown', 'healthy'] as const) {
      status = nextStatus('a@x', status, observe(state));
      expect(unannouncedChanges([status], {})).toEqual([]);
    }
    status = nextStatus('a@x', status, observe('failing'));
    const [first] = unannouncedChanges([status], {});
    expect(first).toMatchObject({ address: 'a@x', to: 'failing' });
    expect(first).not.toHaveProperty('from'); // never told: no "was" to claim
    status = nextStatus('a@x', status, observe('unknown'));
    expect(status.state).toBe('failing');
    expect(unannouncedChanges([status], { 'a@x': 'failing' })).toEqual([]);
    status = nextStatus('a@x', status, observe('healthy'));
    expect(unannouncedChanges([status], { 'a@x': 'failing' })).toEqual([
      expect.objectContaining({ from: 'failing', to: 'healthy' }),
    ]);
  });
});
