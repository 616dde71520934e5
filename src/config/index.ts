/**
 * The configuration: the one module that reads the environment. Everything else receives AppConfig
 * (or, in a composition root, one of the small readers below).
 */
export type { AppConfig, BotIdentity, ConfigResult, StateSettings } from './app-config';
export { PLAYGROUND_TENANT_ID, PLAYGROUND_USER_AAD_IDS } from './defaults';
export { isAllowedEndpoint, isLoopbackHost } from './parsers';
export { readConfig } from './read-config';
export {
  isProduction,
  readSimulatedScenario,
  secretValues,
  SETTING_NAMES,
  SETTINGS,
  wantsNoColour,
  wantsSimulatedTenant,
} from './settings-table';
