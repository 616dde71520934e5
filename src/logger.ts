import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear in a log record (pino has no deep wildcard: two levels). */
const SECRET_KEYS = [
  'authorization',
  'Authorization',
  'cookie',
  'clientSecret',
  'client_secret',
  'client_assertion',
  'password',
  'secret',
  'secretValue',
  'accessToken',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'connectionString',
  'jobsKey',
];
const REDACTED_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
];

/** Bearer tokens and bare JWTs, wherever they sit in a line (an error message, a URL). */
const BEARER_TOKEN = /Bearer [A-Za-z0-9\-_.~+/=]{16,}/g;
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  /** Secret values from the configuration: scrubbed from every line even where no path names them. */
  secrets: string[];
  destination?: pino.DestinationStream;
}

const logContext = new AsyncLocalStorage<Record<string, unknown>>();

/**
 * Runs `work` with `fields` added to every line logged inside it, by any logger of this module, across
 * awaits: the turn's activity, conversation and tenant ids reach the lines the handlers write.
 */
export function withLogContext<T>(fields: Record<string, unknown>, work: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...fields }, work);
}

/** JSON in production, pretty in development; secrets never reach the output either way. */
export function createLogger(options: LoggerOptions): Logger {
  const scrub = secretScrubber(options.secrets);
  const base = options.destination ?? (options.pretty ? prettyStream() : stdoutStream());
  const stream: pino.DestinationStream = {
    write: (line: string) => {
      // A closed stdout (EPIPE) must not turn a log line into an exception in a turn or a shutdown.
      try {
        base.write(scrub(line));
      } catch {
        // the line is lost; nothing better to do with it
      }
    },
  };
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      // A fresh object each time: pino merges the line's own fields into it.
      mixin: () => ({ ...logContext.getStore() }),
    },
    stream,
  );
}

/** Replaces each secret (raw and as it looks inside a JSON string), bearer tokens and JWTs. */
function secretScrubber(secrets: readonly string[]): (line: string) => string {
  const forms = [
    ...new Set(
      secrets
        .filter((secret) => secret.length >= 4)
        .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]),
    ),
  ].sort((a, b) => b.length - a.length);
  return (line) =>
    forms
      .reduce((text, secret) => text.split(secret).join('[REDACTED]'), line)
      .replace(BEARER_TOKEN, 'Bearer [REDACTED]')
      .replace(JWT, '[REDACTED JWT]');
}

/**
 * stdout, written synchronously. Not pino's default (async) destination: its exit-time flush
 * retries a failed write forever, so with stdout's reader gone (EPIPE) a SIGTERM could not end the
 * process (test/operations/process-signals.test.ts). In sync mode pino turns EPIPE into a no-op.
 */
function stdoutStream(): pino.DestinationStream {
  return pino.destination({ dest: 1, sync: true });
}

function prettyStream(): pino.DestinationStream {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a development convenience, loaded only when asked for
  const pretty = require('pino-pretty') as (options: object) => pino.DestinationStream;
  return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
}
