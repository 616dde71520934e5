import type { AppConfig } from './config';
import type { Logger } from './logger';
import { createAdapter } from './bot/create-adapter';
import { createBot } from './bot/create-bot';
import { startServer, type RunningServer } from './server';
import { buildServices, type ServiceOptions } from './services/build-services';

export interface StartOptions extends ServiceOptions {
  logger: Logger;
  /** Overrides config.port (tests pass 0). */
  port?: number;
}

/** Builds every part from the configuration and starts serving; the one place they are joined. */
export async function startBot(config: AppConfig, options: StartOptions): Promise<RunningServer> {
  const services = buildServices(config, options);
  const adapter = createAdapter(config.bot, options.logger);
  const bot = createBot(adapter, {
    logger: options.logger,
    tenant: config.tenant,
    appName: config.pcemail.appName,
    allowedTenants: config.allowedTenants,
    localMode: config.bot.localMode,
    permissionCheck: services.permissionCheck,
  });
  return startServer({
    port: options.port ?? config.port,
    adapter,
    bot,
    logger: options.logger,
    readiness: async () => {
      try {
        await services.reader.ensureInspector();
        return { ready: true, problems: [] };
      } catch (error) {
        return { ready: false, problems: [(error as Error).message] };
      }
    },
  });
}
