import { TEAMS_SERVICE_URLS } from '../domain';
import { BOT_FRAMEWORK_DEFAULTS } from './defaults';
import {
  endpoint,
  guidList,
  integer,
  isAllowedEndpoint,
  oneOf,
  optionalGuid,
  optionalText,
  printable,
  splitList,
  text,
  type Parser,
} from './parsers';
import { group } from './setting';

const BOT_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/** on (default) or off, lower-cased; a bad value is kept so later rules see it. */
const inboundAuth: Parser<string> = (raw, { name, problems }) => {
  const setting = (raw ?? 'on').toLowerCase();
  if (setting !== 'on' && setting !== 'off') {
    problems.push(
      `${name} is "${printable(setting)}": use on (the default) or off (local runs only).`,
    );
  }
  return setting;
};

const serviceUrls: Parser<string[]> = (raw, { name, problems }) => {
  const urls = splitList(raw);
  for (const url of urls) {
    if (!isAllowedEndpoint(url)) {
      problems.push(
        `${name} has "${printable(url)}": use https:// Bot Connector URLs (http:// only on 127.0.0.1, localhost or [::1]), separated by commas.`,
      );
    }
  }
  return urls;
};

export const BOT_SETTINGS = group('Bot Framework identity and inbound trust', {
  BOT_ID: {
    doc: "Microsoft App ID of the Azure Bot (with `UserAssignedMSI`: the managed identity's client id). Required with `TENANT_ID` set (unless `INBOUND_AUTH=off`). Empty = local mode: inbound auth off, 127.0.0.1 only",
    defaultText: 'empty',
    parse: optionalGuid('the Microsoft App ID of the Azure Bot'),
  },
  BOT_PASSWORD: {
    doc: 'client secret of that app registration; required with `BOT_ID`, except with `UserAssignedMSI` (must stay empty)',
    defaultText: 'empty',
    secret: true,
    parse: optionalText,
  },
  BOT_TYPE: {
    doc: '`SingleTenant` (app registration + secret), `UserAssignedMSI` (managed identity, no `BOT_PASSWORD`; Azure uses this) or `MultiTenant` (older registrations)',
    defaultText: '`MultiTenant`',
    parse: oneOf('MultiTenant', BOT_TYPES, 'SingleTenant, UserAssignedMSI or MultiTenant'),
  },
  BOT_TENANT_ID: {
    doc: "tenant of the bot's app registration or managed identity; required for `SingleTenant` and `UserAssignedMSI`",
    defaultText: 'empty',
    parse: optionalGuid('the tenant of the bot'),
  },
  INBOUND_AUTH: {
    doc: "`off` lets a live tenant run without `BOT_ID`, unauthenticated, on 127.0.0.1 only, with a warning at every start. For a developer's machine; never in Azure",
    defaultText: '`on`',
    parse: inboundAuth,
  },
  ALLOWED_SERVICE_URLS: {
    doc: 'comma-separated Bot Connector URLs replies and notifications may go to (host, optional path prefix; `http://` only for loopback). A stored conversation naming another is deleted and logged',
    defaultText: `${TEAMS_SERVICE_URLS.map((url) => `\`${url}\``).join(', ')} (+ loopback when inbound auth is off)`,
    parse: serviceUrls,
  },
  ALLOWED_TENANTS: {
    doc: 'comma-separated tenants whose Teams users may use the bot',
    defaultText: "`TENANT_ID` (simulated: also the Agents Playground's)",
    parse: guidList('a tenant id'),
  },
  BOT_OPENID_METADATA_URL: {
    doc: "OpenID metadata whose keys sign Teams' tokens",
    defaultText: `\`${BOT_FRAMEWORK_DEFAULTS.openIdMetadataUrl}\``,
    parse: endpoint(BOT_FRAMEWORK_DEFAULTS.openIdMetadataUrl),
  },
  BOT_TOKEN_ISSUER: {
    doc: '`iss` of those tokens',
    defaultText: `\`${BOT_FRAMEWORK_DEFAULTS.tokenIssuer}\``,
    parse: text(BOT_FRAMEWORK_DEFAULTS.tokenIssuer),
  },
  BOT_EMULATOR_OPENID_METADATA_URL: {
    doc: 'metadata for Emulator-issued tokens',
    defaultText: `\`${BOT_FRAMEWORK_DEFAULTS.emulatorOpenIdMetadataUrl}\``,
    parse: endpoint(BOT_FRAMEWORK_DEFAULTS.emulatorOpenIdMetadataUrl),
  },
  BOT_AUTHORITY_HOST: {
    doc: "Entra root for the bot's own reply token",
    defaultText: '`https://login.microsoftonline.com`',
    parse: endpoint('https://login.microsoftonline.com'),
  },
  BOT_TOKEN_SERVICE_URL: {
    doc: 'the Bot Framework token service (sign-in links and tokens of `SSO_CONNECTION_NAME`)',
    defaultText: '`https://api.botframework.com`',
    parse: endpoint('https://api.botframework.com'),
  },
  BOT_AUTH_TIMEOUT_MS: {
    doc: 'longest wait to verify one inbound token (503 after)',
    defaultText: '`5000`',
    parse: integer(5_000, 100, 60_000),
  },
});
