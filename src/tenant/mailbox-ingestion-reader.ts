import {
  ErrorCode,
  failed,
  isProductError,
  succeeded,
  type ErrorInfo,
  type Outcome,
} from '../domain';
import type { MailboxIngestion } from '../domain/notifications/mailbox-ingestion';
import type { AppOnlySignIn } from './app-only-sign-in';
import { readInBatches, type GraphRead } from './batch-reader';
import { createGraphClient } from './graph-client';
import { parsed, parseInboxSummary } from './graph-parse';
import { encodePathSegment, inboxRead } from './graph-reads';
import type { TransportPolicy } from './transport-policy';
import type { IngestionSweep } from '../ports/ingestion-source';

export type { MailboxIngestion };

export interface MailboxIngestionReaderOptions {
  /** PCEmail's own identity: the sweep sees what PCEmail sees. */
  pcemail: AppOnlySignIn;
  graphEndpoint: string;
  policy: TransportPolicy;
  maxBatchesInFlight: number;
}

/**
 * The ingestion sweep: signed in as PCEmail, three reads per mailbox (Inbox counts, oldest unread,
 * newest message), all of them in one wave of $batch requests (20 per batch, N batches in flight).
 * A mailbox's three reads sit next to each other, so they share a batch, within Exchange's four
 * concurrent requests per mailbox.
 */
export class MailboxIngestionReader {
  private readonly client;

  constructor(private readonly options: MailboxIngestionReaderOptions) {
    this.client = createGraphClient(
      () => options.pcemail.accessToken(),
      options.graphEndpoint,
      options.policy,
    );
  }

  async sweep(mailboxes: readonly string[]): Promise<IngestionSweep> {
    try {
      await this.options.pcemail.signIn();
    } catch (error) {
      return {
        signedIn: false,
        error: isProductError(error)
          ? error.info
          : {
              code: ErrorCode.ServiceUnavailable,
              message: 'Entra could not be reached — try again.',
            },
      };
    }
    const reads = mailboxes.flatMap((address, index) => ingestionReads(index, address));
    const results = await readInBatches(this.client, reads, {
      policy: this.options.policy,
      maxBatchesInFlight: this.options.maxBatchesInFlight,
    });
    const byMailbox = new Map<string, Outcome<MailboxIngestion>>();
    mailboxes.forEach((address, index) => {
      byMailbox.set(
        address,
        combine(results.get(`i${index}`), results.get(`u${index}`), results.get(`n${index}`)),
      );
    });
    return { signedIn: true, mailboxes: byMailbox };
  }
}

/** Three reads per mailbox; the message reads take one item and never page (`collection: false`). */
function ingestionReads(index: number, address: string): GraphRead[] {
  const messages = `/users/${encodePathSegment(address)}/mailFolders/inbox/messages`;
  // Graph wants the $orderby property first in $filter when both are used (else InefficientFilter).
  const unread = encodeURIComponent('receivedDateTime ge 1900-01-01T00:00:00Z and isRead eq false');
  return [
    inboxRead(`i${index}`, address),
    {
      id: `u${index}`,
      url: `${messages}?$filter=${unread}&$orderby=receivedDateTime%20asc&$top=1&$select=receivedDateTime`,
      collection: false,
    },
    {
      id: `n${index}`,
      url: `${messages}?$orderby=receivedDateTime%20desc&$top=1&$select=receivedDateTime`,
      collection: false,
    },
  ];
}

function combine(
  inbox: Outcome<unknown> | undefined,
  oldestUnread: Outcome<unknown> | undefined,
  newest: Outcome<unknown> | undefined,
): Outcome<MailboxIngestion> {
  const missing: ErrorInfo = {
    code: ErrorCode.ServiceUnavailable,
    message: 'Graph was unavailable — try again.',
  };
  if (!inbox) return failed(missing);
  if (!inbox.ok) return inbox;
  // The Inbox answered but a message read did not: the mailbox is reachable, the rest unknown.
  for (const part of [oldestUnread, newest]) {
    if (!part) return failed(missing);
    if (!part.ok) return part;
  }
  const folder = parsed(inbox, parseInboxSummary);
  if (!folder.ok) return folder;
  const oldestUnreadAt = firstReceived(oldestUnread?.ok ? oldestUnread.value : undefined);
  const newestAt = firstReceived(newest?.ok ? newest.value : undefined);
  return succeeded({
    ...folder.value,
    ...(oldestUnreadAt ? { oldestUnreadAt } : {}),
    ...(newestAt ? { newestAt } : {}),
  });
}

function firstReceived(page: unknown): string | undefined {
  const first = (page as { value?: { receivedDateTime?: unknown }[] } | undefined)?.value?.[0];
  return typeof first?.receivedDateTime === 'string' ? first.receivedDateTime : undefined;
}
