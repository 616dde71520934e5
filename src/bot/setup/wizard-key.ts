import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../bot-deps';
import { activityTenantId } from '../tenant-gate';

/** Where one admin's wizard in one conversation lives: setup/<tenant>/<conversation>/<user>. */
export function wizardKey(context: TurnContext, deps: BotDeps): string {
  const activity = context.activity;
  const tenant = activityTenantId(context) ?? deps.tenant.id;
  const conversation = activity.conversation?.id ?? 'unknown-conversation';
  const user = activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown-user';
  // Teams conversation ids hold ':', '@' and ';' (and could hold '/'): each segment is encoded.
  return ['setup', tenant, conversation, user]
    .map((part, i) => (i === 0 ? part : encodeURIComponent(part)))
    .join('/');
}
