import { dayIn } from '../../jobs/cron-schedule';
import type { JobReport } from '../../jobs/job';
import type {
  IngestionChangesCardView,
  IngestionDigestCardView,
} from '../../domain/notifications/ingestion-views';
import type { Logger } from '../../logger';
import { plural } from '../../domain/plural';
import { updateItem, type StateStore } from '../../store/state-store';
import type { IngestionSource } from '../../ports/ingestion-source';
import type { StoredConversation } from '../../ports/conversations';
import type { PostOutcome } from '../../ports/notifier';
import { deliverOnce, type DeliveryResult } from './deliver-once';
import {
  nextStatus,
  observeMailbox,
  observeSignInFailure,
  unannouncedChanges,
  type IngestionState,
  type MailboxObservation,
  type MailboxStatus,
  type StateChange,
} from '../../domain/notifications/ingestion-rules';
import type { ChannelTarget, Subscriptions } from '../../ports/subscriptions';
import { channelLedgerPrefix } from '../../store/state-subscriptions';
import { FAN_OUT_CONCURRENCY, forgetGoneChannel } from './channel-fan-out';

/** One ingestion card for one channel: the changes it was not told, or the digest (or baseline). */
export type IngestionNotice =
  | { kind: 'changes'; view: IngestionChangesCardView }
  | { kind: 'digest'; view: IngestionDigestCardView };

/** Posts one notice to one channel (the job renders it as a card and sends it). */
export type PostIngestionNotice = (
  conversation: StoredConversation,
  notice: IngestionNotice,
) => Promise<PostOutcome>;

/** What the ingestion use case needs besides the poster (the job's own inputs). */
export interface IngestionInputs {
  /** The ingestion status and the delivery ledger. */
  store: StateStore;
  subscriptions: Subscriptions;
  source: IngestionSource;
  mailboxes: readonly string[];
  now: () => Date;
  backlogMinutes: number;
  timezone: string;
  simulated: boolean;
  logger: Logger;
  /** Why no sweep can run (e.g. no PCEmail secret configured); nothing is posted then. */
  unavailable?: string;
  concurrency?: number;
}

export interface IngestionDeps extends IngestionInputs {
  post: PostIngestionNotice;
}

const INGESTION_STATUS_KEY = 'ingestion/status';

interface StatusRecord {
  sweptAt: string;
  mailboxes: Record<string, MailboxStatus>;
}

interface ChannelRecord {
  announced?: Record<string, IngestionState>;
  /** The day (in the digest's time zone) the baseline card was posted: no digest repeats it. */
  baselineDay?: string;
  pending?: { token: string; at: string };
}

interface DigestRecord {
  day?: string;
  pending?: { token: string; at: string };
}

const STALE_CLAIM_MS = 10 * 60_000;

/**
 * The ingestion use case: sweep every PCEmail mailbox, keep each one's state, post one notice
 * per channel listing the changes it has not been told, and (`digest`) the daily digest once per
 * channel per day, each exactly once through the delivery ledger. `signal` stops the fan-out when
 * the job's lease is lost.
 */
export async function notifyIngestion(
  deps: IngestionDeps,
  options: { digest: boolean },
  signal?: AbortSignal,
): Promise<Omit<JobReport, 'ran'>> {
  const name = options.digest ? 'ingestion-digest' : 'ingestion-status';
  if (deps.unavailable)
    return { summary: `${name}: skipped — ${deps.unavailable}`, details: { swept: 0 } };
  const now = deps.now();
  const observations = await observe(deps, now);
  const record = await updateItem<StatusRecord>(deps.store, INGESTION_STATUS_KEY, (current) => ({
    sweptAt: now.toISOString(),
    mailboxes: Object.fromEntries(
      deps.mailboxes.map((address) => {
        const observation = observations.get(address) ?? {
          state: 'unknown' as const,
          observedAt: now.toISOString(),
        };
        return [address, nextStatus(address, current?.mailboxes[address], observation)];
      }),
    ),
  }));
  const statuses = Object.values(record?.mailboxes ?? {});
  const tally = (state: string) =>
    [...observations.values()].filter((o) => o.state === state).length;
  const counts = {
    swept: deps.mailboxes.length,
    healthy: tally('healthy'),
    degraded: tally('degraded'),
    failing: tally('failing'),
    unknown: tally('unknown'),
    changesPosted: 0,
    digestsPosted: 0,
    failed: 0,
    gone: 0,
    channels: 0,
  };

  counts.channels = await deps.subscriptions.forEach(
    deps.concurrency ?? FAN_OUT_CONCURRENCY,
    async (target) => {
      if (signal?.aborted) return;
      const { result: changes, baseline } = await postChanges(deps, target, statuses, record);
      if (changes === 'sent') counts.changesPosted++;
      if (changes === 'failed') counts.failed++;
      if (changes === 'gone') {
        counts.gone++;
        await forgetGoneChannel(deps, target);
        return;
      }
      // A baseline card just named every mailbox: a digest next to it would say the same.
      if (!options.digest || baseline || signal?.aborted) return;
      const digest = await postDigest(deps, target, statuses, record?.sweptAt ?? now.toISOString());
      if (digest === 'sent') counts.digestsPosted++;
      if (digest === 'failed') counts.failed++;
      if (digest === 'gone') {
        counts.gone++;
        await forgetGoneChannel(deps, target);
      }
    },
  );
  return {
    summary:
      `${name}: ${plural(counts.swept, 'mailbox', 'mailboxes')} (${counts.healthy} healthy, ${counts.degraded} degraded, ${counts.failing} failing, ${counts.unknown} unknown); ` +
      `${plural(counts.changesPosted, 'change card')}${options.digest ? ` and ${plural(counts.digestsPosted, 'digest')}` : ''} posted to ${plural(counts.channels, 'channel')}` +
      (counts.failed ? ` (${counts.failed} failed, to retry next run)` : ''),
    details: counts,
  };
}

async function observe(deps: IngestionDeps, now: Date): Promise<Map<string, MailboxObservation>> {
  const sweep = await deps.source.sweep(deps.mailboxes);
  if (!sweep.signedIn) {
    const observation = observeSignInFailure(sweep.error, now);
    return new Map(deps.mailboxes.map((address) => [address, observation]));
  }
  return new Map(
    deps.mailboxes.map((address) => {
      const outcome = sweep.mailboxes.get(address);
      const observation: MailboxObservation = outcome
        ? observeMailbox(outcome, now, deps.backlogMinutes)
        : { state: 'unknown', observedAt: now.toISOString() };
      return [address, observation];
    }),
  );
}

/** What a channel is due: the baseline when it was never told anything, else the changes. */
type ChannelNews =
  { kind: 'baseline'; told: StateChange[] } | { kind: 'changes'; told: StateChange[] };

/**
 * The first run for a channel posts one baseline card naming every mailbox and its state; later
 * runs post only the changes since, each with the state the channel was last told.
 */
async function postChanges(
  deps: IngestionDeps,
  target: ChannelTarget,
  statuses: readonly MailboxStatus[],
  status: StatusRecord | undefined,
): Promise<{ result: DeliveryResult; /** A baseline was posted today. */ baseline: boolean }> {
  const today = dayIn(deps.now(), deps.timezone);
  let sentBaseline = false;
  let baselineDay: string | undefined;
  const { result } = await deliverOnce<ChannelRecord, ChannelNews>({
    store: deps.store,
    key: `${channelLedgerPrefix(target.conversation.key)}ingestion`,
    now: deps.now,
    staleAfterMs: STALE_CLAIM_MS,
    due: (record) => {
      baselineDay = record?.baselineDay;
      if (record?.announced === undefined) {
        // Mailboxes not judged yet (Graph unavailable) are shown as unknown and told later.
        const told = statuses
          .filter((s) => s.last.state !== 'unknown')
          .map((s) => ({ address: s.address, to: s.state, since: s.since }));
        return { kind: 'baseline', told };
      }
      const changes = unannouncedChanges(statuses, record.announced);
      return changes.length > 0 ? { kind: 'changes', told: changes } : undefined;
    },
    send: (news) => {
      sentBaseline = news.kind === 'baseline';
      return deps.post(
        target.conversation,
        news.kind === 'baseline'
          ? {
              kind: 'digest',
              view: {
                ...digestView(deps, statuses, status?.sweptAt ?? deps.now().toISOString()),
                baseline: true,
              },
            }
          : { kind: 'changes', view: { changes: news.told, simulated: deps.simulated } },
      );
    },
    commit: (record, news) => {
      const announced = { ...record?.announced };
      for (const change of news.told) announced[change.address] = change.to;
      // Mailboxes no longer configured are forgotten.
      const known = new Set(statuses.map((s) => s.address));
      for (const address of Object.keys(announced))
        if (!known.has(address)) delete announced[address];
      return { ...record, announced, ...(news.kind === 'baseline' ? { baselineDay: today } : {}) };
    },
  });
  return { result, baseline: (result === 'sent' && sentBaseline) || baselineDay === today };
}

function postDigest(
  deps: IngestionDeps,
  target: ChannelTarget,
  statuses: readonly MailboxStatus[],
  sweptAt: string,
): Promise<DeliveryResult> {
  const today = dayIn(deps.now(), deps.timezone);
  return deliverOnce<DigestRecord, string>({
    store: deps.store,
    key: `${channelLedgerPrefix(target.conversation.key)}digest`,
    now: deps.now,
    staleAfterMs: STALE_CLAIM_MS,
    due: (record) => (record?.day === today ? undefined : today),
    send: () =>
      deps.post(target.conversation, {
        kind: 'digest',
        view: digestView(deps, statuses, sweptAt),
      }),
    commit: (record, day) => ({ ...record, day }),
  }).then((r) => r.result);
}

function digestView(
  deps: IngestionDeps,
  statuses: readonly MailboxStatus[],
  sweptAt: string,
): IngestionDigestCardView {
  return {
    rows: statuses.map((status) => ({
      address: status.address,
      state: status.last.state,
      reason: status.last.reason ?? status.reason,
      totalItemCount: status.last.totalItemCount,
      unreadItemCount: status.last.unreadItemCount,
      oldestUnreadAt: status.last.oldestUnreadAt,
      newestAt: status.last.newestAt,
    })),
    sweptAt,
    backlogMinutes: deps.backlogMinutes,
    simulated: deps.simulated,
  };
}
