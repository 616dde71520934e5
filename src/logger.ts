import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear in a log record. */
const REDACTED_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'clientSecret',
  '*.clientSecret',
  'client_secret',
  '*.client_secret',
  'password',
  '*.password',
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'token',
  '*.token',
];

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  /** Secret values from the configuration: scrubbed from every line even where no path names them. */
  secrets: string[];
  destination?: pino.DestinationStream;
}

/** JSON in production, pretty in development; secrets never reach the output either way. */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = options.secrets.filter((s) => s.length >= 4);
  const scrub = (line: string): string =>
    secrets.reduce((text, secret) => text.split(secret).join('[REDACTED]'), line);
  const base = options.destination ?? (options.pretty ? prettyStream() : pino.destination(1));
  const stream: pino.DestinationStream = {
    write: (line: string) => base.write(scrub(line).replace(BEARER_TOKEN, 'Bearer [REDACTED]')),
  };
  return pino({ level: options.level, redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' } }, stream);
}

const BEARER_TOKEN = /Bearer [A-Za-z0-9\-_.~+/=]{16,}/g;

function prettyStream(): pino.DestinationStream {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a development convenience, loaded only when asked for
  const pretty = require('pino-pretty') as (options: object) => pino.DestinationStream;
  return pretty({ colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' });
}
