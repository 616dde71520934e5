import type { ConsentAuditKind, ConsentAuditRecord } from '../../domain/consent';
import {
  adaptiveCard,
  container,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from '../adaptive-card';
import { cardTitle, tenantBlocks, type TenantView } from '../card-parts';
import { formatUtc } from '../format-time';
import { plainText } from '../plain-text';

export interface ConsentHistoryCardView {
  records: ConsentAuditRecord[];
  tenant: TenantView;
}

const KIND_WORD: Record<ConsentAuditKind, string> = {
  requested: 'REQUESTED',
  approved: 'APPROVED',
  rejected: 'REJECTED',
  expired: 'EXPIRED',
  granted: 'GRANTED',
  'grant-failed': 'GRANT FAILED',
  'consent-seen': 'CONSENT FOUND',
  refused: 'REFUSED',
};

/** `consent history`: the recent decisions and grants, newest first. */
export function renderConsentHistoryCard(view: ConsentHistoryCardView): AdaptiveCard {
  return adaptiveCard({
    body: [
      cardTitle('Admin consent history'),
      ...tenantBlocks(view.tenant),
      ...(view.records.length === 0
        ? [
            textBlock(
              'No consent requests yet. When a consent check fails, "Request admin consent" on the check card starts one.',
              { spacing: 'medium' },
            ),
          ]
        : view.records.map(recordBlock)),
    ],
    fallbackText: `Admin consent history: ${view.records.length} recent records`,
  });
}

function recordBlock(record: ConsentAuditRecord): CardElement {
  const lines: CardElement[] = [
    textBlock(
      `${KIND_WORD[record.kind]} — ${formatUtc(record.at)} — ${plainText(record.actor.name, 80)}`,
      { weight: 'bolder' },
    ),
    textBlock(
      `${plainText(record.appName, 60)}: ${plainText(record.permissions.join(', '), 200)}`,
      { spacing: 'none' },
    ),
  ];
  if (record.granted && record.granted.length > 0) {
    lines.push(
      textBlock(`Granted: ${plainText(record.granted.join(', '), 300)}`, { spacing: 'none' }),
    );
  }
  if (record.notGranted && record.notGranted.length > 0) {
    lines.push(
      textBlock(`Not granted: ${plainText(record.notGranted.join('; '), 300)}`, {
        spacing: 'none',
      }),
    );
  }
  if (record.detail) lines.push(textBlock(plainText(record.detail, 300), { spacing: 'none' }));
  if (record.rights && (record.kind === 'granted' || record.kind === 'grant-failed')) {
    lines.push(
      textBlock(
        record.rights === 'approver'
          ? 'Rights used: the approver’s own Microsoft Entra rights (delegated sign-in).'
          : 'Rights used: the bot’s application permissions.',
        { spacing: 'none', isSubtle: true },
      ),
    );
  }
  const ids = [
    `request ${record.requestId}`,
    ...(record.graphRequestIds ?? []).map((id) => `Graph ${id}`),
  ];
  lines.push(
    textBlock(plainText(ids.join(', '), 300), { isSubtle: true, size: 'small', spacing: 'none' }),
  );
  return container(lines, { separator: true, spacing: 'medium' });
}
