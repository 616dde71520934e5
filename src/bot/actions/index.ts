import type { Bot } from '../bot';
import type { BotDeps } from '../bot-deps';
import { RUN_CHECK_VERB, checkPermissionsCard } from '../commands/check-permissions';
import { registerConsentActions } from '../consent';
import { registerNotificationActions } from '../notifications';
import { registerRotationActions } from '../rotation/rotation-actions';
import { registerSetupActions, registerTroubleshootActions } from '../setup';

/** Registers every Adaptive Card Action.Execute verb the bot answers (bolt-js style registry). */
export function registerCardActions(app: Bot, deps: BotDeps): void {
  app.adaptiveCards.actionExecute(RUN_CHECK_VERB, async () => checkPermissionsCard(deps));
  registerSetupActions(app, deps);
  registerTroubleshootActions(app, deps);
  registerConsentActions(app, deps);
  registerNotificationActions(app, deps);
  registerRotationActions(app, deps);
}
