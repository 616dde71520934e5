import { REQUIRED_PERMISSIONS, type RequiredPermission } from '../graph-permissions';

/** One of the Graph permissions PCEmail needs (Scope = delegated, Role = application). */
export interface ConsentPermission {
  name: RequiredPermission['name'];
  type: RequiredPermission['type'];
}

/** The same permission with the id the tenant's Graph service principal gives it. */
export interface ResolvedPermission extends ConsentPermission {
  /** The appRole id (Role) or oauth2PermissionScope id (Scope). */
  id: string;
}

/** "Mail.Send (application)", "User.Read (delegated)". */
export function describeConsentPermission(permission: ConsentPermission): string {
  return `${permission.name} (${permission.type === 'Role' ? 'application' : 'delegated'})`;
}

function permissionKey(permission: ConsentPermission): string {
  return `${permission.type}:${permission.name.toLowerCase()}`;
}

export function samePermission(a: ConsentPermission, b: ConsentPermission): boolean {
  return permissionKey(a) === permissionKey(b);
}

export function includesPermission(
  list: readonly ConsentPermission[],
  p: ConsentPermission,
): boolean {
  return list.some((item) => samePermission(item, p));
}

/** True when both lists hold the same permissions, in any order. */
export function samePermissionSet(
  a: readonly ConsentPermission[],
  b: readonly ConsentPermission[],
): boolean {
  return (
    a.length === b.length &&
    a.every((p) => includesPermission(b, p)) &&
    b.every((p) => includesPermission(a, p))
  );
}

/** Catalogue order (User.Read, Mail.ReadWrite, Mail.Send), duplicates dropped. */
export function sortPermissions(list: readonly ConsentPermission[]): ConsentPermission[] {
  return REQUIRED_PERMISSIONS.filter((required) => includesPermission(list, required)).map(
    ({ name, type }) => ({ name, type }),
  );
}

/** "Role:Mail.Send,Scope:User.Read": how a card names the permissions it was rendered for. */
export function encodePermissions(list: readonly ConsentPermission[]): string {
  return sortPermissions(list)
    .map((p) => `${p.type}:${p.name}`)
    .join(',');
}

/**
 * Reads a card's permission list back; undefined when it is not one we could have written. Only
 * used to notice a card that does not match its stored request — never as what to grant.
 */
export function decodePermissions(raw: unknown): ConsentPermission[] | undefined {
  if (typeof raw !== 'string') return undefined;
  const parts = raw === '' ? [] : raw.split(',');
  const decoded: ConsentPermission[] = [];
  for (const part of parts) {
    const known = REQUIRED_PERMISSIONS.find((p) => `${p.type}:${p.name}` === part);
    if (!known) return undefined;
    decoded.push({ name: known.name, type: known.type });
  }
  return decoded;
}
