import { INSPECTOR_PERMISSIONS_TEXT } from '../domain/inspector-permissions';
import { endpoint, integer, optionalText, requireGuid, text, type Parser } from './parsers';
import { group } from './setting';

/** Always required: the simulated mode sets it to the simulator's tenant before this is read. */
const tenantId: Parser<string> = (raw, { name, problems }) => {
  if (!raw) {
    problems.push(
      `${name} is empty: set it to the Directory (tenant) ID of your Microsoft 365 tenant.`,
    );
    return '';
  }
  requireGuid(problems, name, raw, 'the Directory (tenant) ID');
  return raw;
};

export const TENANT_SETTINGS = group('The tenant to inspect', {
  TENANT_ID: {
    doc: 'the customer tenant where PCEmail lives. **Unset = simulated tenant**: the bot starts its simulator and says so on every card',
    defaultText: 'unset',
    parse: tenantId,
  },
  GRAPH_CLIENT_ID: {
    doc: `the inspector identity (app-only) used to read the tenant (${INSPECTOR_PERMISSIONS_TEXT}; see docs/DEPLOYMENT.md)`,
    defaultText: '`BOT_ID`',
    parse: optionalText,
  },
  GRAPH_CLIENT_SECRET: {
    doc: "the inspector app's client secret",
    defaultText: '`BOT_PASSWORD`',
    secret: true,
    parse: optionalText,
  },
  GRAPH_ENDPOINT: {
    doc: 'Graph root (national clouds, or a local stand-in); `http://` only for loopback',
    defaultText: '`https://graph.microsoft.com`',
    parse: endpoint('https://graph.microsoft.com'),
  },
  AUTHORITY_HOST: {
    doc: 'Entra root (MSAL signs in at `AUTHORITY_HOST/<TENANT_ID>`); `http://` only for loopback; must be the same Microsoft cloud as `GRAPH_ENDPOINT`',
    defaultText: '`https://login.microsoftonline.com`',
    parse: endpoint('https://login.microsoftonline.com'),
  },
  GRAPH_TIMEOUT_MS: {
    doc: 'timeout of one Graph or Entra request',
    defaultText: '`10000`',
    parse: integer(10_000, 100, 120_000),
  },
  GRAPH_MAX_RETRIES: {
    doc: 'retries of a throttled (429) or failing (5xx, timeout, reset) request',
    defaultText: '`3`',
    parse: integer(3, 0, 10),
  },
  GRAPH_RETRY_AFTER_CAP_SECONDS: {
    doc: 'longest `Retry-After` honoured; longer ones are cut to it',
    defaultText: '`30`',
    parse: integer(30, 0, 300),
  },
  SIMULATED_SCENARIO: {
    doc: 'scenario of the simulated tenant `npm start`, the CLI and the playground use when `TENANT_ID` is unset',
    defaultText: '`demo`',
    parse: text('demo'),
  },
});
