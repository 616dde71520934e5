import { APPLICATION_READ, GRANTS_READ } from '../inspector-permissions';
import type { AppRoleAssignment, OAuth2PermissionGrant } from '../tenant-snapshot';
import { blockerFromError } from './blockers';
import type { JudgeContext } from './judge-context';
import { servicePrincipalOf } from './registration';
import type { Available, Blocker } from './verdict';

/** Application permissions granted to PCEmail's service principal, or why they are not known. */
export function appRoleAssignmentsOf(ctx: JudgeContext): Available<AppRoleAssignment[]> {
  const sp = servicePrincipalOf(ctx);
  if (!sp.ok) return sp;
  const assignments = ctx.snapshot.appRoleAssignments;
  if (assignments === undefined) {
    return {
      ok: false,
      blocker: {
        detail: "PCEmail's application permission grants were not read",
        fix: 'Run the check again.',
      },
    };
  }
  if (!assignments.ok) {
    return {
      ok: false,
      blocker: blockerFromError(
        assignments.error,
        "PCEmail's application permission grants",
        APPLICATION_READ,
      ),
    };
  }
  return { ok: true, value: assignments.value };
}

/** Delegated permission grants whose client is PCEmail's service principal, or why they are not known. */
export function permissionGrantsOf(ctx: JudgeContext): Available<OAuth2PermissionGrant[]> {
  const sp = servicePrincipalOf(ctx);
  if (!sp.ok) return sp;
  const grants = ctx.snapshot.permissionGrants;
  if (grants === undefined) {
    return {
      ok: false,
      blocker: {
        detail: "PCEmail's delegated permission grants were not read",
        fix: 'Run the check again.',
      },
    };
  }
  if (!grants.ok) {
    return {
      ok: false,
      blocker: blockerFromError(grants.error, "PCEmail's delegated permission grants", GRANTS_READ),
    };
  }
  return { ok: true, value: grants.value.filter((g) => g.clientId === sp.value.id) };
}

/** The space-separated words of a grant's `scope`, without empty ones. */
export function scopeWords(grant: OAuth2PermissionGrant): string[] {
  return grant.scope.split(/\s+/).filter((w) => w.length > 0);
}

/** Why grants to Microsoft Graph cannot be recognised: its service principal could not be read. */
export function graphServicePrincipalBlocker({ snapshot }: JudgeContext): Blocker {
  const graphSp = snapshot.graphServicePrincipal;
  if (graphSp === undefined || graphSp.ok) {
    return {
      detail:
        "Microsoft Graph's service principal was not read, so grants to it cannot be recognised",
      fix: 'Run the check again.',
    };
  }
  return blockerFromError(graphSp.error, "Microsoft Graph's service principal", APPLICATION_READ);
}
