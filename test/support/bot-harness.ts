import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig, secretValues, type AppConfig } from '../../src/config';
import { startBot, type StartOptions } from '../../src/start-bot';
import type { RunningServer } from '../../src/server';
import { startSimulator, type RunningSimulator, type SimulatorOptions } from '../../src/simulator';
import { FakeConnector } from './fake-connector';
import { capturingLogger } from './log-capture';

export const TEST_USER = {
  id: '29:user-1',
  aadObjectId: '6b0f3d52-41e2-4f6f-9a3e-0c2f7f1e2a11',
  name: 'Ada Admin',
};
export const BOT_ACCOUNT = { id: '28:pcemail-ops', name: 'PCEmail Ops' };

export interface BotHarness {
  simulator: RunningSimulator;
  connector: FakeConnector;
  server: RunningServer;
  config: AppConfig;
  /** The file store's folder (a fresh temp folder unless STATE_DIR was given). */
  stateDir: string;
  logLines: string[];
  /** Posts a message activity; resolves with the HTTP status once the turn is done. */
  say(text: string, overrides?: Record<string, unknown>): Promise<number>;
  /** Posts an adaptiveCard/action invoke and returns the HTTP status and body (the refreshed card). */
  execute(
    verb: string,
    data?: Record<string, unknown>,
  ): Promise<{ status: number; body: InvokeBody }>;
  post(activity: Record<string, unknown>): Promise<Response>;
  /** Stops the bot and starts a new one on the same state (a process restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface InvokeBody {
  statusCode?: number;
  type?: string;
  value?: Record<string, unknown>;
}

/**
 * The real bot over HTTP: the simulated tenant (or any scenario), a fake Bot Connector as
 * serviceUrl, the product's own config reader and composition root.
 */
export async function startHarness(
  options: {
    scenario?: string;
    simulator?: SimulatorOptions;
    env?: Record<string, string>;
    /** Authorization header for each posted activity (tests that run with BOT_ID set sign one). */
    authorization?: (activity: Record<string, unknown>) => string;
    /** The bot's clock (e.g. to expire consent requests); default real time. */
    now?: () => Date;
    /** Another Bot Connector stand-in (e.g. one enforcing the Teams rate limits); default FakeConnector. */
    connector?: FakeConnector;
    /** Further start options (e.g. the pacing clock of proactive sends). */
    start?: Partial<StartOptions>;
  } = {},
): Promise<BotHarness> {
  const simulator = await startSimulator({
    scenario: options.scenario ?? 'healthy',
    ...options.simulator,
  });
  const connector = await (options.connector ?? new FakeConnector()).start();
  const stateDir = options.env?.STATE_DIR ?? mkdtempSync(path.join(tmpdir(), 'pcemail-state-'));
  const env = {
    STATE_DIR: stateDir,
    ...simulator.productEnv(),
    GRAPH_RETRY_AFTER_CAP_SECONDS: '0',
    GRAPH_TIMEOUT_MS: '3000',
    // No in-process schedule fires during a test; tests run jobs through POST /api/jobs/<name>.
    SECRET_EXPIRY_SCHEDULE: 'off',
    INGESTION_SCHEDULE: 'off',
    INGESTION_DIGEST_SCHEDULE: 'off',
    // With BOT_ID set loopback is not a default Bot Connector address; the fake one is allowed here.
    ...(options.env?.BOT_ID ? { ALLOWED_SERVICE_URLS: connector.url } : {}),
    ...options.env,
  };
  const result = readConfig(env, { simulated: true });
  if (!result.ok) {
    await connector.stop();
    await simulator.close();
    throw new Error(`test config invalid: ${result.problems.join('; ')}`);
  }
  const { logger, lines } = capturingLogger(secretValues(env));
  const config = result.config;
  const boot = () =>
    startBot(config, {
      logger,
      port: 0,
      sleep: () => Promise.resolve(),
      ...(options.now ? { now: options.now } : {}),
      ...options.start,
    });
  let server = await boot();
  const conversation = {
    id: `a:${randomUUID()}`,
    conversationType: 'personal',
    tenantId: result.config.tenant.id,
  };

  const post = (activity: Record<string, unknown>): Promise<Response> =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.authorization ? { authorization: options.authorization(activity) } : {}),
      },
      body: JSON.stringify(activity),
    });

  const base = (): Record<string, unknown> => ({
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: TEST_USER,
    recipient: BOT_ACCOUNT,
    conversation,
    channelData: { tenant: { id: result.config.tenant.id } },
    locale: 'en-US',
  });

  return {
    simulator,
    connector,
    get server() {
      return server;
    },
    config,
    stateDir,
    logLines: lines,
    post,
    async say(text, overrides = {}) {
      const response = await post({
        ...base(),
        type: 'message',
        text,
        textFormat: 'plain',
        ...overrides,
      });
      await response.text();
      return response.status;
    },
    async execute(verb, data = {}) {
      const response = await post({
        ...base(),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as InvokeBody };
    },
    async restart() {
      await server.close();
      server = await boot();
    },
    async stop() {
      await server.close();
      await connector.stop();
      await simulator.close();
      if (!options.env?.STATE_DIR) rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
