import { cron, guidList, integer, oneOf, optionalGuid, optionalText } from './parsers';
import { group } from './setting';

const CONSENT_MODES = ['grant', 'link', 'delegated'] as const;

export const CONSENT_SETTINGS = group('Consent approval', {
  APPROVERS: {
    doc: 'comma-separated Entra object ids of the people who may approve consent and manage notifications (`whoami` shows yours)',
    defaultText: "empty (simulated: the Agents Playground's user)",
    parse: guidList('an Entra object id of an approver'),
  },
  CONSENT_MODE: {
    doc: '`delegated` (recommended: the approver signs in and grants with their own rights), `grant` (the bot grants with its application permissions) or `link` (the approver uses the admin-consent link); see *Admin consent approval*',
    defaultText: '`link`',
    parse: oneOf('link', CONSENT_MODES, 'delegated, grant or link'),
  },
  SSO_CLIENT_ID: {
    doc: "delegated mode: the Entra app Teams single sign-on issues approvers' tokens for (the toolkit creates it from `aad.manifest.json`), which exchanges them on-behalf-of",
    defaultText: '`BOT_ID` (or `GRAPH_CLIENT_ID`)',
    parse: optionalGuid('the bot’s Entra app for single sign-on'),
  },
  SSO_CLIENT_SECRET: {
    doc: "that app's client secret",
    defaultText: '`BOT_PASSWORD` (or `GRAPH_CLIENT_SECRET`)',
    secret: true,
    parse: optionalText,
  },
  SSO_RESOURCE: {
    doc: "Application ID URI of that app's `access_as_user` scope, sent as the `tokenExchangeResource`",
    defaultText: '`api://botid-{SSO_CLIENT_ID}`',
    parse: optionalText,
  },
  SSO_CONNECTION_NAME: {
    doc: "the Azure Bot's OAuth connection Teams uses for the sign-in button when silent sign-in is not possible",
    defaultText: 'unset (silent sign-on only)',
    parse: optionalText,
  },
  CONSENT_REQUEST_TTL_DAYS: {
    doc: 'days an undecided consent request stays open (1–90)',
    defaultText: '`7`',
    parse: integer(7, 1, 90),
  },
  CONSENT_RECHECK_SCHEDULE: {
    doc: 'cron of the in-process `consent-requests` job (link-mode re-checks, expiry), read in `SCHEDULE_TIMEZONE`, or `off`',
    defaultText: '`*/5 * * * *`',
    parse: cron('*/5 * * * *'),
  },
});
