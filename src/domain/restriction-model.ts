import type { TenantSnapshot } from './tenant-snapshot';

/**
 * How Exchange Online limits PCEmail to its mailboxes (docs/MICROSOFT.md, "Restriction models"):
 * - access-policy: Entra admin consent for Mail.ReadWrite and Mail.Send, narrowed by a RestrictAccess
 *   application access policy (https://learn.microsoft.com/graph/auth-limit-mailbox-access);
 * - rbac: RBAC for Applications, no Entra consent for Mail.*, an Exchange management scope and role
 *   assignments (https://learn.microsoft.com/exchange/permissions-exo/application-rbac). Entra and
 *   RBAC grants add up, so a tenant-wide Entra consent voids any RBAC scope.
 */
export type RestrictionModel = 'access-policy' | 'rbac';
export type RestrictionSetting = RestrictionModel | 'auto';

export const RESTRICTION_SETTINGS: readonly RestrictionSetting[] = [
  'auto',
  'access-policy',
  'rbac',
];

/** The Graph application roles that open every mailbox when consented in Entra. */
const TENANT_WIDE_MAIL_ROLES = [
  'Mail.ReadWrite',
  'Mail.Send',
  'Mail.Read',
  'Mail.ReadBasic',
  'Mail.ReadBasic.All',
] as const;

/**
 * The model the checks judge by. A configured model is taken as said; `auto` infers from evidence:
 * a readable PCEmail token without any Mail role that still reads one of PCEmail's mailboxes can
 * only have been let in by RBAC for Applications. Without that evidence: the vendor's access policy.
 */
export function restrictionModelOf(snapshot: TenantSnapshot): RestrictionModel {
  const setting = snapshot.settings.restrictionModel ?? 'auto';
  if (setting !== 'auto') return setting;
  return hasRbacEvidence(snapshot) ? 'rbac' : 'access-policy';
}

function hasRbacEvidence(snapshot: TenantSnapshot): boolean {
  const signIn = snapshot.pcemailSignIn;
  if (!signIn?.ok || signIn.value.readable === false) return false;
  if (holdsTenantWideMailRole(signIn.value.roles)) return false;
  return (snapshot.mailboxes ?? []).some((probe) => probe.inbox.ok);
}

/** Mail roles in a token's roles claim: each one reaches every mailbox an RBAC scope leaves out. */
export function tenantWideMailRoles(roles: readonly string[]): string[] {
  const wanted = new Set<string>(TENANT_WIDE_MAIL_ROLES.map((r) => r.toLowerCase()));
  return roles.filter((r) => wanted.has(r.toLowerCase()));
}

export function holdsTenantWideMailRole(roles: readonly string[]): boolean {
  return tenantWideMailRoles(roles).length > 0;
}
