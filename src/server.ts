import restify from 'restify';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Bot } from './bot/create-bot';
import type { Logger } from './logger';

export interface ServerOptions {
  port: number;
  adapter: TeamsAdapter;
  bot: Bot;
  logger: Logger;
  /** Readiness: config valid (it is, or we would not be running), storage reachable, inspector signs in. */
  readiness: () => Promise<{ ready: boolean; problems: string[] }>;
  /** Largest accepted request body; Bot Framework activities are small. */
  maxBodyBytes?: number;
  /** Mounts further routes (e.g. the job endpoints) on the same server. */
  registerRoutes?: (server: restify.Server) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** HTTP edge: /api/messages for Bot Framework, /healthz and /readyz for the platform. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const server = restify.createServer({ name: 'pcemail-ops', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes ?? 256 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    try {
      await options.adapter.process(req, res, (context) => options.bot.run(context).then(() => undefined));
    } catch (error) {
      options.logger.error({ err: { message: (error as Error).message } }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'alive' });
    await Promise.resolve();
  });

  options.registerRoutes?.(server);

  server.get('/readyz', async (_req, res) => {
    const readiness = await options.readiness();
    res.send(readiness.ready ? 200 : 503, { status: readiness.ready ? 'ready' : 'not ready', problems: readiness.problems });
  });

  await new Promise<void>((resolve) => {
    server.listen(options.port, '0.0.0.0', () => resolve());
  });
  const port = server.address().port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}
