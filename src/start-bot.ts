import type { AppConfig } from './config';
import type { Logger } from './logger';
import { createAdapter } from './bot/create-adapter';
import { ConversationRegistry } from './bot/conversation-registry';
import { createBot } from './bot/create-bot';
import { ProactiveNotifier } from './bot/proactive-notifier';
import type { Job } from './jobs/job';
import { registerJobRoutes } from './jobs/jobs-endpoint';
import { startServer, type RunningServer } from './server';
import { buildServices, type ServiceOptions } from './services/build-services';
import { buildConsentService } from './services/consent';
import { createStateStore } from './store/create-store';

export interface StartOptions extends ServiceOptions {
  logger: Logger;
  /** Overrides config.port (tests pass 0). */
  port?: number;
}

/** Builds every part from the configuration and starts serving; the one place they are joined. */
export async function startBot(config: AppConfig, options: StartOptions): Promise<RunningServer> {
  const services = buildServices(config, options);
  const store = createStateStore(config.state);
  const now = options.now ?? (() => new Date());
  const adapter = createAdapter(config.bot, options.logger);
  const notifier = new ProactiveNotifier(adapter, config.bot.id);
  const consent = buildConsentService(config, services, { store, notifier, logger: options.logger, now });
  const bot = createBot(adapter, {
    logger: options.logger,
    tenant: config.tenant,
    appName: config.pcemail.appName,
    allowedTenants: config.allowedTenants,
    localMode: config.bot.localMode,
    permissionCheck: services.permissionCheck,
    store,
    now,
    conversations: new ConversationRegistry(store, now),
    notifier,
    approvers: config.approvers,
    consentMode: config.consentMode,
    consent,
  });
  // Scheduled work, run in-process on a schedule and on demand through POST /api/jobs/<name>.
  const jobs: Job[] = [consent.job()];
  return startServer({
    port: options.port ?? config.port,
    adapter,
    bot,
    logger: options.logger,
    maxBodyBytes: config.http.maxBodyBytes,
    auth: { enabled: !config.bot.localMode, timeoutMs: config.bot.auth.timeoutMs },
    registerRoutes: (server) => registerJobRoutes(server, { jobsKey: config.jobsKey, jobs, logger: options.logger }),
    readiness: async () => {
      const problems: string[] = [];
      if (!(await store.ping().catch(() => false))) problems.push('the state store cannot be reached');
      try {
        await services.reader.ensureInspector();
      } catch (error) {
        problems.push((error as Error).message);
      }
      return { ready: problems.length === 0, problems };
    },
  });
}
