export { handleContinueSetup, handleSetupPcemail, setupActions } from './setup-handlers';
export { handleTroubleshoot, troubleshootActions } from './troubleshoot-handlers';
