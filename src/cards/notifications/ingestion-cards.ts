import {
  adaptiveCard,
  factSet,
  textBlock,
  type AdaptiveCard,
  type CardElement,
  type Fact,
} from '../adaptive-card';
import { cardTitle } from '../card-parts';
import { CARD_BUDGET_BYTES, cardSizeBytes } from '../card-size';
import { formatUtc } from '../format-time';
import { plainText } from '../plain-text';
import { plural } from '../../domain/plural';
import { formatAge, note, simulatedLine } from './notification-parts';
import type {
  IngestionChangesCardView,
  IngestionChangeView,
  IngestionDigestCardView,
  IngestionStateView,
  MailboxRowView,
} from '../../domain/notifications/ingestion-views';

export type {
  IngestionChangesCardView,
  IngestionChangeView,
  IngestionDigestCardView,
  IngestionStateView,
  MailboxRowView,
};

const STATE_WORD: Record<IngestionStateView, string> = {
  healthy: 'HEALTHY',
  degraded: 'DEGRADED',
  failing: 'FAILING',
  unknown: 'UNKNOWN',
};

/** One card per channel per run, listing every mailbox whose state changed since it was told. */
export function renderIngestionChangesCard(view: IngestionChangesCardView): AdaptiveCard {
  const counts = (['failing', 'degraded', 'healthy'] as const)
    .map((state) => [state, view.changes.filter((c) => c.to === state).length] as const)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${state === 'healthy' ? 'recovered' : state}`);
  const title = `Mailbox ingestion: ${counts.join(', ')}`;
  const worst = view.changes.some((c) => c.to === 'failing')
    ? 'attention'
    : view.changes.some((c) => c.to === 'degraded')
      ? 'warning'
      : 'good';
  const head: CardElement[] = [
    { ...cardTitle(title), size: 'medium', color: worst },
    ...simulatedLine(view.simulated),
  ];
  const ordered = [...view.changes].sort(
    (a, b) => rank(a.to) - rank(b.to) || a.address.localeCompare(b.address),
  );
  const facts = ordered.map((change): Fact => {
    const was = change.from ? `was ${STATE_WORD[change.from]}` : 'first reading';
    return {
      title: plainText(change.address, 120),
      value:
        change.to === 'healthy'
          ? `RECOVERED — ${STATE_WORD.healthy} again (${was}) since ${formatUtc(change.since)}`
          : `${STATE_WORD[change.to]} (${was}) since ${formatUtc(change.since)}${change.reason ? ` — ${plainText(change.reason, 400)}` : ''}`,
    };
  });
  return fitted(
    head,
    facts,
    (shown, rest) => [
      ...(rest > 0
        ? [
            note(
              `…and ${rest} more changes not listed (the card has a size limit); type "notifications" for the channel's settings.`,
            ),
          ]
        : []),
    ],
    title,
  );
}

/**
 * The daily digest: an overall verdict and a row per mailbox. Teams refuses cards over ~28 KB, so
 * with many mailboxes the rows that are not healthy come first and the rest are counted.
 */
export function renderIngestionDigestCard(view: IngestionDigestCardView): AdaptiveCard {
  const now = Date.parse(view.sweptAt);
  const count = (state: IngestionStateView) => view.rows.filter((r) => r.state === state).length;
  const notHealthy = view.rows.length - count('healthy');
  const verdict =
    view.rows.length === 0
      ? 'No PCEmail mailboxes are configured (PCEMAIL_MAILBOXES)'
      : notHealthy === 0
        ? view.rows.length === 1
          ? 'The 1 mailbox is healthy'
          : `All ${view.rows.length} mailboxes healthy`
        : [
            count('failing') ? `${count('failing')} failing` : '',
            count('degraded') ? `${count('degraded')} degraded` : '',
            count('unknown') ? `${count('unknown')} unknown` : '',
          ]
            .filter(Boolean)
            .join(', ') + ` of ${plural(view.rows.length, 'mailbox', 'mailboxes')}`;
  const title = view.baseline
    ? `Mailbox ingestion: watching ${plural(view.rows.length, 'PCEmail mailbox', 'PCEmail mailboxes')} — ${verdict.charAt(0).toLowerCase()}${verdict.slice(1)}`
    : `Mailbox ingestion digest: ${verdict}`;
  const color = count('failing') ? 'attention' : notHealthy ? 'warning' : 'good';
  const head: CardElement[] = [
    { ...cardTitle(title), size: 'medium', color },
    ...simulatedLine(view.simulated),
    textBlock(
      `Swept ${formatUtc(view.sweptAt)}, signed in as PCEmail. Degraded = unread mail older than ${formatAge(view.backlogMinutes * 60_000)}.`,
      { isSubtle: true, spacing: 'small' },
    ),
    ...(view.baseline
      ? [
          textBlock(
            'This is where every PCEmail mailbox stands now. From here on I post when one changes state, and a digest once a day.',
            { spacing: 'small' },
          ),
        ]
      : []),
  ];
  const ordered = [...view.rows].sort(
    (a, b) => rank(a.state) - rank(b.state) || a.address.localeCompare(b.address),
  );
  const facts = ordered.map((row): Fact => ({
    title: plainText(row.address, 120),
    value: rowText(row, now),
  }));
  return fitted(
    head,
    facts,
    (shown, rest) => {
      const healthyLeft = ordered.slice(shown).filter((r) => r.state === 'healthy').length;
      return rest > 0
        ? [
            note(
              `…and ${rest} more mailboxes not listed (${healthyLeft} of them healthy); the card has a size limit.`,
            ),
          ]
        : [];
    },
    title,
  );
}

function rowText(row: MailboxRowView, now: number): string {
  const parts = [STATE_WORD[row.state]];
  if (row.totalItemCount !== undefined)
    parts.push(`${row.totalItemCount} items, ${row.unreadItemCount ?? 0} unread`);
  if (row.oldestUnreadAt)
    parts.push(`oldest unread ${formatAge(now - Date.parse(row.oldestUnreadAt))} old`);
  if (row.newestAt) parts.push(`newest ${formatUtc(row.newestAt)}`);
  if (row.reason && row.state !== 'healthy') parts.push(plainText(row.reason, 300));
  return parts.join(' · ');
}

function rank(state: IngestionStateView): number {
  return { failing: 0, degraded: 1, unknown: 2, healthy: 3 }[state];
}

/** Adds facts while the card stays within the budget; `tail` says what was left out. */
function fitted(
  head: CardElement[],
  facts: Fact[],
  tail: (shown: number, rest: number) => CardElement[],
  fallbackText: string,
): AdaptiveCard {
  const build = (shown: number) =>
    adaptiveCard({
      body: [
        ...head,
        factSet(facts.slice(0, shown), { spacing: 'medium' }),
        ...tail(shown, facts.length - shown),
      ],
      fallbackText,
    });
  let low = 0;
  let high = facts.length;
  if (cardSizeBytes(build(high)) <= CARD_BUDGET_BYTES) return build(high);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (cardSizeBytes(build(mid)) <= CARD_BUDGET_BYTES) low = mid;
    else high = mid - 1;
  }
  return build(low);
}
