import type { Bot } from '../bot';
import type { BotDeps } from '../bot-deps';
import { CARD_VERBS } from '../../cards/card-verbs';
import { checkPermissionsCard } from '../commands/check-permissions';
import { consentActions } from '../consent';
import { notificationActions } from '../notifications';
import { rotationActions } from '../rotation/rotation-actions';
import { setupActions, troubleshootActions } from '../setup';
import { registerSignInInvokes } from '../sso/delegated-approve';
import { execute, type CardAction } from './card-action';
import { noData } from './card-data';
import { registerActions } from './register-actions';

/**
 * The one card-action registry: every verb of `cards/card-verbs.ts` the bot answers, each with the
 * parser its data goes through before its handler runs. Help and welcome card buttons are not
 * invokes: they arrive as messages naming a command (`COMMAND_FIELD`, `bot/command-matcher.ts`).
 */
export function cardActions(deps: BotDeps): CardAction[] {
  return [
    execute(CARD_VERBS.check.run, noData, () => checkPermissionsCard(deps)),
    ...setupActions(deps),
    ...troubleshootActions(deps),
    ...consentActions(deps),
    ...notificationActions(deps),
    ...rotationActions(deps),
  ];
}

/** Registers every card action, and Teams' sign-in invokes when approvers sign in (delegated mode). */
export function registerCardActions(app: Bot, deps: BotDeps): void {
  registerActions(app, deps, cardActions(deps));
  if (deps.consentMode === 'delegated') registerSignInInvokes(app, deps);
}
