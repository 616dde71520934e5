import { LOOPBACK_SERVICE_URLS, TEAMS_SERVICE_URLS } from '../domain';
import { describeCloudMismatch } from '../domain/cloud';
import { INSPECTOR_PERMISSIONS_TEXT } from '../domain/inspector-permissions';
import type { AppConfig, ConfigResult, InboundSettings, SsoSettings } from './app-config';
import { PLAYGROUND_TENANT_ID, PLAYGROUND_USER_AAD_IDS } from './defaults';
import { printable, requireGuid } from './parsers';
import { readSettings, type SettingValues } from './settings-table';

export interface ReadOptions {
  /** Set by the composition root after it started the simulator and merged its values. */
  simulated?: boolean;
  /** false: no server is started (the CLI). */
  serves?: boolean;
}

/**
 * Reads and validates the configuration; every problem is listed at once, each with its fix. First
 * each setting on its own (the table), then the rules that join several settings.
 */
export function readConfig(env: NodeJS.ProcessEnv, options: ReadOptions = {}): ConfigResult {
  const problems: string[] = [];
  const simulated = options.simulated === true;
  const s = readSettings(env, problems);

  checkBotIdentity(s, problems);
  const inspector = {
    clientId: s.GRAPH_CLIENT_ID ?? s.BOT_ID ?? '',
    clientSecret: s.GRAPH_CLIENT_SECRET ?? s.BOT_PASSWORD ?? '',
  };
  if (!inspector.clientId) {
    problems.push(
      `GRAPH_CLIENT_ID is empty (and no BOT_ID to fall back on): set it to an app registration in your tenant that holds ${INSPECTOR_PERMISSIONS_TEXT}.`,
    );
  } else {
    requireGuid(problems, 'GRAPH_CLIENT_ID', inspector.clientId, 'the inspector app registration');
  }
  if (!inspector.clientSecret) {
    problems.push(
      'GRAPH_CLIENT_SECRET is empty (and no BOT_PASSWORD): set it to the inspector app’s client secret value.',
    );
  }
  // GRAPH_ENDPOINT and AUTHORITY_HOST must be the same Microsoft cloud (loopback stand-ins are not judged).
  const mismatch = describeCloudMismatch(s.GRAPH_ENDPOINT, s.AUTHORITY_HOST);
  if (mismatch) problems.push(mismatch);
  const sso = readSso(s, inspector, problems);
  checkStateStore(s, problems);
  const inbound = readInbound(s, { simulated, serves: options.serves !== false }, problems);
  if ((s.CONSENT_MODE === 'grant' || s.CONSENT_MODE === 'delegated') && !s.PCEMAIL_APP_ID) {
    problems.push(
      `CONSENT_MODE is ${s.CONSENT_MODE} but PCEMAIL_APP_ID is empty: set PCEMAIL_APP_ID to the Application (client) ID of PCEmail, so a grant never goes to an app found by its display name.`,
    );
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: assemble(s, { simulated, inspector, sso, inbound }) };
}

function assemble(
  s: SettingValues,
  parts: Pick<AppConfig, 'inspector' | 'sso' | 'inbound'> & { simulated: boolean },
): AppConfig {
  const tenantId = s.TENANT_ID;
  return {
    port: s.PORT,
    logLevel: s.LOG_LEVEL,
    bot: {
      id: s.BOT_ID ?? '',
      password: s.BOT_PASSWORD ?? '',
      type: s.BOT_TYPE,
      tenantId: s.BOT_TENANT_ID ?? '',
      localMode: !s.BOT_ID,
      auth: {
        openIdMetadataUrl: s.BOT_OPENID_METADATA_URL,
        tokenIssuer: s.BOT_TOKEN_ISSUER,
        emulatorOpenIdMetadataUrl: s.BOT_EMULATOR_OPENID_METADATA_URL,
        authorityHost: s.BOT_AUTHORITY_HOST,
        tokenServiceUrl: s.BOT_TOKEN_SERVICE_URL,
        timeoutMs: s.BOT_AUTH_TIMEOUT_MS,
      },
    },
    tenant: { id: tenantId, mode: parts.simulated ? 'simulated' : 'live' },
    inspector: parts.inspector,
    pcemail: {
      appId: s.PCEMAIL_APP_ID,
      appName: s.PCEMAIL_APP_NAME,
      clientSecret: s.PCEMAIL_CLIENT_SECRET,
      mailboxes: s.PCEMAIL_MAILBOXES,
      outOfScopeMailbox: s.PCEMAIL_OUT_OF_SCOPE_MAILBOX,
      restrictionModel: s.RESTRICTION_MODEL,
    },
    endpoints: { graph: s.GRAPH_ENDPOINT, authority: s.AUTHORITY_HOST },
    approvers:
      s.APPROVERS.length === 0 && parts.simulated ? [...PLAYGROUND_USER_AAD_IDS] : s.APPROVERS,
    consentMode: s.CONSENT_MODE,
    sso: parts.sso,
    consentRequestTtlDays: s.CONSENT_REQUEST_TTL_DAYS,
    consentRecheckSchedule: s.CONSENT_RECHECK_SCHEDULE,
    expiryReminderDays: s.EXPIRY_REMINDER_DAYS,
    jobsKey: s.JOBS_KEY,
    state: {
      store: s.STATE_STORE,
      dir: s.STATE_DIR,
      connectionString: s.AZURE_STORAGE_CONNECTION_STRING,
      accountUrl: s.AZURE_STORAGE_ACCOUNT_URL?.replace(/\/+$/, ''),
      managedIdentityClientId: s.AZURE_CLIENT_ID,
      container: s.STATE_CONTAINER,
    },
    allowedTenants:
      s.ALLOWED_TENANTS.length > 0
        ? s.ALLOWED_TENANTS
        : parts.simulated
          ? [tenantId, PLAYGROUND_TENANT_ID]
          : [tenantId],
    simulatedScenario: s.SIMULATED_SCENARIO,
    graphPolicy: {
      timeoutMs: s.GRAPH_TIMEOUT_MS,
      maxRetries: s.GRAPH_MAX_RETRIES,
      retryAfterCapSeconds: s.GRAPH_RETRY_AFTER_CAP_SECONDS,
    },
    http: { maxBodyBytes: s.MAX_BODY_BYTES, shutdownGraceMs: s.SHUTDOWN_GRACE_MS },
    notifications: {
      watchedAppIds: s.WATCHED_APP_IDS,
      secretExpirySchedule: s.SECRET_EXPIRY_SCHEDULE,
      ingestionSchedule: s.INGESTION_SCHEDULE,
      ingestionDigestSchedule: s.INGESTION_DIGEST_SCHEDULE,
      scheduleTimezone: s.SCHEDULE_TIMEZONE,
      ingestionBacklogMinutes: s.INGESTION_BACKLOG_MINUTES,
      ingestionBatchesInFlight: s.INGESTION_BATCHES_IN_FLIGHT,
      sendRetryAfterCapSeconds: s.NOTIFY_RETRY_AFTER_CAP_SECONDS,
      sendMaxAttempts: s.NOTIFY_MAX_ATTEMPTS,
    },
    inbound: parts.inbound,
    rotation: {
      secretMonths: s.ROTATION_SECRET_MONTHS,
      quietHours: s.ROTATION_QUIET_HOURS,
      ...(s.PCEMAIL_SECRET_KEYVAULT_URL
        ? { keyVaultSecretUrl: s.PCEMAIL_SECRET_KEYVAULT_URL }
        : {}),
    },
  };
}

/** BOT_TYPE against BOT_ID, BOT_PASSWORD and BOT_TENANT_ID. */
function checkBotIdentity(s: SettingValues, problems: string[]): void {
  if (s.BOT_TYPE === 'UserAssignedMSI') {
    // https://learn.microsoft.com/azure/bot-service/bot-builder-authentication?view=azure-bot-service-4.0#bot-identity-information
    if (!s.BOT_ID) {
      problems.push(
        'BOT_TYPE is UserAssignedMSI but BOT_ID is empty: set it to the client id of the managed identity.',
      );
    }
    if (!s.BOT_TENANT_ID) {
      problems.push(
        'BOT_TYPE is UserAssignedMSI but BOT_TENANT_ID is empty: set it to the tenant of the managed identity.',
      );
    }
    if (s.BOT_PASSWORD) {
      problems.push(
        'BOT_TYPE is UserAssignedMSI: leave BOT_PASSWORD empty (a managed identity has no secret).',
      );
    }
  } else if (s.BOT_ID && !s.BOT_PASSWORD) {
    problems.push(
      'BOT_PASSWORD is empty: set it to the client secret of the bot registration BOT_ID.',
    );
  }
}

/**
 * SSO_CLIENT_ID / SSO_CLIENT_SECRET default to the bot's own app (BOT_ID / BOT_PASSWORD, or the
 * inspector's when BOT_ID is empty): Teams SSO for a bot issues tokens for the bot's app id.
 */
function readSso(
  s: SettingValues,
  inspector: AppConfig['inspector'],
  problems: string[],
): SsoSettings {
  const clientId = s.SSO_CLIENT_ID ?? (s.BOT_ID || inspector.clientId);
  const resource = s.SSO_RESOURCE ?? `api://botid-${clientId}`;
  if (!/^api:\/\/\S+$/.test(resource)) {
    problems.push(
      `SSO_RESOURCE is "${printable(resource)}": use the Application ID URI of the bot's app, api://…/botid-{id}.`,
    );
  }
  return {
    clientId,
    clientSecret: s.SSO_CLIENT_SECRET ?? (s.BOT_PASSWORD || inspector.clientSecret),
    resource,
    ...(s.SSO_CONNECTION_NAME ? { connectionName: s.SSO_CONNECTION_NAME } : {}),
  };
}

/** The blob store needs exactly one way in: the account URL (managed identity) or a connection string. */
function checkStateStore(s: SettingValues, problems: string[]): void {
  const url = s.AZURE_STORAGE_ACCOUNT_URL;
  const connectionString = s.AZURE_STORAGE_CONNECTION_STRING;
  if (url !== undefined && connectionString !== undefined) {
    problems.push(
      'AZURE_STORAGE_ACCOUNT_URL and AZURE_STORAGE_CONNECTION_STRING are both set: keep one (the URL uses the managed identity, no key).',
    );
  }
  if (s.STATE_STORE === 'blob' && !connectionString && !url) {
    problems.push(
      'STATE_STORE is blob but AZURE_STORAGE_CONNECTION_STRING is empty and so is AZURE_STORAGE_ACCOUNT_URL: set the account URL (managed identity, no key) or a connection string.',
    );
  }
}

/**
 * INBOUND_AUTH and ALLOWED_SERVICE_URLS. A live tenant without BOT_ID would take unauthenticated
 * requests: that starts only with INBOUND_AUTH=off, and then (like simulated mode without BOT_ID)
 * listens on 127.0.0.1 only.
 */
function readInbound(
  s: SettingValues,
  facts: { simulated: boolean; serves: boolean },
  problems: string[],
): InboundSettings {
  const botId = s.BOT_ID ?? '';
  if (s.INBOUND_AUTH === 'off' && botId) {
    problems.push(
      'INBOUND_AUTH is off but BOT_ID is set: remove INBOUND_AUTH (Teams needs authentication on).',
    );
  }
  if (!botId && s.TENANT_ID && !facts.simulated && facts.serves && s.INBOUND_AUTH !== 'off') {
    problems.push(
      'BOT_ID is empty: set it to the Microsoft App ID of the Azure Bot, so only Teams can reach the bot. (For a run on this machine only, INBOUND_AUTH=off listens on 127.0.0.1 without authentication.)',
    );
  }
  const auth = botId !== '';
  const defaults: string[] = auth
    ? [...TEAMS_SERVICE_URLS]
    : [...TEAMS_SERVICE_URLS, ...LOOPBACK_SERVICE_URLS];
  return {
    auth,
    listenHost: auth ? '0.0.0.0' : '127.0.0.1',
    allowedServiceUrls: s.ALLOWED_SERVICE_URLS.length > 0 ? s.ALLOWED_SERVICE_URLS : defaults,
  };
}
