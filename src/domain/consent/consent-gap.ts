import { GRAPH_APP_ID, REQUIRED_PERMISSIONS } from '../graph-permissions';
import { buildPermissionCatalog } from '../permission-catalog';
import { restrictionModelOf } from '../restriction-model';
import type { AppRegistration, OAuth2PermissionGrant, TenantSnapshot } from '../tenant-snapshot';
import type { ConsentPermission, ResolvedPermission } from './consent-permission';

/** The objects a grant names: PCEmail's app and service principal, and Graph's service principal. */
export interface ConsentTarget {
  appId: string;
  appName: string;
  servicePrincipalId: string;
  graphServicePrincipalId: string;
  /** A redirect URI registered on the app's web platform, for the admin-consent link. */
  redirectUri?: string;
}

/** The organization-wide (AllPrincipals) delegated grant from PCEmail to Graph, when one exists. */
export interface OrganizationGrant {
  id: string;
  scope: string;
}

export type ConsentGap =
  | {
      ok: true;
      target: ConsentTarget;
      /** Requested by PCEmail (requiredResourceAccess) but not consented: what a request asks for. */
      missing: ResolvedPermission[];
      /** Needed but not even requested: it must be added to the app registration first. */
      notRequested: ConsentPermission[];
      organizationGrant?: OrganizationGrant;
      /**
       * Mail permissions a tenant-wide consent must not give: under RBAC for Applications an Entra
       * consent for Mail.* voids the management scope (Entra and RBAC grants add up).
       */
      withheld?: ConsentPermission[];
    }
  | { ok: false; reason: string };

/**
 * Which of PCEmail's required Graph permissions lack admin consent, judged from a snapshot with
 * the same rules as the consent.* checks: an app role assignment to Graph's service principal for
 * each application permission, an AllPrincipals grant to Graph that includes User.Read.
 */
export function findConsentGap(snapshot: TenantSnapshot): ConsentGap {
  const apps = snapshot.applications;
  if (!apps.ok)
    return {
      ok: false,
      reason: `PCEmail's app registration could not be read: ${apps.error.message}`,
    };
  const app = apps.value.length === 1 ? apps.value[0] : undefined;
  if (!app) {
    return {
      ok: false,
      reason:
        apps.value.length === 0
          ? `No app registration named ${snapshot.settings.appName} was found.`
          : `Several app registrations are named ${snapshot.settings.appName}: set PCEMAIL_APP_ID to the right one.`,
    };
  }
  const sp = snapshot.servicePrincipal;
  if (!sp?.ok)
    return {
      ok: false,
      reason: `PCEmail's enterprise application could not be read${sp ? `: ${sp.error.message}` : '.'}`,
    };
  if (sp.value === null) {
    return {
      ok: false,
      reason:
        'PCEmail has no enterprise application (service principal) in this tenant: grant admin consent once in the Entra admin center, which creates it.',
    };
  }
  const graphSp = snapshot.graphServicePrincipal;
  if (!graphSp?.ok)
    return { ok: false, reason: "Microsoft Graph's service principal could not be read." };
  const assignments = snapshot.appRoleAssignments;
  const grants = snapshot.permissionGrants;
  if (!assignments?.ok || !grants?.ok) {
    const error = !assignments?.ok ? assignments?.error : !grants?.ok ? grants?.error : undefined;
    return {
      ok: false,
      reason: `PCEmail's current grants could not be read${error ? `: ${error.message}` : '.'}`,
    };
  }

  const catalog = buildPermissionCatalog(graphSp);
  const spId = sp.value.id;
  const graphSpId = graphSp.value.id;
  const requested = app.requiredResourceAccess
    .filter((r) => r.resourceAppId.toLowerCase() === GRAPH_APP_ID)
    .flatMap((r) => r.resourceAccess);
  const organizationGrant = grants.value.find(
    (g) =>
      sameId(g.clientId, spId) &&
      sameId(g.resourceId, graphSpId) &&
      g.consentType === 'AllPrincipals',
  );

  const missing: ResolvedPermission[] = [];
  const notRequested: ConsentPermission[] = [];
  const withheld: ConsentPermission[] = [];
  const rbac = restrictionModelOf(snapshot) === 'rbac';
  for (const { name, type } of REQUIRED_PERMISSIONS) {
    const id = catalog.idOf(name, type);
    if (id === undefined) continue;
    if (rbac && type === 'Role') {
      withheld.push({ name, type });
      continue;
    }
    const consented =
      type === 'Role'
        ? assignments.value.some(
            (a) =>
              sameId(a.principalId, spId) &&
              sameId(a.resourceId, graphSpId) &&
              sameId(a.appRoleId, id),
          )
        : organizationGrant !== undefined && hasScope(organizationGrant, name);
    if (consented) continue;
    const isRequested = requested.some((r) => r.type === type && r.id.toLowerCase() === id);
    if (isRequested) missing.push({ name, type, id });
    else notRequested.push({ name, type });
  }
  return {
    ok: true,
    target: {
      appId: app.appId,
      appName: app.displayName,
      servicePrincipalId: spId,
      graphServicePrincipalId: graphSpId,
      ...redirectUriOf(app),
    },
    missing,
    notRequested,
    ...(withheld.length > 0 ? { withheld } : {}),
    ...(organizationGrant
      ? { organizationGrant: { id: organizationGrant.id, scope: organizationGrant.scope } }
      : {}),
  };
}

/** Entra's /adminconsent accepts only a registered redirect URI; https ones first. */
function redirectUriOf(app: AppRegistration): { redirectUri?: string } {
  const uris = app.web?.redirectUris ?? [];
  const chosen = uris.find((u) => u.startsWith('https://')) ?? uris[0];
  return chosen === undefined ? {} : { redirectUri: chosen };
}

export function hasScope(grant: Pick<OAuth2PermissionGrant, 'scope'>, name: string): boolean {
  return grant.scope.split(/\s+/).some((word) => word.toLowerCase() === name.toLowerCase());
}

/** Directory object ids are GUIDs; Graph may spell them in either case. */
export function sameId(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
}
