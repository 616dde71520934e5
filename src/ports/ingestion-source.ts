import type { ErrorInfo, Outcome } from '../domain';
import type { MailboxIngestion } from '../domain/notifications/mailbox-ingestion';

/** One sweep of PCEmail's mailboxes: each mailbox's reading, or why PCEmail could not sign in. */
export type IngestionSweep =
  | { signedIn: true; mailboxes: Map<string, Outcome<MailboxIngestion>> }
  | { signedIn: false; error: ErrorInfo };

/**
 * The sweep itself (PCEmail's own identity in production; implemented over
 * `tenant/mailbox-ingestion-reader.ts` in `monitor/build-monitor.ts`).
 */
export interface IngestionSource {
  sweep(mailboxes: readonly string[]): Promise<IngestionSweep>;
}
