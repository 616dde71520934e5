import {
  CHECK_IDS,
  type CheckId,
  type CheckResult,
  type CredentialSummary,
  type Diagnosis,
  type RegistrationFacts,
} from './check-result';
import { judgeLeastPrivilege } from './checks/least-privilege';
import { judgeMailboxAccess, judgeMailboxRestricted, skippedMailboxRows } from './checks/mailboxes';
import { judgeMailConsent, judgeUserReadConsent } from './checks/consent';
import type { JudgeContext } from './checks/judge-context';
import { judgeMailPermission, judgeUserReadPermission } from './checks/permissions';
import {
  findPcemailApp,
  judgeAppRegistered,
  judgeServicePrincipal,
  judgeSingleTenant,
} from './checks/registration';
import { judgeSecretExpiry, judgeSecretPresent } from './checks/secret';
import { judgeSecretWorks } from './checks/secret-sign-in';
import { judgeTokenRoles } from './checks/token-roles';
import { skip, toResult, type Blocker, type Verdict } from './checks/verdict';
import { buildPermissionCatalog } from './permission-catalog';
import { restrictionModelOf } from './restriction-model';
import type { AppRegistration, SnapshotSettings, TenantSnapshot } from './tenant-snapshot';

type SingleRowCheck = Exclude<CheckId, 'app.registered' | 'mailbox.access'>;

/** The checks that judge the one PCEmail registration, one row each (mailbox.access has its own). */
const JUDGES: Record<SingleRowCheck, (ctx: JudgeContext) => Verdict> = {
  'app.single-tenant': judgeSingleTenant,
  'app.service-principal': judgeServicePrincipal,
  'secret.present': judgeSecretPresent,
  'secret.expiry': judgeSecretExpiry,
  'secret.works': judgeSecretWorks,
  'permission.user-read': judgeUserReadPermission,
  'permission.mail-readwrite': (ctx) => judgeMailPermission(ctx, 'Mail.ReadWrite'),
  'permission.mail-send': (ctx) => judgeMailPermission(ctx, 'Mail.Send'),
  'permission.least-privilege': judgeLeastPrivilege,
  'consent.user-read': judgeUserReadConsent,
  'consent.mail-readwrite': (ctx) => judgeMailConsent(ctx, 'Mail.ReadWrite'),
  'consent.mail-send': (ctx) => judgeMailConsent(ctx, 'Mail.Send'),
  'token.roles': judgeTokenRoles,
  'mailbox.restricted': judgeMailboxRestricted,
};

/**
 * Judges a tenant snapshot against the check catalogue (README, "The checks"): every check, in catalogue order, with
 * `mailbox.access` once per configured mailbox. Pure: the only clock is `snapshot.takenAt`.
 */
export function diagnose(snapshot: TenantSnapshot): Diagnosis {
  const app = findPcemailApp(snapshot);
  const later = CHECK_IDS.filter((id) => id !== 'app.registered');
  const rows = app.ok
    ? judgeAll(later, contextFor(snapshot, app.value))
    : skipAll(later, snapshot.settings, app.blocker);
  const checks = [toResult('app.registered', judgeAppRegistered(snapshot)), ...rows];
  const facts = app.ok ? registrationFacts(snapshot, app.value) : { credentials: [] };
  return {
    tenant: snapshot.tenant,
    checkedAt: snapshot.takenAt,
    checks,
    facts,
    restriction: restrictionModelOf(snapshot),
  };
}

function registrationFacts(snapshot: TenantSnapshot, app: AppRegistration): RegistrationFacts {
  const principal = snapshot.servicePrincipal?.ok ? snapshot.servicePrincipal.value : null;
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : undefined);
  const credentials: CredentialSummary[] = [
    ...app.passwordCredentials.map((c) => ({
      kind: 'secret' as const,
      name: c.displayName ?? c.keyId,
      ...(c.hint ? { hint: c.hint } : {}),
      ...(day(c.endDateTime) ? { expires: day(c.endDateTime) } : {}),
    })),
    ...app.keyCredentials.map((c) => ({
      kind: 'certificate' as const,
      name: c.displayName ?? c.keyId,
      ...(day(c.endDateTime) ? { expires: day(c.endDateTime) } : {}),
    })),
  ];
  return {
    appId: app.appId.toLowerCase(),
    ...(principal ? { servicePrincipalId: principal.id.toLowerCase() } : {}),
    credentials,
  };
}

function contextFor(snapshot: TenantSnapshot, app: AppRegistration): JudgeContext {
  return {
    snapshot,
    settings: snapshot.settings,
    app,
    now: Date.parse(snapshot.takenAt),
    catalog: buildPermissionCatalog(snapshot.graphServicePrincipal),
    restriction: restrictionModelOf(snapshot),
  };
}

function judgeAll(ids: readonly CheckId[], ctx: JudgeContext): CheckResult[] {
  return ids.flatMap((id) => {
    if (id === 'mailbox.access') return judgeMailboxAccess(ctx);
    if (id === 'app.registered') return [];
    return [toResult(id, JUDGES[id](ctx))];
  });
}

/** Without exactly one registration every later check skips, mailbox rows still one per mailbox. */
function skipAll(
  ids: readonly CheckId[],
  settings: SnapshotSettings,
  blocker: Blocker,
): CheckResult[] {
  return ids.flatMap((id) =>
    id === 'mailbox.access'
      ? skippedMailboxRows(settings, blocker)
      : [toResult(id, skip(id, blocker))],
  );
}
