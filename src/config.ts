import { INSPECTOR_PERMISSIONS_TEXT } from './domain/inspector-permissions';
import {
  describeGuidProblem,
  isGuid,
  LOOPBACK_SERVICE_URLS,
  RESTRICTION_SETTINGS,
  TEAMS_SERVICE_URLS,
  type RestrictionSetting,
} from './domain';
import { describeCloudMismatch } from './domain/cloud';
import { DEFAULT_SCHEDULE_TIMEZONE, describeScheduleProblem, describeTimezoneProblem } from './jobs/cron-schedule';

/** The one place that knows the environment variables (DESIGN §3). Everything else receives AppConfig. */
export interface AppConfig {
  port: number;
  logLevel: string;
  bot: BotIdentity;
  tenant: { id: string; mode: 'live' | 'simulated' };
  inspector: ClientCredentials;
  pcemail: PcemailSettings;
  endpoints: { graph: string; authority: string };
  approvers: string[];
  consentMode: 'grant' | 'link' | 'delegated';
  /** Teams single sign-on of the approver (CONSENT_MODE=delegated): the bot's Entra app. */
  sso: SsoSettings;
  /** Days an undecided consent request stays open (CONSENT_REQUEST_TTL_DAYS). */
  consentRequestTtlDays: number;
  /** Cron of the in-process consent-requests job (link-mode re-checks, expiry); undefined = off. */
  consentRecheckSchedule?: string;
  expiryReminderDays: number[];
  jobsKey?: string;
  state: StateSettings;
  allowedTenants: string[];
  simulatedScenario: string;
  graphPolicy: GraphPolicy;
  http: HttpSettings;
  notifications: NotificationSettings;
  inbound: InboundSettings;
  rotation: RotationSettings;
}

/** Who may reach the bot and where it may answer (docs/SECURITY.md "Inbound trust"). */
export interface InboundSettings {
  /** Bot Framework tokens are checked (BOT_ID set); off only with INBOUND_AUTH=off or simulated. */
  auth: boolean;
  /** Interface the server listens on: 127.0.0.1 whenever inbound authentication is off. */
  listenHost: string;
  /** Replies and proactive posts go only under these (ALLOWED_SERVICE_URLS). */
  allowedServiceUrls: string[];
}

/** Guided rotation of PCEmail's secret. */
export interface RotationSettings {
  /** Lifetime of a new secret in months (ROTATION_SECRET_MONTHS, 1–24). */
  secretMonths: number;
  /** Hours the old secret must stay unused before it may be removed (ROTATION_QUIET_HOURS). */
  quietHours: number;
  /** PCEMAIL_SECRET_KEYVAULT_URL: the Key Vault secret the bot keeps PCEmail's secret in. */
  keyVaultSecretUrl?: string;
}

export interface BotIdentity {
  id: string;
  password: string;
  type: string;
  tenantId: string;
  /** Empty BOT_ID: inbound auth off; only for local runs. */
  localMode: boolean;
  auth: BotAuthEndpoints;
}

/** Where Bot Framework tokens are checked and obtained; Microsoft's public cloud unless overridden. */
export interface BotAuthEndpoints {
  /** OpenID metadata whose JWKS signs the channel's tokens (ToBotFromChannelOpenIdMetadataUrl). */
  openIdMetadataUrl: string;
  /** The `iss` the channel's tokens carry (ToBotFromChannelTokenIssuer). */
  tokenIssuer: string;
  /** OpenID metadata for tokens with an Emulator issuer (ToBotFromEmulatorOpenIdMetadataUrl). */
  emulatorOpenIdMetadataUrl: string;
  /** Entra root where the bot gets its own token for replies. */
  authorityHost: string;
  /** The Bot Framework token service (OAuthUrl): sign-in links and tokens of OAuth connections. */
  tokenServiceUrl: string;
  /** Longest wait to verify one inbound token (its signing keys may have to be fetched first). */
  timeoutMs: number;
}

/** Limits of the HTTP edge. */
export interface HttpSettings {
  /** Largest request body accepted (413 above). */
  maxBodyBytes: number;
  /** How long a shutdown waits for turns in flight before closing anyway. */
  shutdownGraceMs: number;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** The bot's Entra app that Teams SSO issues tokens for, and that exchanges them on-behalf-of. */
export interface SsoSettings {
  clientId: string;
  clientSecret: string;
  /** The Application ID URI of the exposed `access_as_user` scope (api://…/botid-{id}). */
  resource: string;
  /** The Azure Bot's OAuth connection for the sign-in button when silent sign-in fails; optional. */
  connectionName?: string;
}

export interface PcemailSettings {
  appId?: string;
  appName: string;
  clientSecret?: string;
  mailboxes: string[];
  outOfScopeMailbox?: string;
  /** RESTRICTION_MODEL: how PCEmail is limited to its mailboxes; `auto` infers it from evidence. */
  restrictionModel: RestrictionSetting;
}

export interface StateSettings {
  store: 'file' | 'blob';
  dir: string;
  connectionString?: string;
  /** Blob endpoint reached with a managed identity (AZURE_STORAGE_ACCOUNT_URL) instead of a key. */
  accountUrl?: string;
  /** Client id of the user-assigned managed identity (AZURE_CLIENT_ID); empty = system-assigned. */
  managedIdentityClientId?: string;
  container: string;
}

/** Bounds on how long the product waits for Graph and Entra, so a check always finishes. */
export interface GraphPolicy {
  timeoutMs: number;
  maxRetries: number;
  /** Longest Retry-After honoured; a longer one is cut to this (tests set it low). */
  retryAfterCapSeconds: number;
}

/** Secret-expiry reminders, mailbox-ingestion status and how they are sent (DESIGN §5). */
export interface NotificationSettings {
  /** Further app registrations (appIds) whose secrets and certificates are watched; PCEmail always is. */
  watchedAppIds: string[];
  /** Cron expressions of the in-process schedules; undefined = off (an external scheduler may call the job). */
  secretExpirySchedule?: string;
  ingestionSchedule?: string;
  ingestionDigestSchedule?: string;
  /** IANA time zone the schedules and the digest's day are read in. */
  scheduleTimezone: string;
  /** Unread mail older than this makes a mailbox degraded (PCEmail has not picked it up). */
  ingestionBacklogMinutes: number;
  /** $batch requests of the ingestion sweep in flight at once. */
  ingestionBatchesInFlight: number;
  /** Longest Retry-After from Teams that a send waits for; a longer one is cut to this. */
  sendRetryAfterCapSeconds: number;
  /** Attempts per message (429/412/502/503/504 and lost connections are retried). */
  sendMaxAttempts: number;
}

export type ConfigResult = { ok: true; config: AppConfig } | { ok: false; problems: string[] };

/** The Agents Playground's built-in tenant id (not a GUID), accepted only in simulated mode (DESIGN §8). */
export const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

/**
 * The Agents Playground's signed-in user: its built-in id (not a GUID) and the GUID our shipped
 * playground context file gives it. In simulated mode with APPROVERS unset they are the approvers,
 * so the demo works; live mode never has a default approver (DESIGN §8).
 */
export const PLAYGROUND_USER_AAD_IDS = [
  '00000000-0000-0000-0000-0000000000020',
  '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
] as const;

/** Microsoft's public-cloud Bot Framework endpoints (botframework-connector AuthenticationConstants). */
export const BOT_FRAMEWORK_DEFAULTS = {
  openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  tokenIssuer: 'https://api.botframework.com',
  emulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
} as const;

const BOT_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const DEFAULT_REMINDER_DAYS = [30, 14, 7, 3, 1, 0];
const SECRET_VARIABLES = [
  'BOT_PASSWORD',
  'GRAPH_CLIENT_SECRET',
  'SSO_CLIENT_SECRET',
  'PCEMAIL_CLIENT_SECRET',
  'JOBS_KEY',
  'AZURE_STORAGE_CONNECTION_STRING',
];

/** True when no customer tenant is configured and the built-in simulator must stand in. */
export function wantsSimulatedTenant(env: NodeJS.ProcessEnv): boolean {
  return !value(env, 'TENANT_ID');
}

/**
 * Reads and validates the configuration; every problem is listed at once, each with its fix.
 * `simulated` is set by the composition root after it started the simulator and merged its values.
 */
export function readConfig(
  env: NodeJS.ProcessEnv,
  options: { simulated?: boolean; /** false: no server is started (the CLI). */ serves?: boolean } = {},
): ConfigResult {
  const problems: string[] = [];
  const simulated = options.simulated === true;

  const port = readInteger(env, 'PORT', 3978, 0, 65535, problems);
  const botId = value(env, 'BOT_ID') ?? '';
  const bot: BotIdentity = {
    id: botId,
    password: value(env, 'BOT_PASSWORD') ?? '',
    type: value(env, 'BOT_TYPE') ?? 'MultiTenant',
    tenantId: value(env, 'BOT_TENANT_ID') ?? '',
    localMode: botId === '',
    auth: {
      openIdMetadataUrl: readEndpoint(env, 'BOT_OPENID_METADATA_URL', BOT_FRAMEWORK_DEFAULTS.openIdMetadataUrl, problems),
      tokenIssuer: value(env, 'BOT_TOKEN_ISSUER') ?? BOT_FRAMEWORK_DEFAULTS.tokenIssuer,
      emulatorOpenIdMetadataUrl: readEndpoint(
        env,
        'BOT_EMULATOR_OPENID_METADATA_URL',
        BOT_FRAMEWORK_DEFAULTS.emulatorOpenIdMetadataUrl,
        problems,
      ),
      authorityHost: readEndpoint(env, 'BOT_AUTHORITY_HOST', 'https://login.microsoftonline.com', problems),
      tokenServiceUrl: readEndpoint(env, 'BOT_TOKEN_SERVICE_URL', 'https://api.botframework.com', problems),
      timeoutMs: readInteger(env, 'BOT_AUTH_TIMEOUT_MS', 5_000, 100, 60_000, problems),
    },
  };
  if (!BOT_TYPES.includes(bot.type)) {
    problems.push(`BOT_TYPE is "${printable(bot.type)}": use SingleTenant, UserAssignedMSI or MultiTenant.`);
  }
  if (bot.type === 'UserAssignedMSI') {
    // https://learn.microsoft.com/azure/bot-service/bot-builder-authentication?view=azure-bot-service-4.0#bot-identity-information
    if (!botId) problems.push('BOT_TYPE is UserAssignedMSI but BOT_ID is empty: set it to the client id of the managed identity.');
    if (!bot.tenantId) problems.push('BOT_TYPE is UserAssignedMSI but BOT_TENANT_ID is empty: set it to the tenant of the managed identity.');
    if (bot.password) problems.push('BOT_TYPE is UserAssignedMSI: leave BOT_PASSWORD empty (a managed identity has no secret).');
  } else if (botId && !bot.password) {
    problems.push('BOT_PASSWORD is empty: set it to the client secret of the bot registration BOT_ID.');
  }
  if (botId) requireGuid(problems, 'BOT_ID', botId, 'the Microsoft App ID of the Azure Bot');
  if (bot.tenantId) requireGuid(problems, 'BOT_TENANT_ID', bot.tenantId, 'the tenant of the bot');

  const tenantId = value(env, 'TENANT_ID') ?? '';
  if (!tenantId) {
    problems.push('TENANT_ID is empty: set it to the Directory (tenant) ID of your Microsoft 365 tenant.');
  } else {
    requireGuid(problems, 'TENANT_ID', tenantId, 'the Directory (tenant) ID');
  }

  const inspector = {
    clientId: value(env, 'GRAPH_CLIENT_ID') ?? botId,
    clientSecret: value(env, 'GRAPH_CLIENT_SECRET') ?? bot.password,
  };
  if (!inspector.clientId) {
    problems.push(
      `GRAPH_CLIENT_ID is empty (and no BOT_ID to fall back on): set it to an app registration in your tenant that holds ${INSPECTOR_PERMISSIONS_TEXT}.`,
    );
  } else {
    requireGuid(problems, 'GRAPH_CLIENT_ID', inspector.clientId, 'the inspector app registration');
  }
  if (!inspector.clientSecret) {
    problems.push('GRAPH_CLIENT_SECRET is empty (and no BOT_PASSWORD): set it to the inspector app’s client secret value.');
  }

  const appId = value(env, 'PCEMAIL_APP_ID');
  if (appId) requireGuid(problems, 'PCEMAIL_APP_ID', appId, 'the Application (client) ID of PCEmail');
  const mailboxes = list(env, 'PCEMAIL_MAILBOXES');
  for (const mailbox of mailboxes) {
    if (!looksLikeMailbox(mailbox)) {
      problems.push(`PCEMAIL_MAILBOXES has "${printable(mailbox)}", which is not a mailbox address: use name@domain, separated by commas.`);
    }
  }
  const outOfScopeMailbox = value(env, 'PCEMAIL_OUT_OF_SCOPE_MAILBOX');
  if (outOfScopeMailbox && !looksLikeMailbox(outOfScopeMailbox)) {
    problems.push(`PCEMAIL_OUT_OF_SCOPE_MAILBOX is "${printable(outOfScopeMailbox)}", which is not a mailbox address.`);
  }
  const pcemail: PcemailSettings = {
    appId,
    appName: value(env, 'PCEMAIL_APP_NAME') ?? 'PCEmail',
    clientSecret: value(env, 'PCEMAIL_CLIENT_SECRET'),
    mailboxes,
    outOfScopeMailbox,
    restrictionModel: readRestrictionModel(env, problems),
  };

  const endpoints = {
    graph: readEndpoint(env, 'GRAPH_ENDPOINT', 'https://graph.microsoft.com', problems),
    authority: readEndpoint(env, 'AUTHORITY_HOST', 'https://login.microsoftonline.com', problems),
  };
  checkSameCloud(endpoints, problems);

  const approvers = list(env, 'APPROVERS');
  for (const approver of approvers) {
    requireGuid(problems, 'APPROVERS', approver, 'an Entra object id of an approver');
  }

  const consentMode = value(env, 'CONSENT_MODE') ?? 'link';
  if (consentMode !== 'grant' && consentMode !== 'link' && consentMode !== 'delegated') {
    problems.push(`CONSENT_MODE is "${printable(consentMode)}": use delegated, grant or link.`);
  }
  const sso = readSsoSettings(env, botId || inspector.clientId, bot.password || inspector.clientSecret, problems);
  const consentRequestTtlDays = readInteger(env, 'CONSENT_REQUEST_TTL_DAYS', 7, 1, 90, problems);
  const consentRecheckSchedule = readCronSetting(env, 'CONSENT_RECHECK_SCHEDULE', '*/5 * * * *', problems);

  const expiryReminderDays = readDayList(env, problems);

  const jobsKey = value(env, 'JOBS_KEY');
  if (jobsKey !== undefined && jobsKey.length < 16) {
    problems.push('JOBS_KEY is shorter than 16 characters: use a long random value (e.g. openssl rand -hex 32).');
  }

  const store = value(env, 'STATE_STORE') ?? 'file';
  if (store !== 'file' && store !== 'blob') {
    problems.push(`STATE_STORE is "${printable(store)}": use file or blob.`);
  }
  const connectionString = value(env, 'AZURE_STORAGE_CONNECTION_STRING');
  const accountUrl = value(env, 'AZURE_STORAGE_ACCOUNT_URL');
  if (accountUrl !== undefined && !isAllowedEndpoint(accountUrl)) {
    problems.push(`AZURE_STORAGE_ACCOUNT_URL is "${printable(accountUrl)}": use the account's https:// blob endpoint, e.g. https://<account>.blob.core.windows.net.`);
  }
  if (accountUrl !== undefined && connectionString !== undefined) {
    problems.push('AZURE_STORAGE_ACCOUNT_URL and AZURE_STORAGE_CONNECTION_STRING are both set: keep one (the URL uses the managed identity, no key).');
  }
  if (store === 'blob' && !connectionString && !accountUrl) {
    problems.push('STATE_STORE is blob but AZURE_STORAGE_CONNECTION_STRING is empty and so is AZURE_STORAGE_ACCOUNT_URL: set the account URL (managed identity, no key) or a connection string.');
  }
  const managedIdentityClientId = value(env, 'AZURE_CLIENT_ID');
  if (managedIdentityClientId) requireGuid(problems, 'AZURE_CLIENT_ID', managedIdentityClientId, 'the client id of the user-assigned managed identity');

  const allowedTenants = list(env, 'ALLOWED_TENANTS');
  for (const tenant of allowedTenants) requireGuid(problems, 'ALLOWED_TENANTS', tenant, 'a tenant id');

  const graphPolicy: GraphPolicy = {
    timeoutMs: readInteger(env, 'GRAPH_TIMEOUT_MS', 10_000, 100, 120_000, problems),
    maxRetries: readInteger(env, 'GRAPH_MAX_RETRIES', 3, 0, 10, problems),
    retryAfterCapSeconds: readInteger(env, 'GRAPH_RETRY_AFTER_CAP_SECONDS', 30, 0, 300, problems),
  };

  const http: HttpSettings = {
    maxBodyBytes: readInteger(env, 'MAX_BODY_BYTES', 256 * 1024, 1024, 4 * 1024 * 1024, problems),
    shutdownGraceMs: readInteger(env, 'SHUTDOWN_GRACE_MS', 20_000, 0, 300_000, problems),
  };

  const notifications = readNotificationSettings(env, problems);
  const inbound = readInboundSettings(env, { botId, tenantId, simulated, serves: options.serves !== false }, problems);
  if ((consentMode === 'grant' || consentMode === 'delegated') && !appId) {
    problems.push(
      `CONSENT_MODE is ${consentMode} but PCEMAIL_APP_ID is empty: set PCEMAIL_APP_ID to the Application (client) ID of PCEmail, so a grant never goes to an app found by its display name.`,
    );
  }
  const rotation = readRotationSettings(env, problems);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      port,
      logLevel: value(env, 'LOG_LEVEL') ?? 'info',
      bot,
      tenant: { id: tenantId, mode: simulated ? 'simulated' : 'live' },
      inspector,
      pcemail,
      endpoints,
      approvers: approvers.length === 0 && simulated ? [...PLAYGROUND_USER_AAD_IDS] : approvers,
      consentMode: consentMode as 'grant' | 'link' | 'delegated',
      sso,
      consentRequestTtlDays,
      consentRecheckSchedule,
      expiryReminderDays,
      jobsKey,
      state: {
        store: store as 'file' | 'blob',
        dir: value(env, 'STATE_DIR') ?? '.data',
        connectionString,
        accountUrl: accountUrl?.replace(/\/+$/, ''),
        managedIdentityClientId,
        container: value(env, 'STATE_CONTAINER') ?? 'pcemail-ops',
      },
      allowedTenants:
        allowedTenants.length > 0
          ? allowedTenants
          : simulated
            ? [tenantId, PLAYGROUND_TENANT_ID]
            : [tenantId],
      simulatedScenario: value(env, 'SIMULATED_SCENARIO') ?? 'demo',
      graphPolicy,
      http,
      notifications,
      inbound,
      rotation,
    },
  };
}

/**
 * INBOUND_AUTH and ALLOWED_SERVICE_URLS. A live tenant without BOT_ID would take unauthenticated
 * requests: that starts only with INBOUND_AUTH=off, and then (like simulated mode without BOT_ID)
 * listens on 127.0.0.1 only.
 */
function readInboundSettings(
  env: NodeJS.ProcessEnv,
  facts: { botId: string; tenantId: string; simulated: boolean; serves: boolean },
  problems: string[],
): InboundSettings {
  const setting = (value(env, 'INBOUND_AUTH') ?? 'on').toLowerCase();
  if (setting !== 'on' && setting !== 'off') {
    problems.push(`INBOUND_AUTH is "${printable(setting)}": use on (the default) or off (local runs only).`);
  }
  if (setting === 'off' && facts.botId) {
    problems.push('INBOUND_AUTH is off but BOT_ID is set: remove INBOUND_AUTH (Teams needs authentication on).');
  }
  if (!facts.botId && facts.tenantId && !facts.simulated && facts.serves && setting !== 'off') {
    problems.push(
      'BOT_ID is empty: set it to the Microsoft App ID of the Azure Bot, so only Teams can reach the bot. (For a run on this machine only, INBOUND_AUTH=off listens on 127.0.0.1 without authentication.)',
    );
  }
  const auth = facts.botId !== '';
  const configured = list(env, 'ALLOWED_SERVICE_URLS');
  for (const url of configured) {
    if (!isAllowedEndpoint(url)) {
      problems.push(
        `ALLOWED_SERVICE_URLS has "${printable(url)}": use https:// Bot Connector URLs (http:// only on 127.0.0.1, localhost or [::1]), separated by commas.`,
      );
    }
  }
  const defaults: string[] = auth ? [...TEAMS_SERVICE_URLS] : [...TEAMS_SERVICE_URLS, ...LOOPBACK_SERVICE_URLS];
  return {
    auth,
    listenHost: auth ? '0.0.0.0' : '127.0.0.1',
    allowedServiceUrls: configured.length > 0 ? configured : defaults,
  };
}

function readRotationSettings(env: NodeJS.ProcessEnv, problems: string[]): RotationSettings {
  const url = value(env, 'PCEMAIL_SECRET_KEYVAULT_URL');
  let keyVaultSecretUrl: string | undefined;
  if (url !== undefined) {
    // https://learn.microsoft.com/rest/api/keyvault/secrets/set-secret: {vault}/secrets/{name}
    const ok = /^https?:\/\/[^/\s]+\/secrets\/[0-9A-Za-z-]{1,127}\/?$/.test(url);
    if (!ok || (url.startsWith('http:') && !isAllowedEndpoint(url))) {
      problems.push(`PCEMAIL_SECRET_KEYVAULT_URL is "${printable(url)}": use https://<vault>.vault.azure.net/secrets/<name>.`);
    } else keyVaultSecretUrl = url.replace(/\/+$/, '');
  }
  return {
    secretMonths: readInteger(env, 'ROTATION_SECRET_MONTHS', 12, 1, 24, problems),
    quietHours: readInteger(env, 'ROTATION_QUIET_HOURS', 24, 1, 24 * 30, problems),
    ...(keyVaultSecretUrl ? { keyVaultSecretUrl } : {}),
  };
}

/** Values that must never be printed; the logger redacts them wherever they appear. */
/**
 * SSO_CLIENT_ID / SSO_CLIENT_SECRET default to the bot's own app (BOT_ID / BOT_PASSWORD, or the
 * inspector's when BOT_ID is empty): Teams SSO for a bot issues tokens for the bot's app id.
 */
function readSsoSettings(
  env: NodeJS.ProcessEnv,
  defaultId: string,
  defaultSecret: string,
  problems: string[],
): SsoSettings {
  const clientId = value(env, 'SSO_CLIENT_ID') ?? defaultId;
  if (value(env, 'SSO_CLIENT_ID')) requireGuid(problems, 'SSO_CLIENT_ID', clientId, 'the bot’s Entra app for single sign-on');
  const resource = value(env, 'SSO_RESOURCE') ?? `api://botid-${clientId}`;
  if (!/^api:\/\/\S+$/.test(resource)) {
    problems.push(`SSO_RESOURCE is "${printable(resource)}": use the Application ID URI of the bot's app, api://…/botid-{id}.`);
  }
  const connectionName = value(env, 'SSO_CONNECTION_NAME');
  return {
    clientId,
    clientSecret: value(env, 'SSO_CLIENT_SECRET') ?? defaultSecret,
    resource,
    ...(connectionName ? { connectionName } : {}),
  };
}

export function secretValues(env: NodeJS.ProcessEnv): string[] {
  return SECRET_VARIABLES.map((name) => value(env, name)).filter((v): v is string => !!v);
}

/** Only http:// on loopback; anything else must be https (DESIGN §3). */
export function isAllowedEndpoint(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function value(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  return trimmed === '' ? undefined : trimmed;
}

function list(env: NodeJS.ProcessEnv, name: string): string[] {
  return (value(env, name) ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function requireGuid(problems: string[], name: string, raw: string, meaning: string): void {
  if (!isGuid(raw)) {
    problems.push(`${name} "${printable(raw)}" is not a valid GUID (${describeGuidProblem(raw)}): set it to ${meaning}.`);
  }
}

function readInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    problems.push(`${name} is "${printable(raw)}": use a whole number from ${min} to ${max}.`);
    return fallback;
  }
  return parsed;
}

function readEndpoint(env: NodeJS.ProcessEnv, name: string, fallback: string, problems: string[]): string {
  const raw = value(env, name) ?? fallback;
  if (!isAllowedEndpoint(raw)) {
    problems.push(
      `${name} is "${printable(raw)}": use an https:// URL (http:// only for 127.0.0.1, localhost or [::1]), without query or credentials.`,
    );
  }
  return raw.replace(/\/+$/, '');
}

function readDayList(env: NodeJS.ProcessEnv, problems: string[]): number[] {
  const raw = list(env, 'EXPIRY_REMINDER_DAYS');
  if (raw.length === 0) return DEFAULT_REMINDER_DAYS;
  const days = raw.map(Number);
  if (days.some((d) => !Number.isInteger(d) || d < 0 || d > 365)) {
    problems.push('EXPIRY_REMINDER_DAYS must be whole numbers of days from 0 to 365, separated by commas (e.g. 30,14,7,3,1,0).');
    return DEFAULT_REMINDER_DAYS;
  }
  return [...new Set(days)].sort((a, b) => b - a);
}

const DEFAULT_SCHEDULES = {
  SECRET_EXPIRY_SCHEDULE: '0 * * * *',
  INGESTION_SCHEDULE: '*/15 * * * *',
  INGESTION_DIGEST_SCHEDULE: '0 8 * * *',
} as const;

function readNotificationSettings(env: NodeJS.ProcessEnv, problems: string[]): NotificationSettings {
  const watchedAppIds = list(env, 'WATCHED_APP_IDS');
  for (const appId of watchedAppIds) {
    requireGuid(problems, 'WATCHED_APP_IDS', appId, 'the Application (client) ID of an app registration to watch');
  }
  const scheduleTimezone = value(env, 'SCHEDULE_TIMEZONE') ?? DEFAULT_SCHEDULE_TIMEZONE;
  const timezoneProblem = describeTimezoneProblem(scheduleTimezone);
  if (timezoneProblem) {
    problems.push(`SCHEDULE_TIMEZONE is "${printable(scheduleTimezone)}": ${timezoneProblem}; use an IANA name such as UTC or Europe/Prague.`);
  }
  const schedule = (name: keyof typeof DEFAULT_SCHEDULES): string | undefined => {
    const raw = value(env, name) ?? DEFAULT_SCHEDULES[name];
    if (raw.toLowerCase() === 'off') return undefined;
    const problem = describeScheduleProblem(raw);
    if (problem) {
      problems.push(`${name} is "${printable(raw)}": ${problem}; use a cron expression such as "${DEFAULT_SCHEDULES[name]}", or off.`);
    }
    return raw;
  };
  return {
    watchedAppIds,
    secretExpirySchedule: schedule('SECRET_EXPIRY_SCHEDULE'),
    ingestionSchedule: schedule('INGESTION_SCHEDULE'),
    ingestionDigestSchedule: schedule('INGESTION_DIGEST_SCHEDULE'),
    scheduleTimezone,
    ingestionBacklogMinutes: readInteger(env, 'INGESTION_BACKLOG_MINUTES', 60, 1, 10_080, problems),
    ingestionBatchesInFlight: readInteger(env, 'INGESTION_BATCHES_IN_FLIGHT', 4, 1, 16, problems),
    sendRetryAfterCapSeconds: readInteger(env, 'NOTIFY_RETRY_AFTER_CAP_SECONDS', 60, 0, 600, problems),
    sendMaxAttempts: readInteger(env, 'NOTIFY_MAX_ATTEMPTS', 5, 1, 10, problems),
  };
}

/** A cron expression setting with a default; `off` turns the in-process schedule off. */
function readCronSetting(env: NodeJS.ProcessEnv, name: string, fallback: string, problems: string[]): string | undefined {
  const raw = value(env, name) ?? fallback;
  if (raw.toLowerCase() === 'off') return undefined;
  const problem = describeScheduleProblem(raw);
  if (problem) {
    problems.push(`${name} is "${printable(raw)}": ${problem}; use a cron expression such as "${fallback}", or off.`);
  }
  return raw;
}

/** RESTRICTION_MODEL = auto (default) | access-policy | rbac. */
function readRestrictionModel(env: NodeJS.ProcessEnv, problems: string[]): RestrictionSetting {
  const raw = (value(env, 'RESTRICTION_MODEL') ?? 'auto').toLowerCase();
  const known = RESTRICTION_SETTINGS.find((s) => s === raw);
  if (known === undefined) {
    problems.push(`RESTRICTION_MODEL is "${printable(raw)}": use auto, access-policy or rbac.`);
    return 'auto';
  }
  return known;
}

/** GRAPH_ENDPOINT and AUTHORITY_HOST must be the same Microsoft cloud (loopback stand-ins are not judged). */
function checkSameCloud(endpoints: { graph: string; authority: string }, problems: string[]): void {
  const mismatch = describeCloudMismatch(endpoints.graph, endpoints.authority);
  if (mismatch) problems.push(mismatch);
}

function looksLikeMailbox(address: string): boolean {
  // Exchange allows ' and # in local parts; whitespace, control characters and a second @ never.
  return /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(address) && address.length <= 320;
}

/** Echoes a bad value safely: no control characters, bounded length. */
function printable(raw: string): string {
  const clean = raw.replace(/\p{Cc}/gu, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}
