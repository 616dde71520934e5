/** What the ingestion cards show (rendered by cards/notifications/ingestion-cards.ts). */

export type IngestionStateView = 'healthy' | 'degraded' | 'failing' | 'unknown';

export interface IngestionChangeView {
  address: string;
  /** The state the channel was last told; absent when it was never told about the mailbox. */
  from?: IngestionStateView;
  to: IngestionStateView;
  reason?: string;
  since: string;
}

export interface IngestionChangesCardView {
  changes: IngestionChangeView[];
  simulated: boolean;
}

export interface MailboxRowView {
  address: string;
  state: IngestionStateView;
  reason?: string;
  totalItemCount?: number;
  unreadItemCount?: number;
  oldestUnreadAt?: string;
  newestAt?: string;
}

export interface IngestionDigestCardView {
  rows: MailboxRowView[];
  /** When the sweep behind the rows ran. */
  sweptAt: string;
  backlogMinutes: number;
  simulated: boolean;
  /** The first card a channel gets: every mailbox as it stands, before any change is reported. */
  baseline?: boolean;
}
