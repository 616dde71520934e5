import type { AppRegistration, Outcome } from '../../domain';
import type { Logger } from '../../logger';
import { plural } from '../../domain/plural';
import type { SecretReminderView } from '../../domain/notifications/secret-reminder-view';
import type { StateStore } from '../../store/state-store';
import type { JobReport } from '../../jobs/job';
import { deliverOnce } from './deliver-once';
import type { PostOutcome } from '../../ports/notifier';
import type { StoredConversation } from '../../ports/conversations';
import {
  daysLeft,
  newerCredential,
  reminderDue,
  reminderKey,
  watchedCredentials,
  type ReminderRecord,
  type WatchedCredential,
} from '../../domain/notifications/reminder-plan';
import type { ChannelTarget, Subscriptions } from '../../ports/subscriptions';
import { channelLedgerPrefix } from '../../store/state-subscriptions';
import { errorMessage } from '../../domain/product-error';
import { FAN_OUT_CONCURRENCY, forgetGoneChannel } from './channel-fan-out';

/** Reads the watched apps' credentials (the inspector in production). */
export interface CredentialSource {
  /** One outcome per watched app target. */
  read(): Promise<Outcome<AppRegistration[]>[]>;
}

/** Posts one reminder to one channel (the job renders the view as a card and sends it). */
export type PostReminder = (
  conversation: StoredConversation,
  view: SecretReminderView,
) => Promise<PostOutcome>;

/** What the secret-expiry use case needs besides the poster (the job's own inputs). */
export interface SecretExpiryInputs {
  /** The delivery ledger (`notifications/<conversation>/…`). */
  store: StateStore;
  subscriptions: Subscriptions;
  credentials: CredentialSource;
  now: () => Date;
  /** Days before expiry, e.g. [30, 14, 7, 3, 1, 0]. */
  thresholds: readonly number[];
  simulated: boolean;
  logger: Logger;
  /** Channels posted to at once; the notifier paces them within the Teams limits. */
  concurrency?: number;
  /** Which secret is in use (sign-in logs) and which app is PCEmail (Rotate now): app/rotation. */
  rotation?: ReminderRotation;
}

export interface SecretExpiryDeps extends SecretExpiryInputs {
  post: PostReminder;
}

export interface ReminderRotation {
  /** One line per credential key id: "last used …" or why that is unknown. */
  usageLines(appId: string, keyIds: readonly string[]): Promise<Record<string, string>>;
  isPcemail(appId: string, appName: string): boolean;
  /** CONSENT_MODE=delegated: Rotate now signs the approver in. */
  signIn: boolean;
}

const STALE_CLAIM_MS = 10 * 60_000;

/**
 * The secret-expiry use case: for every credential of every watched app that crossed a
 * threshold, each subscribed channel gets the most severe crossed threshold once (a
 * `SecretReminderView` handed to `deps.post`, exactly once through the delivery ledger). A
 * credential that was deleted is no longer read, so its reminders stop. `signal` stops the fan-out
 * when the job's lease is lost.
 */
export async function remindExpiringSecrets(
  deps: SecretExpiryDeps,
  signal?: AbortSignal,
): Promise<Omit<JobReport, 'ran'>> {
  const reads = await deps.credentials.read();
  const apps = reads.flatMap((outcome) => (outcome.ok ? outcome.value : []));
  const unread = reads.filter((outcome) => !outcome.ok);
  if (reads.length > 0 && unread.length === reads.length) {
    const reason = unread[0] && !unread[0].ok ? unread[0].error.message : 'unknown';
    return {
      summary: `secret-expiry: the credentials could not be read (${reason}); nothing was posted`,
      details: { posted: 0 },
    };
  }
  const now = deps.now().getTime();
  const all = watchedCredentials(apps);
  // Only credentials inside a threshold cost a ledger read per channel.
  const crossed = all.filter(
    (c) => reminderDue(c, now, deps.thresholds, undefined, undefined) !== undefined,
  );
  const usage = await usageOf(deps, crossed);
  const counts = {
    posted: 0,
    failed: 0,
    gone: 0,
    channels: 0,
    credentials: all.length,
    due: crossed.length,
  };
  if (crossed.length === 0) {
    return {
      summary: `secret-expiry: ${plural(all.length, 'credential')}, none within a reminder threshold`,
      details: counts,
    };
  }
  counts.channels = await deps.subscriptions.forEach(
    deps.concurrency ?? FAN_OUT_CONCURRENCY,
    async (target) => {
      for (const credential of crossed) {
        if (signal?.aborted) return;
        const result = await remindChannel(deps, target, credential, all, usage);
        if (result === 'sent') counts.posted++;
        else if (result === 'failed') counts.failed++;
        else if (result === 'gone') {
          counts.gone++;
          await forgetGoneChannel(deps, target);
          return;
        }
      }
    },
  );
  return {
    summary: `secret-expiry: ${plural(counts.posted, 'reminder')} posted to ${plural(counts.channels, 'channel')} (${counts.failed} failed, to retry next run; ${plural(counts.gone, 'channel')} gone)`,
    details: counts,
  };
}

async function remindChannel(
  deps: SecretExpiryDeps,
  target: ChannelTarget,
  credential: WatchedCredential,
  all: readonly WatchedCredential[],
  usage: Record<string, string>,
): Promise<string> {
  const key = reminderKey(channelLedgerPrefix(target.conversation.key), credential);
  const { result } = await deliverOnce<ReminderRecord, number>({
    store: deps.store,
    key,
    now: deps.now,
    staleAfterMs: STALE_CLAIM_MS,
    due: (record) => {
      const now = deps.now().getTime();
      return reminderDue(
        credential,
        now,
        deps.thresholds,
        record,
        target.subscription.snoozedUntil?.[credential.credential.keyId],
      );
    },
    send: () => deps.post(target.conversation, reminderView(deps, credential, all, usage)),
    commit: (record, threshold, activityId) => ({
      ...record,
      threshold: Math.min(threshold, record?.threshold ?? threshold),
      sentAt: deps.now().toISOString(),
      activityId,
    }),
  });
  return result;
}

/** What the reminder of one credential shows, as of now. */
function reminderView(
  deps: SecretExpiryDeps,
  credential: WatchedCredential,
  all: readonly WatchedCredential[],
  usage: Record<string, string>,
): SecretReminderView {
  const now = deps.now().getTime();
  const newer = newerCredential(credential, all);
  return {
    appName: credential.appName,
    appId: credential.appId,
    credential: credential.credential,
    daysLeft: daysLeft(credential.end, now),
    expired: credential.end <= now,
    ...(newer ? { newer: newer.credential } : {}),
    simulated: deps.simulated,
    ...(usage[credential.credential.keyId] ? { usage: usage[credential.credential.keyId] } : {}),
    ...(credential.credential.kind === 'secret' &&
    deps.rotation?.isPcemail(credential.appId, credential.appName)
      ? { rotatable: true, rotateWithSignIn: deps.rotation.signIn }
      : {}),
  };
}

/** The sign-in facts for the due credentials, read once per run (not per channel). */
async function usageOf(
  deps: SecretExpiryDeps,
  crossed: readonly WatchedCredential[],
): Promise<Record<string, string>> {
  if (!deps.rotation) return {};
  const byApp = new Map<string, string[]>();
  for (const c of crossed) byApp.set(c.appId, [...(byApp.get(c.appId) ?? []), c.credential.keyId]);
  const lines: Record<string, string> = {};
  for (const [appId, keyIds] of byApp) {
    try {
      Object.assign(lines, await deps.rotation.usageLines(appId, keyIds));
    } catch (error) {
      deps.logger.warn({ err: { message: errorMessage(error) } }, 'sign-in logs not read');
    }
  }
  return lines;
}
