import { REQUIRED_PERMISSIONS } from '../graph-permissions';
import { SIGN_IN_ONLY_SCOPES } from '../well-known-graph-permissions';
import { UNAVAILABLE } from './blockers';
import {
  appRoleAssignmentsOf,
  graphServicePrincipalBlocker,
  permissionGrantsOf,
  scopeWords,
} from './grants';
import { listWords, plural, type JudgeContext } from './judge-context';
import { describeRef, requestedGraphPermissions, type GraphPermissionRef } from './permissions';
import { NO_SERVICE_PRINCIPAL } from './registration';
import { pass, skip, warn, type Blocker, type Verdict } from './verdict';

const NEEDED = 'User.Read (delegated), Mail.ReadWrite (application) and Mail.Send (application)';
// OpenID Connect scopes only let an app sign a user in and read their basic profile claims; they open no
// mailbox or directory data, so they are not counted as extras (the detail says so when they are there).
const SIGN_IN_NOTE =
  'OpenID Connect sign-in scopes (openid, profile, email, offline_access) are not counted: they give no access to mail or directory data.';

interface GrantedGraphPermissions {
  refs: GraphPermissionRef[];
  /** Why some grants could not be judged. */
  unknown: Blocker[];
}

/** `permission.least-privilege`: nothing beyond the three needed permissions is requested or granted. */
export function judgeLeastPrivilege(ctx: JudgeContext): Verdict {
  const requested = requestedGraphPermissions(ctx);
  const granted = grantedGraphPermissions(ctx);
  const requestedExtras = extras(requested);
  const grantedExtras = extras(granted.refs);
  const signInSeen = [...requested, ...granted.refs].some(isSignInOnly);
  const signInNote = signInSeen ? ` ${SIGN_IN_NOTE}` : '';

  if (requestedExtras.length + grantedExtras.length > 0) {
    const count = new Set([...requestedExtras, ...grantedExtras]).size;
    const parts = [
      `PCEmail needs only ${NEEDED}.`,
      requestedExtras.length ? `Requested beyond those: ${listWords(requestedExtras)}.` : '',
      grantedExtras.length ? `Granted beyond those: ${listWords(grantedExtras)}.` : '',
      granted.unknown.length
        ? `Some grants could not be read (${granted.unknown.map((b) => b.detail).join('; ')}).`
        : '',
    ];
    return warn(
      `PCEmail has ${plural(count, 'extra Graph permission')}`,
      `${parts.filter((p) => p.length > 0).join(' ')}${signInNote}`,
      removalFix(requestedExtras.length > 0, grantedExtras.length > 0),
    );
  }
  const [firstUnknown] = granted.unknown;
  if (firstUnknown) {
    if (granted.unknown.includes(UNAVAILABLE))
      return skip('permission.least-privilege', UNAVAILABLE);
    return skip('permission.least-privilege', {
      detail: `Nothing extra is requested, but the granted permissions could not be judged: ${granted.unknown
        .map((b) => b.detail)
        .join('; ')}`,
      fix: firstUnknown.fix,
    });
  }
  return pass(
    'Least privilege',
    `PCEmail requests and holds only ${NEEDED} on Microsoft Graph.${signInNote}`,
  );
}

/** Graph permissions granted to PCEmail: application (app role assignments) and delegated (grants). */
function grantedGraphPermissions(ctx: JudgeContext): GrantedGraphPermissions {
  const { catalog } = ctx;
  const refs: GraphPermissionRef[] = [];
  const unknown: Blocker[] = [];
  const graphSpId = catalog.graphSpId;

  const assignments = appRoleAssignmentsOf(ctx);
  if (!assignments.ok) {
    // No service principal means nothing can have been granted: that is a fact, not a gap.
    if (assignments.blocker !== NO_SERVICE_PRINCIPAL) unknown.push(assignments.blocker);
  } else {
    let unattributed = 0;
    for (const a of assignments.value) {
      const name = catalog.nameOf(a.appRoleId, 'Role');
      if (graphSpId !== undefined) {
        if (a.resourceId === graphSpId) refs.push({ id: a.appRoleId, type: 'Role', name });
      } else if (name !== undefined) {
        refs.push({ id: a.appRoleId, type: 'Role', name });
      } else {
        unattributed += 1;
      }
    }
    if (unattributed > 0) unknown.push(graphServicePrincipalBlocker(ctx));
  }

  const grants = permissionGrantsOf(ctx);
  if (!grants.ok) {
    if (grants.blocker !== NO_SERVICE_PRINCIPAL) unknown.push(grants.blocker);
  } else if (graphSpId === undefined) {
    if (grants.value.length > 0) unknown.push(graphServicePrincipalBlocker(ctx));
  } else {
    for (const g of grants.value.filter((x) => x.resourceId === graphSpId)) {
      for (const word of scopeWords(g)) {
        refs.push({ id: catalog.idOf(word, 'Scope') ?? word, type: 'Scope', name: word });
      }
    }
  }
  const unique = unknown.filter((b, i) => unknown.findIndex((o) => o.detail === b.detail) === i);
  return { refs, unknown: unique };
}

function extras(refs: readonly GraphPermissionRef[]): string[] {
  const found = refs.filter((p) => !isNeeded(p) && !isSignInOnly(p)).map(describeRef);
  return [...new Set(found)];
}

function isNeeded(p: GraphPermissionRef): boolean {
  return REQUIRED_PERMISSIONS.some(
    (r) => r.type === p.type && r.name.toLowerCase() === p.name?.toLowerCase(),
  );
}

function isSignInOnly(p: GraphPermissionRef): boolean {
  return (
    p.type === 'Scope' && p.name !== undefined && SIGN_IN_ONLY_SCOPES.includes(p.name.toLowerCase())
  );
}

function removalFix(requested: boolean, granted: boolean): string {
  const steps = [
    requested
      ? 'Remove the extra requests: Entra admin center → App registrations → PCEmail → API permissions → ' +
        'each extra permission\'s "…" menu → Remove permission.'
      : '',
    granted
      ? 'Revoke the extra grants (removing a request does not revoke consent): Entra admin center → ' +
        'Enterprise applications → PCEmail → Permissions → Review permissions, or in PowerShell ' +
        'Remove-MgServicePrincipalAppRoleAssignment (application) and Update-MgOauth2PermissionGrant -Scope ' +
        '"User.Read" (delegated).'
      : '',
  ];
  return steps.filter((s) => s.length > 0).join(' ');
}
