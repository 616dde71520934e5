import { dayIn } from '../jobs/cron-schedule';
import type { JobReport } from '../jobs/job';
import type { LeasedRun } from '../jobs/leased-job';
import { renderIngestionChangesCard, renderIngestionDigestCard } from '../cards/notifications';
import type { Logger } from '../logger';
import { updateItem, type StateStore } from '../store/state-store';
import type { IngestionSweep } from '../tenant/mailbox-ingestion-reader';
import { deliverOnce, type DeliveryResult } from './deliver-once';
import {
  nextStatus,
  observeMailbox,
  observeSignInFailure,
  unannouncedChanges,
  type IngestionState,
  type MailboxObservation,
  type MailboxStatus,
} from './ingestion-rules';
import type { Notifier } from './notifier';
import { FAN_OUT_CONCURRENCY, forgetGoneChannel } from './secret-expiry-job';
import { channelLedgerPrefix, forEachChannelTarget, type ChannelTarget } from './subscriptions';

/** The sweep itself (PCEmail's own identity in production). */
export interface IngestionSource {
  sweep(mailboxes: readonly string[]): Promise<IngestionSweep>;
}

export interface IngestionDeps {
  store: StateStore;
  notifier: Notifier;
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

export const INGESTION_STATUS_KEY = 'ingestion/status';

interface StatusRecord {
  sweptAt: string;
  mailboxes: Record<string, MailboxStatus>;
}

interface ChannelRecord {
  announced?: Record<string, IngestionState>;
  pending?: { token: string; at: string };
}

interface DigestRecord {
  day?: string;
  pending?: { token: string; at: string };
}

const STALE_CLAIM_MS = 10 * 60_000;

/**
 * The ingestion job (DESIGN §5): sweep every PCEmail mailbox, keep each one's state, post one card
 * per channel listing the changes it has not been told, and (`digest`) the daily digest once per
 * channel per day.
 */
export async function runIngestion(
  deps: IngestionDeps,
  options: { digest: boolean },
  run?: LeasedRun,
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

  counts.channels = await forEachChannelTarget(
    deps.store,
    deps.concurrency ?? FAN_OUT_CONCURRENCY,
    async (target) => {
      if (run?.signal.aborted) return;
      const changes = await postChanges(deps, target, statuses);
      if (changes === 'sent') counts.changesPosted++;
      if (changes === 'failed') counts.failed++;
      if (changes === 'gone') {
        counts.gone++;
        await forgetGoneChannel(deps, target);
        return;
      }
      if (!options.digest || run?.signal.aborted) return;
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
      `${name}: ${counts.swept} mailboxes (${counts.healthy} healthy, ${counts.degraded} degraded, ${counts.failing} failing, ${counts.unknown} unknown); ` +
      `${counts.changesPosted} change cards${options.digest ? ` and ${counts.digestsPosted} digests` : ''} posted to ${counts.channels} channels` +
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

function postChanges(
  deps: IngestionDeps,
  target: ChannelTarget,
  statuses: readonly MailboxStatus[],
): Promise<DeliveryResult> {
  return deliverOnce<ChannelRecord, ReturnType<typeof unannouncedChanges>>({
    store: deps.store,
    key: `${channelLedgerPrefix(target.conversation.key)}ingestion`,
    now: deps.now,
    staleAfterMs: STALE_CLAIM_MS,
    due: (record) => {
      const changes = unannouncedChanges(statuses, record?.announced ?? {});
      return changes.length > 0 ? changes : undefined;
    },
    send: (changes) =>
      deps.notifier.post(
        target.conversation,
        renderIngestionChangesCard({ changes, simulated: deps.simulated }),
      ),
    commit: (record, changes) => {
      const announced = { ...record?.announced };
      for (const change of changes) announced[change.address] = change.to;
      // Mailboxes no longer configured are forgotten.
      const known = new Set(statuses.map((s) => s.address));
      for (const address of Object.keys(announced))
        if (!known.has(address)) delete announced[address];
      return { ...record, announced };
    },
  }).then((r) => r.result);
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
      deps.notifier.post(
        target.conversation,
        renderIngestionDigestCard({
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
        }),
      ),
    commit: (record, day) => ({ ...record, day }),
  }).then((r) => r.result);
}
