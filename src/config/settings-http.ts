import { integer, optionalText, text } from './parsers';
import { group } from './setting';

export const HTTP_SETTINGS = group('HTTP and logs', {
  PORT: {
    doc: 'HTTP port of the bot (App Service sets it)',
    defaultText: '`3978`',
    parse: integer(3978, 0, 65535),
  },
  LOG_LEVEL: {
    doc: 'pino level: `fatal`, `error`, `warn`, `info`, `debug` or `trace`; secrets are redacted from every line',
    defaultText: '`info`',
    parse: text('info'),
  },
  NODE_ENV: {
    doc: '`production` = JSON logs; anything else = readable logs when writing to a terminal',
    defaultText: 'unset',
    parse: optionalText,
  },
  NO_COLOR: {
    doc: 'any value: the CLI (`npx pcemail check`) prints no colours (no-color.org)',
    defaultText: 'unset',
    parse: optionalText,
  },
  MAX_BODY_BYTES: {
    doc: 'largest request body (413 above)',
    defaultText: '`262144`',
    parse: integer(256 * 1024, 1024, 4 * 1024 * 1024),
  },
  SHUTDOWN_GRACE_MS: {
    doc: 'how long a SIGTERM waits for requests in flight',
    defaultText: '`20000`',
    parse: integer(20_000, 0, 300_000),
  },
});
