import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../bot-deps';
import type { CommandName } from '../command-catalogue';
import { handleCheckPermissions } from './check-permissions';
import { handleConsentHistory } from '../consent';
import { handleHelp } from './help';
import { handleWhoami } from './whoami';
import { handleNotifications, handleNotifyHere, handleStopNotifications } from '../notifications';
import { handleContinueSetup, handleSetupPcemail, handleTroubleshoot } from '../setup';

/** A chat command's handler: `rest` is what the user typed after the command's words. */
export type CommandHandler = (context: TurnContext, deps: BotDeps, rest: string) => Promise<void>;

/** One handler per command of the catalogue (the compiler checks none is missing). */
export const COMMAND_HANDLERS: Record<CommandName, CommandHandler> = {
  'check pcemail permissions': handleCheckPermissions,
  'setup pcemail': handleSetupPcemail,
  'continue setup': handleContinueSetup,
  troubleshoot: handleTroubleshoot,
  help: handleHelp,
  'consent history': handleConsentHistory,
  'notify here': handleNotifyHere,
  'stop notifications': handleStopNotifications,
  notifications: handleNotifications,
  whoami: handleWhoami,
};
