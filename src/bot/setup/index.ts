export { handleContinueSetup, handleSetupPcemail, registerSetupActions } from './setup-handlers';
export { handleTroubleshoot, registerTroubleshootActions } from './troubleshoot-handlers';
