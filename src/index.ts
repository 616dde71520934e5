import { readConfig, secretValues, wantsSimulatedTenant } from './config';
import { createLogger } from './logger';
import { startBot } from './start-bot';
import { startSimulator } from './simulator';

/** Composition root: start the simulated tenant when no tenant is configured, then the bot. */
async function main(): Promise<void> {
  let env: NodeJS.ProcessEnv = process.env;
  const simulated = wantsSimulatedTenant(env);
  const simulator = simulated
    ? await startSimulator({ scenario: env.SIMULATED_SCENARIO?.trim() || 'demo' })
    : undefined;
  if (simulator) env = { ...env, ...simulator.productEnv() };

  const result = readConfig(env, { simulated });
  if (!result.ok) {
    process.stderr.write(`PCEmail Ops cannot start; fix these settings:\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    await simulator?.close();
    process.exit(1);
  }
  const config = result.config;
  const logger = createLogger({
    level: config.logLevel,
    pretty: process.env.NODE_ENV !== 'production' && process.stdout.isTTY === true,
    secrets: secretValues(env),
  });
  const server = await startBot(config, { logger });
  logger.info(
    { port: server.port, tenant: config.tenant, simulator: simulator?.url, scenario: simulator?.scenario.name },
    simulator
      ? `PCEmail Ops is listening on ${server.url}/api/messages against the SIMULATED tenant (scenario ${simulator.scenario.name})`
      : `PCEmail Ops is listening on ${server.url}/api/messages`,
  );

  const shutdown = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'shutting down');
    await server.close();
    await simulator?.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown(signal));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`PCEmail Ops failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
