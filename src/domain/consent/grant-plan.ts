import { REQUIRED_PERMISSIONS } from '../graph-permissions';
import type { ConsentGap, ConsentTarget, OrganizationGrant } from './consent-gap';
import {
  describeConsentPermission,
  includesPermission,
  samePermission,
  type ConsentPermission,
  type ResolvedPermission,
} from './consent-permission';
import type { ConsentRequest } from './consent-request';

export interface GrantPlan {
  target: ConsentTarget;
  /** Application permissions to assign (POST appRoleAssignedTo), in catalogue order. */
  appRoles: ResolvedPermission[];
  /** Delegated permissions to add to the AllPrincipals grant (POST or PATCH oauth2PermissionGrants). */
  scopes: ResolvedPermission[];
  organizationGrant?: OrganizationGrant;
  /** Asked for by the request, and consented meanwhile. */
  alreadyGranted: ConsentPermission[];
  /** Asked for by the request, but PCEmail no longer requests it: not granted. */
  noLongerRequested: ConsentPermission[];
  /** Asked for by the request, but withheld: under RBAC for Applications a Mail.* consent voids the scope. */
  withheld?: ConsentPermission[];
}

/**
 * What an approval may grant: the stored request re-validated against the tenant as it is now.
 * Only permissions that are in the request, in PCEmail's required set, and still missing; never
 * for another app than the one the request was made for.
 */
export function planGrant(
  request: ConsentRequest,
  gap: ConsentGap,
): { ok: true; plan: GrantPlan } | { ok: false; reason: string; final: boolean } {
  if (!gap.ok) return { ok: false, reason: gap.reason, final: false };
  if (gap.target.appId.toLowerCase() !== request.appId.toLowerCase()) {
    return {
      ok: false,
      final: true,
      reason: `The request was made for app ${request.appId}, but PCEmail is now ${gap.target.appId}: nothing was granted. Run the check again and request anew.`,
    };
  }
  const wanted = request.permissions.filter((p) =>
    REQUIRED_PERMISSIONS.some((r) => samePermission(r, p)),
  );
  const toGrant = gap.missing.filter((p) => includesPermission(wanted, p));
  return {
    ok: true,
    plan: {
      target: gap.target,
      appRoles: toGrant.filter((p) => p.type === 'Role'),
      scopes: toGrant.filter((p) => p.type === 'Scope'),
      ...(gap.organizationGrant ? { organizationGrant: gap.organizationGrant } : {}),
      alreadyGranted: wanted.filter(
        (p) =>
          !includesPermission(gap.missing, p) &&
          !includesPermission(gap.notRequested, p) &&
          !includesPermission(gap.withheld ?? [], p),
      ),
      noLongerRequested: wanted.filter((p) => includesPermission(gap.notRequested, p)),
      ...withheldOf(wanted, gap.withheld ?? []),
    },
  };
}

export function describePermissions(list: readonly ConsentPermission[]): string {
  return list.length === 0 ? 'none' : list.map(describeConsentPermission).join(', ');
}

function withheldOf(
  wanted: readonly ConsentPermission[],
  withheld: readonly ConsentPermission[],
): { withheld?: ConsentPermission[] } {
  const list = wanted.filter((p) => includesPermission(withheld, p));
  return list.length > 0 ? { withheld: list } : {};
}
