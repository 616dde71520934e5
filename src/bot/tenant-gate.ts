import type { TurnContext } from 'botbuilder';

/** The tenant an activity comes from, as Teams sends it. */
export function activityTenantId(context: TurnContext): string | undefined {
  const activity = context.activity;
  const channelData = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return activity.conversation?.tenantId ?? fromChannelData;
}

/** ALLOWED_TENANTS gates users by tenant; without a tenant id only a local (no BOT_ID) run passes. */
export function isTenantAllowed(
  tenantId: string | undefined,
  allowed: readonly string[],
  localMode: boolean,
): boolean {
  if (!tenantId) return localMode;
  const wanted = tenantId.toLowerCase();
  return allowed.some((id) => id.toLowerCase() === wanted);
}
