// First: keeps teams-ai's unused AI packages from loading at start (see the file).
import './defer-unused-modules';
import {
  isProduction,
  readConfig,
  readSimulatedScenario,
  secretValues,
  wantsSimulatedTenant,
} from './config';
import { createLogger } from './logger';
import { shutDown, type ShutdownStep } from './shutdown';
import { withSimulatedTenant } from './simulated-env';
import { startBot } from './start-bot';
import { startSimulator } from './simulator';
import { errorMessage } from './domain/product-error';

/** Composition root: start the simulated tenant when no tenant is configured, then the bot. */
async function main(): Promise<void> {
  let env: NodeJS.ProcessEnv = process.env;
  const simulated = wantsSimulatedTenant(env);
  const simulator = simulated
    ? await startSimulator({ scenario: readSimulatedScenario(env) })
    : undefined;
  const pointed = simulator ? withSimulatedTenant(env, simulator.productEnv()) : undefined;
  if (pointed) env = pointed.env;

  const result = readConfig(env, { simulated });
  const problems = [...(pointed?.problems ?? []), ...(result.ok ? [] : result.problems)];
  if (!result.ok || problems.length > 0) {
    process.stderr.write(
      `PCEmail Ops cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
    );
    await simulator?.close();
    process.exit(1);
  }
  const config = result.config;
  const logger = createLogger({
    level: config.logLevel,
    pretty: !isProduction(env) && process.stdout.isTTY === true,
    secrets: secretValues(env),
  });
  const server = await startBot(config, { logger });
  logger.info(
    {
      port: server.port,
      tenant: config.tenant,
      simulator: simulator?.url,
      scenario: simulator?.scenario.name,
    },
    simulator
      ? `PCEmail Ops is listening on ${server.url}/api/messages against the SIMULATED tenant (scenario ${simulator.scenario.name})`
      : `PCEmail Ops is listening on ${server.url}/api/messages`,
  );

  // SIGTERM (App Service, containers) and SIGINT: stop taking turns (503), let those in flight
  // finish within SHUTDOWN_GRACE_MS, then close the listener and what the turns used.
  const steps: ShutdownStep[] = [
    { name: 'http', run: () => server.shutdown(config.http.shutdownGraceMs) },
    ...(simulator ? [{ name: 'simulator', run: () => simulator.close() }] : []),
  ];
  let stopping = false;
  const stop = (signal: string, exitCode: number): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    // Whatever happens below, the process ends: the steps are bounded, and so is the whole stop.
    setTimeout(() => process.exit(1), config.http.shutdownGraceMs + 15_000).unref();
    logger.info({ signal, inFlight: server.inFlight() }, 'shutting down');
    let clean = false;
    void shutDown(steps, logger, config.http.shutdownGraceMs + 5_000)
      .then((done) => {
        clean = done;
        logger.info({ clean }, 'stopped');
      })
      .finally(() => process.exit(clean ? exitCode : 1));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => stop(signal, 0));
  }
  // A stray rejection is a bug to log, not a reason to drop the turns in flight.
  process.on('unhandledRejection', (reason) => {
    logger.error(
      { err: { message: reason instanceof Error ? reason.message : String(reason) } },
      'unhandled rejection',
    );
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: { name: error.name, message: error.message } }, 'uncaught exception');
    stop('uncaughtException', 1);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`PCEmail Ops failed to start: ${errorMessage(error)}\n`);
  process.exit(1);
});
