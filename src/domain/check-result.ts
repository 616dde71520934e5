import type { RestrictionModel } from './restriction-model';
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export const CHECK_IDS = [
  'app.registered',
  'app.single-tenant',
  'app.service-principal',
  'secret.present',
  'secret.expiry',
  'secret.works',
  'permission.user-read',
  'permission.mail-readwrite',
  'permission.mail-send',
  'permission.least-privilege',
  'consent.user-read',
  'consent.mail-readwrite',
  'consent.mail-send',
  'token.roles',
  'mailbox.access',
  'mailbox.restricted',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export type CheckGroup = 'Registration' | 'Secret' | 'Permissions' | 'Consent' | 'Mailboxes';

/** Where each check sits on the card; `token.roles` is "what the token really carries". */
export const CHECK_GROUP: Record<CheckId, CheckGroup> = {
  'app.registered': 'Registration',
  'app.single-tenant': 'Registration',
  'app.service-principal': 'Registration',
  'secret.present': 'Secret',
  'secret.expiry': 'Secret',
  'secret.works': 'Secret',
  'permission.user-read': 'Permissions',
  'permission.mail-readwrite': 'Permissions',
  'permission.mail-send': 'Permissions',
  'permission.least-privilege': 'Permissions',
  'consent.user-read': 'Consent',
  'consent.mail-readwrite': 'Consent',
  'consent.mail-send': 'Consent',
  'token.roles': 'Consent',
  'mailbox.access': 'Mailboxes',
  'mailbox.restricted': 'Mailboxes',
};

export const CHECK_GROUPS: readonly CheckGroup[] = [
  'Registration',
  'Secret',
  'Permissions',
  'Consent',
  'Mailboxes',
];

export interface CheckResult {
  id: CheckId;
  /** The mailbox address, on mailbox rows only. */
  target?: string;
  status: CheckStatus;
  /** One line. */
  title: string;
  detail: string;
  /** The fix in the admin's words; present exactly when status is not `pass`. */
  fix?: string;
}

export interface Diagnosis {
  tenant: { id: string; mode: 'live' | 'simulated' };
  checkedAt: string;
  checks: CheckResult[];
  /** What the checks found about the registration, as data (the setup summary and scripts use it). */
  facts?: RegistrationFacts;
  /** The restriction model the checks judged by (configured, or inferred from the evidence). */
  restriction?: RestrictionModel;
}

/** Facts read from the tenant about the one PCEmail registration (none when it was not found). */
export interface RegistrationFacts {
  appId?: string;
  /** Object id of PCEmail's enterprise application (service principal), when it exists. */
  servicePrincipalId?: string;
  credentials: CredentialSummary[];
}

/** A client secret or certificate as Entra describes it: never its value. */
export interface CredentialSummary {
  kind: 'secret' | 'certificate';
  /** Its description in Entra, or its key ID. */
  name: string;
  /** The first characters of a secret's value, as Entra shows them. */
  hint?: string;
  /** "2026-12-31", or undefined when Entra reports none. */
  expires?: string;
}

export interface DiagnosisSummary {
  passed: number;
  warnings: number;
  failed: number;
  skipped: number;
}

export function summarise(checks: readonly CheckResult[]): DiagnosisSummary {
  const count = (status: CheckStatus) => checks.filter((c) => c.status === status).length;
  return {
    passed: count('pass'),
    warnings: count('warn'),
    failed: count('fail'),
    skipped: count('skip'),
  };
}
