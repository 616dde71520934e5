import { ErrorCode } from '../domain';
import { stateSubscriptions } from '../store/state-subscriptions';
import type { AppConfig } from '../config';
import type { Job } from '../jobs/job';
import { leasedJob } from '../jobs/leased-job';
import type { ScheduledJob } from '../jobs/scheduler';
import type { Logger } from '../logger';
import type { StateStore } from '../store/state-store';
import { AppOnlySignIn } from '../tenant/app-only-sign-in';
import { CredentialReader, type WatchedAppTarget } from '../tenant/credential-reader';
import { graphDefaultScope } from '../tenant/graph-scope';
import { MailboxIngestionReader } from '../tenant/mailbox-ingestion-reader';
import { realSleep, type TransportPolicy } from '../tenant/transport-policy';
import { runIngestion } from './ingestion-job';
import type { IngestionSource, IngestionSweep } from '../ports/ingestion-source';
import type { Notifier } from '../ports/notifier';
import type { NotificationFacts } from '../ports/notification-facts';
import { runSecretExpiry } from './secret-expiry-job';
import type {
  CredentialSource,
  ReminderRotation,
} from '../app/notifications/secret-expiry-reminders';
import { usageLine } from '../cards/rotation/credential-usage';
import { SIGN_IN_WINDOW_DAYS, type UsageFacts } from '../domain/rotation';
import { SignInLogReader } from '../tenant/sign-in-log-reader';

const SECRET_EXPIRY_JOB = 'secret-expiry';
const INGESTION_STATUS_JOB = 'ingestion-status';
const INGESTION_DIGEST_JOB = 'ingestion-digest';

export interface MonitorOptions {
  store: StateStore;
  notifier: Notifier;
  logger: Logger;
  now: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface Monitor {
  jobs: Job[];
  schedules: ScheduledJob[];
  facts: NotificationFacts;
}

/** Wires the notification jobs from the configuration (the tenant readers, the store, the notifier). */
export function buildMonitor(config: AppConfig, options: MonitorOptions): Monitor {
  const settings = config.notifications;
  const policy: TransportPolicy = { ...config.graphPolicy, sleep: options.sleep ?? realSleep };
  const graphScope = graphDefaultScope(config.endpoints.graph);
  const simulated = config.tenant.mode === 'simulated';
  const signIn = (clientId: string, clientSecret: string, identity: string) =>
    new AppOnlySignIn({
      tenantId: config.tenant.id,
      clientId,
      clientSecret,
      authorityHost: config.endpoints.authority,
      scope: graphScope,
      policy,
      identity,
    });

  const inspector = signIn(
    config.inspector.clientId,
    config.inspector.clientSecret,
    'the inspector identity (GRAPH_CLIENT_ID)',
  );
  const credentialReader = new CredentialReader({
    inspector,
    graphEndpoint: config.endpoints.graph,
    policy,
  });
  const signIns = new SignInLogReader(inspector, config.endpoints.graph, policy);
  const rotation: ReminderRotation = {
    signIn: config.consentMode === 'delegated',
    isPcemail: (appId, appName) =>
      config.pcemail.appId
        ? appId.toLowerCase() === config.pcemail.appId.toLowerCase()
        : appName === config.pcemail.appName,
    usageLines: async (appId, keyIds) => {
      const read = await signIns.lastUse(appId, keyIds, options.now(), SIGN_IN_WINDOW_DAYS);
      const facts: UsageFacts = read.ok
        ? {
            known: true,
            windowDays: read.windowDays,
            uses: keyIds.map((k) => ({
              keyId: k.toLowerCase(),
              ...(read.lastUsed[k] ? { lastUsed: read.lastUsed[k] } : {}),
            })),
          }
        : {
            known: false,
            reason: read.reason,
            ...(read.requestId ? { requestId: read.requestId } : {}),
          };
      const lines: Record<string, string> = {};
      for (const keyId of keyIds) {
        const line = usageLine(facts, keyId);
        if (line) lines[keyId] = line;
      }
      return lines;
    },
  };
  const pcemailTarget: WatchedAppTarget = config.pcemail.appId
    ? { appId: config.pcemail.appId }
    : { name: config.pcemail.appName };
  const targets: WatchedAppTarget[] = [
    pcemailTarget,
    ...settings.watchedAppIds
      .filter((appId) => appId.toLowerCase() !== config.pcemail.appId?.toLowerCase())
      .map((appId) => ({ appId })),
  ];
  const credentials: CredentialSource = { read: () => credentialReader.read(targets) };

  const ingestionSource = pcemailIngestion(config, credentialReader, signIn, policy);
  const subscriptions = stateSubscriptions(options.store);
  const ingestionDeps = {
    store: options.store,
    subscriptions,
    notifier: options.notifier,
    source: ingestionSource,
    mailboxes: config.pcemail.mailboxes,
    now: options.now,
    backlogMinutes: settings.ingestionBacklogMinutes,
    timezone: settings.scheduleTimezone,
    simulated,
    logger: options.logger,
    ...(config.pcemail.clientSecret
      ? config.pcemail.mailboxes.length === 0
        ? { unavailable: 'no mailboxes configured (PCEMAIL_MAILBOXES)' }
        : {}
      : {
          unavailable:
            'no PCEmail secret configured (PCEMAIL_CLIENT_SECRET), so the mailboxes cannot be read as PCEmail',
        }),
  };

  const common = { store: options.store, logger: options.logger };
  const secretExpiry = leasedJob({
    ...common,
    name: SECRET_EXPIRY_JOB,
    work: (run) =>
      runSecretExpiry(
        {
          store: options.store,
          subscriptions,
          notifier: options.notifier,
          credentials,
          now: options.now,
          thresholds: config.expiryReminderDays,
          simulated,
          logger: options.logger,
          rotation,
        },
        run,
      ),
  });
  const ingestionStatus = leasedJob({
    ...common,
    name: INGESTION_STATUS_JOB,
    lease: 'ingestion',
    work: (run) => runIngestion(ingestionDeps, { digest: false }, run),
  });
  const ingestionDigest = leasedJob({
    ...common,
    name: INGESTION_DIGEST_JOB,
    lease: 'ingestion',
    work: (run) => runIngestion(ingestionDeps, { digest: true }, run),
  });

  const schedules: ScheduledJob[] = [
    ...(settings.secretExpirySchedule
      ? [{ job: secretExpiry, cron: settings.secretExpirySchedule }]
      : []),
    ...(settings.ingestionSchedule
      ? [{ job: ingestionStatus, cron: settings.ingestionSchedule }]
      : []),
    ...(settings.ingestionDigestSchedule
      ? [{ job: ingestionDigest, cron: settings.ingestionDigestSchedule }]
      : []),
  ];
  return {
    jobs: [secretExpiry, ingestionStatus, ingestionDigest],
    schedules,
    facts: {
      watchedApps: [
        config.pcemail.appId
          ? `${config.pcemail.appName} (${config.pcemail.appId})`
          : config.pcemail.appName,
        ...settings.watchedAppIds,
      ],
      reminderDays: config.expiryReminderDays,
      schedules: {
        secretExpiry: settings.secretExpirySchedule,
        ingestion: settings.ingestionSchedule,
        digest: settings.ingestionDigestSchedule,
        timezone: settings.scheduleTimezone,
      },
      mailboxCount: config.pcemail.mailboxes.length,
      backlogMinutes: settings.ingestionBacklogMinutes,
      externalJobs: config.jobsKey !== undefined,
    },
  };
}

/**
 * The sweep signs in as PCEmail; without PCEMAIL_APP_ID the app id is looked up by name once (the
 * same lookup the check does) and kept. The MSAL instance is kept too, so its token is reused.
 */
function pcemailIngestion(
  config: AppConfig,
  credentialReader: CredentialReader,
  signIn: (clientId: string, clientSecret: string, identity: string) => AppOnlySignIn,
  policy: TransportPolicy,
): IngestionSource {
  let reader: MailboxIngestionReader | undefined;
  const build = (appId: string) =>
    new MailboxIngestionReader({
      pcemail: signIn(appId, config.pcemail.clientSecret ?? '', 'PCEmail'),
      graphEndpoint: config.endpoints.graph,
      policy,
      maxBatchesInFlight: config.notifications.ingestionBatchesInFlight,
    });
  return {
    async sweep(mailboxes): Promise<IngestionSweep> {
      if (!reader) {
        let appId = config.pcemail.appId;
        if (!appId) {
          const [found] = await credentialReader.read([{ name: config.pcemail.appName }]);
          if (!found?.ok)
            return {
              signedIn: false,
              error: found?.error ?? {
                code: ErrorCode.ServiceUnavailable,
                message: 'Graph was unavailable — try again.',
              },
            };
          if (found.value.length !== 1) {
            return {
              signedIn: false,
              error: {
                code: ErrorCode.GraphRequestFailed,
                message: `${found.value.length} app registrations are named ${config.pcemail.appName}; set PCEMAIL_APP_ID`,
              },
            };
          }
          appId = found.value[0]?.appId ?? '';
        }
        reader = build(appId);
      }
      return reader.sweep(mailboxes);
    },
  };
}
