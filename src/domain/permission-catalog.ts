import type { Outcome } from './outcome';
import type { ResourceServicePrincipal } from './tenant-snapshot';
import {
  WELL_KNOWN_GRAPH_PERMISSIONS,
  type KnownPermission,
  type PermissionType,
} from './well-known-graph-permissions';

/** Resolves Microsoft Graph permission ids to names and back, per type (Scope = delegated, Role = application). */
export interface PermissionCatalog {
  /** Graph's service principal object id in this tenant, when it could be read. */
  graphSpId?: string;
  /** Whether the names come from the tenant's Graph service principal or only from well-known ids. */
  source: 'tenant' | 'well-known';
  nameOf(id: string, type: PermissionType): string | undefined;
  idOf(name: string, type: PermissionType): string | undefined;
}

export function buildPermissionCatalog(
  graphSp: Outcome<ResourceServicePrincipal> | undefined,
): PermissionCatalog {
  const tenantEntries: KnownPermission[] = graphSp?.ok
    ? [
        ...graphSp.value.appRoles.flatMap((r) =>
          r.value ? [{ id: r.id, name: r.value, type: 'Role' as const }] : [],
        ),
        ...graphSp.value.oauth2PermissionScopes.flatMap((s) =>
          s.value ? [{ id: s.id, name: s.value, type: 'Scope' as const }] : [],
        ),
      ]
    : [];
  // Tenant entries first, so they win over the well-known table wherever both know an id or name.
  const entries = [...tenantEntries, ...WELL_KNOWN_GRAPH_PERMISSIONS];
  const byId = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const e of entries) {
    const idKey = `${e.type}:${e.id.toLowerCase()}`;
    const nameKey = `${e.type}:${e.name.toLowerCase()}`;
    if (!byId.has(idKey)) byId.set(idKey, e.name);
    if (!byName.has(nameKey)) byName.set(nameKey, e.id.toLowerCase());
  }
  return {
    graphSpId: graphSp?.ok ? graphSp.value.id : undefined,
    source: graphSp?.ok ? 'tenant' : 'well-known',
    nameOf: (id, type) => byId.get(`${type}:${id.toLowerCase()}`),
    idOf: (name, type) => byName.get(`${type}:${name.toLowerCase()}`),
  };
}

/** "Mail.ReadWrite (application)", "User.Read (delegated)"; unknown ids stay visible. */
export function describePermission(
  name: string | undefined,
  id: string,
  type: PermissionType,
): string {
  const kind = type === 'Role' ? 'application' : 'delegated';
  return name === undefined ? `unknown permission ${id} (${kind})` : `${name} (${kind})`;
}
