import {
  appRoleAssignmentsOf,
  graphServicePrincipalBlocker,
  permissionGrantsOf,
  scopeWords,
} from './grants';
import { plural, type JudgeContext } from './judge-context';
import { isRequested, requestedGraphPermissions } from './permissions';
import { fail, pass, skip, type Verdict } from './verdict';

const GRANT_CONSENT =
  'Entra admin center → App registrations → PCEmail → API permissions → Grant admin consent for your ' +
  'organization (only a Privileged Role Administrator or Global Administrator can consent to Graph ' +
  'application permissions)';

/** `consent.user-read`: an organization-wide (AllPrincipals) grant to Graph includes User.Read. */
export function judgeUserReadConsent(ctx: JudgeContext): Verdict {
  const grants = permissionGrantsOf(ctx);
  if (!grants.ok) return skip('consent.user-read', grants.blocker);
  const graphSpId = ctx.catalog.graphSpId;
  // Other APIs offer a "User.Read" too, so a grant only counts when its resource is Graph's own SP.
  if (graphSpId === undefined) return skip('consent.user-read', graphServicePrincipalBlocker(ctx));
  const userRead = grants.value.filter(
    (g) => g.resourceId === graphSpId && scopeWords(g).some((w) => w.toLowerCase() === 'user.read'),
  );
  if (userRead.some((g) => g.consentType === 'AllPrincipals')) {
    return pass(
      'Admin consent granted for User.Read',
      'An organization-wide (AllPrincipals) grant to Microsoft Graph includes User.Read.',
    );
  }
  const byUsers = userRead.filter((g) => g.consentType === 'Principal').length;
  return fail(
    'No admin consent for User.Read',
    byUsers > 0
      ? `Only ${plural(byUsers, 'user')} consented to User.Read for themselves; there is no ` +
          'organization-wide (AllPrincipals) grant to Microsoft Graph.'
      : 'No organization-wide (AllPrincipals) grant to Microsoft Graph includes User.Read.',
    `${firstRequest(ctx, 'User.Read', 'Scope', 'permission.user-read')}${GRANT_CONSENT}.`,
  );
}

/** `consent.mail-readwrite` / `consent.mail-send`: an app role assignment to Graph for the role. */
export function judgeMailConsent(ctx: JudgeContext, name: 'Mail.ReadWrite' | 'Mail.Send'): Verdict {
  const id = name === 'Mail.ReadWrite' ? 'consent.mail-readwrite' : 'consent.mail-send';
  const assignments = appRoleAssignmentsOf(ctx);
  if (!assignments.ok) return skip(id, assignments.blocker);
  const roleId = ctx.catalog.idOf(name, 'Role');
  const graphSpId = ctx.catalog.graphSpId;
  // Role ids are GUIDs unique across APIs, so without Graph's SP the id alone still identifies the role.
  const granted = assignments.value.some(
    (a) =>
      a.appRoleId.toLowerCase() === roleId &&
      (graphSpId === undefined || a.resourceId === graphSpId),
  );
  if (ctx.restriction === 'rbac') return judgeMailConsentUnderRbac(ctx, name, granted);
  if (granted) {
    return pass(
      `Admin consent granted for ${name}`,
      `PCEmail holds the Microsoft Graph application permission ${name}.`,
    );
  }
  const permissionCheck =
    name === 'Mail.ReadWrite' ? 'permission.mail-readwrite' : 'permission.mail-send';
  return fail(
    `No admin consent for ${name}`,
    `PCEmail's service principal has no app role assignment for Microsoft Graph ${name} (application): ` +
      'the permission is not granted.',
    `${firstRequest(ctx, name, 'Role', permissionCheck)}${GRANT_CONSENT}.`,
  );
}

/**
 * Under RBAC for Applications no Entra consent for Mail.* is the correct state: Exchange grants the
 * roles in the management scope. A consent that exists voids the scope (Entra and RBAC add up).
 */
function judgeMailConsentUnderRbac(
  ctx: JudgeContext,
  name: 'Mail.ReadWrite' | 'Mail.Send',
  granted: boolean,
): Verdict {
  const id = name === 'Mail.ReadWrite' ? 'consent.mail-readwrite' : 'consent.mail-send';
  if (granted) {
    return fail(
      `Tenant-wide consent for ${name} voids the RBAC scope`,
      `PCEmail holds the Microsoft Graph application permission ${name} consented in Entra. Entra and ` +
        'RBAC for Applications grants add up, so this consent reaches every mailbox in the organization.',
      `Revoke it: Entra admin center → Enterprise applications → PCEmail → Permissions → ${name} → ` +
        'Revoke permission. RBAC for Applications then grants it only in the management scope.',
    );
  }
  const readable = readableMailbox(ctx);
  if (readable === undefined) {
    return skip(id, {
      detail:
        `No Entra consent for ${name}, as RBAC for Applications requires; whether Exchange grants it ` +
        'could not be shown because none of PCEmail’s mailboxes was read',
      fix: `Fix mailbox.access first, then check again. ${verifyRbac(ctx)}`,
    });
  }
  if (name === 'Mail.ReadWrite') {
    return pass(
      'Mail.ReadWrite granted through RBAC for Applications',
      `No tenant-wide Entra consent, as RBAC requires; PCEmail read ${readable}, so Exchange grants ` +
        '"Application Mail.ReadWrite" in its management scope.',
    );
  }
  return pass(
    'No tenant-wide consent for Mail.Send, as RBAC for Applications requires',
    'Exchange grants "Application Mail.Send" in the management scope; sending cannot be proven without ' +
      `sending mail. ${verifyRbac(ctx)}`,
  );
}

function readableMailbox(ctx: JudgeContext): string | undefined {
  return ctx.snapshot.mailboxes?.find((probe) => probe.inbox.ok)?.address;
}

function verifyRbac(ctx: JudgeContext): string {
  const mailbox = ctx.settings.mailboxes[0] ?? '<mailbox>';
  const identity = ctx.snapshot.servicePrincipal?.ok
    ? (ctx.snapshot.servicePrincipal.value?.id ?? ctx.app.appId)
    : ctx.app.appId;
  return (
    `To verify, in Exchange Online PowerShell: Test-ServicePrincipalAuthorization -Identity ${identity} ` +
    `-Resource ${mailbox} (both roles should show InScope True).`
  );
}

function firstRequest(
  ctx: JudgeContext,
  name: string,
  type: 'Scope' | 'Role',
  check: string,
): string {
  if (isRequested(requestedGraphPermissions(ctx), name, type)) return '';
  const kind = type === 'Role' ? 'an application' : 'a delegated';
  return `First add ${name} as ${kind} permission (see ${check}). Then: `;
}
