import type { RestrictionSetting } from '../domain';

/** Everything the product reads from its environment, validated; nothing else reads the environment. */
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

/** Secret-expiry reminders, mailbox-ingestion status and how they are sent. */
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
