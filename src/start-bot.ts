import { buildRotationPorts } from './app/rotation/build-rotation';
import type { AppConfig } from './config';
import type { Logger } from './logger';
import { exchangeEnvironmentOf } from './domain/cloud';
import { createAdapter } from './bot/create-adapter';
import { ConversationRegistry } from './bot/conversation-registry';
import { createBot } from './bot/create-bot';
import { ProactiveNotifier } from './bot/proactive-notifier';
import type { Job } from './jobs/job';
import { registerJobRoutes } from './jobs/jobs-endpoint';
import { startScheduler } from './jobs/scheduler';
import { buildMonitor } from './monitor/build-monitor';
import { PacedNotifier } from './monitor/paced-notifier';
import { ServiceUrlGuard } from './monitor/service-url-guard';
import { listChannelTargets } from './store/state-subscriptions';
import type { PacingClock } from './monitor/pacing-clock';
import { readinessProbe } from './http/readiness-probe';
import { startServer, type RunningServer } from './server';
import { buildServices, type ServiceOptions } from './app/build-services';
import { buildConsentService } from './app/consent';
import { requestBoard } from './bot/consent/request-board';
import { createStateStore } from './store/create-store';
import { stateSubscriptions } from './store/state-subscriptions';
import { stateWizardStore } from './store/state-wizard-store';
import type { VaultTokenSource } from './tenant/key-vault-writer';

export interface StartOptions extends ServiceOptions {
  logger: Logger;
  /** Overrides config.port (tests pass 0). */
  port?: number;
  /** The clock proactive sends are paced and retried on (tests pass a virtual one). */
  pacing?: PacingClock;
  /** Key Vault token source for the rotation's write (tests); default the managed identity. */
  vaultToken?: VaultTokenSource;
}

/** Builds every part from the configuration and starts serving; the one place they are joined. */
export async function startBot(config: AppConfig, options: StartOptions): Promise<RunningServer> {
  const services = buildServices(config, {
    ...options,
    // Within a turn these lines carry its activity, conversation and tenant ids (src/logger.ts).
    onGraphFailure: (failure) =>
      failure.final
        ? options.logger.warn({ graph: failure }, 'Graph read failed after its retries')
        : options.logger.debug({ graph: failure }, 'Graph read failed; retrying'),
  });
  const store = createStateStore(config.state);
  const now = options.now ?? (() => new Date());
  const adapter = createAdapter(config.bot, options.logger);
  // Every proactive send is paced within the Teams limits and retried (docs/MICROSOFT.md, Teams).
  // Only to an allowed Bot Connector address; planted conversations are dropped first.
  const notifier = new ServiceUrlGuard(
    new PacedNotifier(new ProactiveNotifier(adapter, config.bot.id), {
      clock: options.pacing,
      maxAttempts: config.notifications.sendMaxAttempts,
      retryAfterCapMs: config.notifications.sendRetryAfterCapSeconds * 1000,
    }),
    { allowed: config.inbound.allowedServiceUrls, store, logger: options.logger },
  );
  const monitor = buildMonitor(config, {
    store,
    notifier,
    logger: options.logger,
    now,
    sleep: options.sleep,
  });
  const consent = buildConsentService(config, services, {
    store,
    board: requestBoard(notifier),
    subscribedConversations: async () =>
      (await listChannelTargets(store)).map((target) => target.conversation),
    logger: options.logger,
    now,
  });
  const bot = createBot(adapter, {
    logger: options.logger,
    tenant: config.tenant,
    appName: config.pcemail.appName,
    exchangeEnvironment: exchangeEnvironmentOf(config.endpoints.graph),
    allowedTenants: config.allowedTenants,
    localMode: config.bot.localMode,
    permissionCheck: services.permissionCheck,
    store,
    subscriptions: stateSubscriptions(store),
    wizards: stateWizardStore(store),
    now,
    conversations: new ConversationRegistry(store, now),
    notifier,
    approvers: config.approvers,
    pcemailMailboxes: config.pcemail.mailboxes,
    consentMode: config.consentMode,
    sso: {
      resource: config.sso.resource,
      ...(config.sso.connectionName ? { connectionName: config.sso.connectionName } : {}),
    },
    consent,
    notifications: monitor.facts,
    rotation: buildRotationPorts(config, services.inspector, {
      store,
      logger: options.logger,
      now,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.vaultToken ? { vaultToken: options.vaultToken } : {}),
    }),
  });
  // Scheduled work, run in-process on a schedule and on demand through POST /api/jobs/<name>.
  const consentJob = consent.job();
  const jobs: Job[] = [consentJob, ...monitor.jobs];
  const consentSchedule = config.consentRecheckSchedule
    ? [{ job: consentJob, cron: config.consentRecheckSchedule }]
    : [];
  const scheduler = startScheduler([...monitor.schedules, ...consentSchedule], {
    timezone: config.notifications.scheduleTimezone,
    logger: options.logger,
  });
  if (!config.inbound.auth) {
    // Said at every start: nothing authenticates the requests, so only this machine may send them.
    options.logger.warn(
      { listenHost: config.inbound.listenHost },
      'inbound authentication is OFF (no BOT_ID): listening on 127.0.0.1 only; never run this way in Azure',
    );
  }
  const server = await startServer({
    port: options.port ?? config.port,
    host: config.inbound.listenHost,
    allowedServiceUrls: config.inbound.allowedServiceUrls,
    adapter,
    bot,
    logger: options.logger,
    maxBodyBytes: config.http.maxBodyBytes,
    auth: {
      enabled: config.inbound.auth,
      timeoutMs: config.bot.auth.timeoutMs,
      channelIssuer: config.bot.auth.tokenIssuer,
      botId: config.bot.id,
    },
    registerRoutes: (server) =>
      registerJobRoutes(server, { jobsKey: config.jobsKey, jobs, logger: options.logger }),
    readiness: readinessProbe({
      pingStore: () => store.ping(),
      signIn: () => services.reader.ensureInspector(),
      logger: options.logger,
    }),
  });
  return {
    ...server,
    // Graceful stop (SIGTERM): no new scheduled runs, then the HTTP edge drains its turns and jobs.
    shutdown: (graceMs) => {
      scheduler.stop();
      return server.shutdown(graceMs);
    },
    close: async () => {
      scheduler.stop();
      await server.close();
    },
  };
}
