import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../app/consent';

/** Who clicked, as Teams says: the Entra object id (what APPROVERS holds), the Teams id and the name. */
export function actorOf(context: TurnContext): Actor {
  const from = context.activity.from ?? {};
  const name = typeof from.name === 'string' && from.name.trim() !== '' ? from.name : 'Someone';
  return {
    ...(typeof from.aadObjectId === 'string' && from.aadObjectId !== ''
      ? { aadObjectId: from.aadObjectId }
      : {}),
    ...(typeof from.id === 'string' && from.id !== '' ? { teamsUserId: from.id } : {}),
    name,
  };
}
