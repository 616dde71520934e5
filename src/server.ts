import restify from 'restify';
import type { Bot } from './bot/create-bot';
import type { BotAdapter } from './bot/create-adapter';
import {
  messagesEndpoint,
  type MessagesEndpointOptions,
} from './bot/inbound-auth/messages-endpoint';
import { parseJsonBodies, refuseOversizedBodies } from './http/body-limits';
import { RequestGate } from './http/request-gate';
import type { Logger } from './logger';

export interface ServerOptions {
  port: number;
  /** Interface to listen on; default all (App Service and containers need that). */
  host?: string;
  adapter: BotAdapter;
  bot: Bot;
  logger: Logger;
  /** Readiness: config valid (it is, or we would not be running), storage reachable, inspector signs in. */
  readiness: () => Promise<{ ready: boolean; problems: string[] }>;
  /** Largest accepted request body; Bot Framework activities are small. */
  maxBodyBytes?: number;
  /** Inbound Bot Framework authentication: off only in local mode (empty BOT_ID). */
  auth: MessagesEndpointOptions['auth'];
  /** Bot Connector addresses replies may go to; an activity naming another is refused. */
  allowedServiceUrls: readonly string[];
  /** Mounts further routes (e.g. the job endpoints) on the same server. */
  registerRoutes?: (server: restify.Server) => void;
}

export interface ShutdownReport {
  /** True when every request in flight finished within the grace period. */
  drained: boolean;
  /** Requests still running when the grace period ended (their connections were closed). */
  abandoned: number;
}

export interface RunningServer {
  url: string;
  port: number;
  /** The address the listening socket is bound to (127.0.0.1 when inbound auth is off). */
  boundAddress: string;
  /** Requests being served now (health probes excluded). */
  inFlight(): number;
  /**
   * Graceful stop: new requests get 503 at once, those in flight get `graceMs` to finish, then the
   * listener and every connection close.
   */
  shutdown(graceMs: number): Promise<ShutdownReport>;
  /** Immediate stop (tests): same as shutdown with no grace. */
  close(): Promise<void>;
}

const PROBES = new Set(['/healthz', '/readyz']);
const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** HTTP edge: /api/messages for Bot Framework, /healthz and /readyz for the platform. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const gate = new RequestGate();
  const server = restify.createServer({ name: 'pcemail-ops', handleUncaughtExceptions: false });

  server.pre((req, res, next) => {
    if (PROBES.has(req.path())) return next();
    if (gate.isDraining) {
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '5');
      res.send(503, { error: 'shutting down' });
      return next(false);
    }
    gate.track(res);
    return next();
  });
  server.use(refuseOversizedBodies(maxBodyBytes));
  server.use(restify.plugins.bodyReader({ maxBodySize: maxBodyBytes }));
  server.use(parseJsonBodies());
  // restify's own errors (413 from the body reader, 404, 405) answer {error} like ours: no stack, no cause.
  server.on(
    'restifyError',
    (
      _req: restify.Request,
      _res: restify.Response,
      error: Error & { toJSON?: () => unknown },
      done: () => void,
    ) => {
      const message = error.message.split('\n')[0]?.slice(0, 200) ?? 'error';
      error.toJSON = () => ({ error: message });
      done();
    },
  );

  server.post(
    '/api/messages',
    messagesEndpoint({
      adapter: options.adapter,
      bot: options.bot,
      logger: options.logger,
      auth: options.auth,
      allowedServiceUrls: options.allowedServiceUrls,
    }),
  );

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'alive' });
    await Promise.resolve();
  });

  server.get('/readyz', async (_req, res) => {
    if (gate.isDraining) {
      res.send(503, { status: 'not ready', problems: ['shutting down'] });
      return;
    }
    const readiness = await options.readiness();
    res.send(readiness.ready ? 200 : 503, {
      status: readiness.ready ? 'ready' : 'not ready',
      problems: readiness.problems,
    });
  });

  options.registerRoutes?.(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port, address: boundAddress } = server.address();

  let stopping: Promise<ShutdownReport> | undefined;
  const shutdown = (graceMs: number): Promise<ShutdownReport> => {
    stopping ??= (async () => {
      const drained = await gate.drain(graceMs);
      const abandoned = gate.inFlight;
      if (!drained)
        options.logger.warn(
          { abandoned },
          'shutdown grace period ended with requests still running',
        );
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      server.server.closeAllConnections();
      await closed;
      return { drained, abandoned };
    })();
    return stopping;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    boundAddress,
    inFlight: () => gate.inFlight,
    shutdown,
    close: async () => {
      await shutdown(0);
    },
  };
}
