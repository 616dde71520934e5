import type { TurnContext } from 'botbuilder';
import { renderWhoamiCard } from '../../cards';
import { isApprover } from '../../ports/approvers';
import type { BotDeps } from '../bot-deps';
import { sendCard } from '../send-card';
import { activityTenantId } from '../tenant-gate';

/** `whoami` (anyone): the caller's own name, Entra object id and tenant, to fill the approvers list. */
export async function handleWhoami(context: TurnContext, deps: BotDeps): Promise<void> {
  const from = context.activity.from ?? {};
  const objectId =
    typeof from.aadObjectId === 'string' && from.aadObjectId !== '' ? from.aadObjectId : undefined;
  await sendCard(
    context,
    renderWhoamiCard({
      name: typeof from.name === 'string' && from.name.trim() !== '' ? from.name : undefined,
      objectId,
      tenantId: activityTenantId(context),
      isApprover: isApprover(deps.approvers, objectId),
    }),
  );
}
