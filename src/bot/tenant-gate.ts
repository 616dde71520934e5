import type { TurnContext } from 'botbuilder';

/** The tenant an activity comes from, as Teams sends it. */
export function activityTenantId(context: TurnContext): string | undefined {
  const activity = context.activity;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData =
    typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return activity.conversation?.tenantId ?? fromChannelData;
}

/** ALLOWED_TENANTS gates users by tenant; an activity naming no tenant is refused like a foreign one. */
export function isTenantAllowed(tenantId: string | undefined, allowed: readonly string[]): boolean {
  if (!tenantId) return false;
  const wanted = tenantId.toLowerCase();
  return allowed.some((id) => id.toLowerCase() === wanted);
}
