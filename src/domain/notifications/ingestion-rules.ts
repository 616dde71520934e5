import type { Outcome } from '../outcome';
import { ErrorCode, type ErrorInfo } from '../product-error';
import { classifyMailboxError } from '../checks/mailbox-errors';
import type { MailboxIngestion } from './mailbox-ingestion';

/** A mailbox's ingestion state; `unknown` = could not be probed because Graph failed. */
export type IngestionState = 'healthy' | 'degraded' | 'failing';
export type ProbeState = IngestionState | 'unknown';

export interface MailboxObservation {
  state: ProbeState;
  reason?: string;
  observedAt: string;
  totalItemCount?: number;
  unreadItemCount?: number;
  oldestUnreadAt?: string;
  newestAt?: string;
}

/** What is kept per mailbox between sweeps. */
export interface MailboxStatus {
  address: string;
  /** The last state that was judged (unknown never replaces it). */
  state: IngestionState;
  reason?: string;
  /** When it entered `state`. */
  since: string;
  last: MailboxObservation;
}

/** Judges one mailbox's probe. */
export function observeMailbox(
  outcome: Outcome<MailboxIngestion>,
  now: Date,
  backlogMinutes: number,
): MailboxObservation {
  const observedAt = now.toISOString();
  if (!outcome.ok) return { observedAt, ...judgeError(outcome.error) };
  const facts = outcome.value;
  const base = { observedAt, ...facts };
  if (facts.oldestUnreadAt) {
    const age = now.getTime() - Date.parse(facts.oldestUnreadAt);
    if (age > backlogMinutes * 60_000) {
      const hours = Math.floor(age / 3_600_000);
      const ageText = hours >= 1 ? `${hours} h` : `${Math.floor(age / 60_000)} min`;
      return {
        ...base,
        state: 'degraded',
        reason:
          `${facts.unreadItemCount} unread, the oldest received ${ageText} ago (over ${backlogMinutes} min): ` +
          'PCEmail has not picked them up. Check that Emplifi Agent’s mailbox connection is running.',
      };
    }
  }
  return { ...base, state: 'healthy' };
}

/** PCEmail could not sign in at all: every mailbox fails with that reason, unless Entra was down. */
export function observeSignInFailure(error: ErrorInfo, now: Date): MailboxObservation {
  const observedAt = now.toISOString();
  if (error.code === ErrorCode.ServiceUnavailable)
    return { observedAt, state: 'unknown', reason: error.message };
  return {
    observedAt,
    state: 'failing',
    reason: `PCEmail could not sign in: ${error.message}${error.aadsts ? ` (AADSTS${error.aadsts})` : ''}. Fix its secret (see "check pcemail permissions").`,
  };
}

function judgeError(error: ErrorInfo): Pick<MailboxObservation, 'state' | 'reason'> {
  switch (classifyMailboxError(error)) {
    case 'unavailable':
    case 'not-judged':
      return { state: 'unknown', reason: error.message };
    case 'access-policy':
      return {
        state: 'failing',
        reason:
          'Not in the application access policy’s scope group (403 ErrorAccessDenied "Access to OData is disabled"): ' +
          'add the mailbox to the mail-enabled security group the policy is scoped to; a change can take an hour to apply.',
      };
    case 'role-missing':
      return {
        state: 'failing',
        reason:
          'Access denied (403): PCEmail’s token lacks the Mail.ReadWrite application permission, or RBAC for Applications leaves this mailbox out.',
      };
    case 'no-such-user':
      return {
        state: 'failing',
        reason:
          'No such user (404 ErrorInvalidUser): the address is wrong or the user was deleted.',
      };
    case 'not-exchange-online':
      return {
        state: 'failing',
        reason:
          'Not an Exchange Online mailbox (404 MailboxNotEnabledForRESTAPI): unlicensed, on-premises or soft-deleted.',
      };
    case 'other-graph':
      return {
        state: 'failing',
        reason: `Graph refused the read (HTTP ${error.status ?? '?'}${error.serviceCode ? ` ${error.serviceCode}` : ''}): ${error.message}`,
      };
  }
}

/**
 * The next stored status. `unknown` keeps the last judged state (no alert on it, and so no
 * "recovered" when it comes back); a first observation starts from healthy.
 */
export function nextStatus(
  address: string,
  previous: MailboxStatus | undefined,
  observation: MailboxObservation,
): MailboxStatus {
  const before: IngestionState = previous?.state ?? 'healthy';
  if (observation.state === 'unknown') {
    return previous
      ? { ...previous, last: observation }
      : { address, state: 'healthy', since: observation.observedAt, last: observation };
  }
  if (previous && observation.state === before) {
    return { ...previous, reason: observation.reason, last: observation };
  }
  return {
    address,
    state: observation.state,
    ...(observation.reason ? { reason: observation.reason } : {}),
    since: previous && observation.state === before ? previous.since : observation.observedAt,
    last: observation,
  };
}

export interface StateChange {
  address: string;
  /** What this channel was last told; absent when it was never told about this mailbox. */
  from?: IngestionState;
  to: IngestionState;
  reason?: string;
  since: string;
}

/**
 * What one channel has not been told: every mailbox whose state differs from what it was last told
 * (a mailbox it was never told about counts as healthy, so only a bad state is news).
 */
export function unannouncedChanges(
  statuses: readonly MailboxStatus[],
  announced: Readonly<Record<string, IngestionState>>,
): StateChange[] {
  return statuses
    .filter((status) => status.state !== (announced[status.address] ?? 'healthy'))
    .map((status) => ({
      address: status.address,
      ...(announced[status.address] ? { from: announced[status.address] } : {}),
      to: status.state,
      ...(status.reason ? { reason: status.reason } : {}),
      since: status.since,
    }));
}
