import { cardSizeBytes, TEAMS_CARD_LIMIT_BYTES } from '../../src/cards';
import {
  renderIngestionChangesCard,
  renderIngestionDigestCard,
  renderNotificationsOverviewCard,
  renderSecretReminderCard,
  type MailboxRowView,
} from '../../src/cards/notifications';
import { expectValidCard } from '../support/adaptive-card-validator';
import { cardText, rawCardText } from '../support/card-text';

const SWEPT = '2025-06-01T08:00:00Z';

describe('notification cards', () => {
  it('when a reminder names a hostile credential, then its text is plain and the card valid', () => {
    const card = renderSecretReminderCard({
      appName: 'PCEmail',
      appId: 'b9259bd9-35cc-447d-b27e-25a535631ef2',
      credential: {
        kind: 'secret',
        keyId: 'k1',
        displayName: '[click](https://evil.example) **now**',
        hint: 'abc',
        endDateTime: '2025-06-08T00:00:00Z',
      },
      daysLeft: 6,
      expired: false,
      simulated: false,
    });
    expectValidCard(card);
    expect(rawCardText(card)).not.toContain('](https://');
    expect(cardText(card)).toMatch(/expires in 6 days[\s\S]*What breaks when it expires/);
  });

  it('when 1,000 mailboxes are in the digest, then the card stays under 28 KB, lists the ones not healthy first and counts the rest', () => {
    const rows: MailboxRowView[] = Array.from({ length: 1000 }, (_, i) => ({
      address: `box${String(i).padStart(4, '0')}@contoso.example`,
      state: i % 100 === 7 ? 'failing' : i % 50 === 3 ? 'degraded' : 'healthy',
      reason:
        i % 100 === 7
          ? 'Not in the application access policy’s scope group (403 ErrorAccessDenied "Access to OData is disabled").'
          : undefined,
      totalItemCount: 40,
      unreadItemCount: 2,
      oldestUnreadAt: '2025-06-01T07:55:00Z',
      newestAt: '2025-06-01T07:59:00Z',
    }));
    const card = renderIngestionDigestCard({
      rows,
      sweptAt: SWEPT,
      backlogMinutes: 60,
      simulated: true,
    });
    expectValidCard(card);
    expect(cardSizeBytes(card)).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
    const text = cardText(card);
    expect(text).toMatch(/Mailbox ingestion digest: 10 failing, 20 degraded of 1000 mailboxes/);
    expect(text.indexOf('box0007@')).toBeLessThan(text.indexOf('box0003@'));
    expect(text).toMatch(/…and \d+ more mailboxes not listed \(\d+ of them healthy\)/);
  });

  it('when 1,000 mailboxes fail at once, then the change card stays under 28 KB and counts what it leaves out', () => {
    const changes = Array.from({ length: 1000 }, (_, i) => ({
      address: `box${i}@contoso.example`,
      from: 'healthy' as const,
      to: 'failing' as const,
      reason: 'PCEmail could not sign in: AADSTS7000222 the secret expired.',
      since: SWEPT,
    }));
    const card = renderIngestionChangesCard({ changes, simulated: false });
    expectValidCard(card);
    expect(cardText(card)).toMatch(
      /Mailbox ingestion: 1000 failing[\s\S]*…and \d+ more changes not listed/,
    );
  });

  it('when a mailbox the channel was never told about turns failing, then the card claims no earlier state', () => {
    const card = renderIngestionChangesCard({
      changes: [
        { address: 'new@contoso.example', to: 'failing', reason: 'No such user.', since: SWEPT },
        { address: 'old@contoso.example', from: 'healthy', to: 'degraded', since: SWEPT },
      ],
      simulated: false,
    });
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toMatch(/new@contoso\.example\nFAILING \(first reading\) since/);
    expect(text).toMatch(/old@contoso\.example\nDEGRADED \(was HEALTHY\) since/);
  });

  it('when the overview has channels and snoozes, then it says what goes where', () => {
    const card = renderNotificationsOverviewCard({
      simulated: false,
      channels: [
        {
          label: 'IT › Mail',
          kind: 'channel',
          subscribedBy: 'x',
          subscribedAt: SWEPT,
          snoozes: [{ credential: 'credential k1', until: SWEPT }],
          here: true,
        },
      ],
      watchedApps: ['PCEmail'],
      reminderDays: [30, 7, 0],
      schedules: {
        secretExpiry: '0 * * * *',
        ingestion: '*/15 * * * *',
        digest: '0 8 * * *',
        timezone: 'UTC',
      },
      mailboxCount: 3,
      backlogMinutes: 60,
      externalJobs: true,
      canManage: true,
    });
    expectValidCard(card);
    expect(cardText(card)).toMatch(
      /IT › Mail \(this one\)[\s\S]*snoozed: credential k1[\s\S]*30 and 7 days before, and on the day[\s\S]*Swept every 15 minutes/,
    );
  });
});
