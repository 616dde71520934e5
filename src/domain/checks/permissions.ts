import { GRAPH_APP_ID } from '../graph-permissions';
import { describePermission } from '../permission-catalog';
import type { PermissionType } from '../well-known-graph-permissions';
import { listWords, type JudgeContext } from './judge-context';
import { fail, pass, type Verdict } from './verdict';

/** A Microsoft Graph permission, resolved to its name where the catalog knows the id. */
export interface GraphPermissionRef {
  id: string;
  type: PermissionType;
  name?: string;
}

const API_PERMISSIONS = 'Entra admin center → App registrations → PCEmail → API permissions';

/** What PCEmail asks of Microsoft Graph in `requiredResourceAccess`; other APIs' entries do not count. */
export function requestedGraphPermissions({ app, catalog }: JudgeContext): GraphPermissionRef[] {
  return app.requiredResourceAccess
    .filter((r) => r.resourceAppId.toLowerCase() === GRAPH_APP_ID)
    .flatMap((r) =>
      r.resourceAccess.map((a) => ({ id: a.id, type: a.type, name: catalog.nameOf(a.id, a.type) })),
    );
}

export function isRequested(
  requested: readonly GraphPermissionRef[],
  name: string,
  type: PermissionType,
): boolean {
  return requested.some((p) => p.type === type && p.name?.toLowerCase() === name.toLowerCase());
}

export function describeRef(p: GraphPermissionRef): string {
  return describePermission(p.name, p.id, p.type);
}

/** The portal path that adds one Graph permission, in the admin's words. */
function addPermissionPath(name: string, type: PermissionType): string {
  const kind = type === 'Role' ? 'Application permissions' : 'Delegated permissions';
  return `${API_PERMISSIONS} → Add a permission → Microsoft Graph → ${kind} → ${name}, then Grant admin consent`;
}

/** `permission.user-read`: Graph User.Read requested as a delegated permission (Scope). */
export function judgeUserReadPermission(ctx: JudgeContext): Verdict {
  const requested = requestedGraphPermissions(ctx);
  if (isRequested(requested, 'User.Read', 'Scope')) {
    return pass(
      'User.Read (delegated) requested',
      'Microsoft Graph User.Read is requested as a delegated permission.',
    );
  }
  return fail(
    'User.Read (delegated) not requested',
    `Microsoft Graph User.Read (delegated) is not among PCEmail's API permissions. ${requestedText(requested)}`,
    `${addPermissionPath('User.Read', 'Scope')}.`,
  );
}

/** `permission.mail-readwrite` / `permission.mail-send`: requested as an application permission (Role). */
export function judgeMailPermission(
  ctx: JudgeContext,
  name: 'Mail.ReadWrite' | 'Mail.Send',
): Verdict {
  const requested = requestedGraphPermissions(ctx);
  if (isRequested(requested, name, 'Role')) {
    return pass(
      `${name} (application) requested`,
      `Microsoft Graph ${name} is requested as an application permission.`,
    );
  }
  if (isRequested(requested, name, 'Scope')) {
    return fail(
      `${name} requested as delegated only`,
      `${name} is requested as delegated, PCEmail needs the application permission: it works without a ` +
        `signed-in user. ${requestedText(requested)}`,
      `${addPermissionPath(name, 'Role')}. Then remove the delegated ${name} (its "…" menu → Remove permission).`,
    );
  }
  return fail(
    `${name} (application) not requested`,
    `Microsoft Graph ${name} (application) is not among PCEmail's API permissions. ${requestedText(requested)}`,
    `${addPermissionPath(name, 'Role')}.`,
  );
}

function requestedText(requested: readonly GraphPermissionRef[]): string {
  return requested.length === 0
    ? 'PCEmail requests nothing from Microsoft Graph.'
    : `Requested from Microsoft Graph: ${listWords(requested.map(describeRef))}.`;
}
