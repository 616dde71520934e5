import { value } from './parsers';
import type { Setting } from './setting';
import { BOT_SETTINGS } from './settings-bot';
import { CONSENT_SETTINGS } from './settings-consent';
import { HTTP_SETTINGS } from './settings-http';
import { NOTIFICATION_SETTINGS } from './settings-notifications';
import { PCEMAIL_SETTINGS, ROTATION_SETTINGS } from './settings-pcemail';
import { STATE_SETTINGS } from './settings-state';
import { TENANT_SETTINGS } from './settings-tenant';

/**
 * Every environment variable the product reads, one entry each, in the README's order. The README's
 * settings table is generated from it (`npm run docs:settings`).
 */
export const SETTINGS = {
  ...HTTP_SETTINGS,
  ...BOT_SETTINGS,
  ...TENANT_SETTINGS,
  ...PCEMAIL_SETTINGS,
  ...CONSENT_SETTINGS,
  ...NOTIFICATION_SETTINGS,
  ...ROTATION_SETTINGS,
  ...STATE_SETTINGS,
};

export type SettingName = keyof typeof SETTINGS;

/** Each setting's parsed value, by name. */
export type SettingValues = {
  [K in SettingName]: (typeof SETTINGS)[K] extends Setting<infer T> ? T : never;
};

export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** Parses every setting of the table; each problem of a single value goes to `problems`. */
export function readSettings(env: NodeJS.ProcessEnv, problems: string[]): SettingValues {
  const values: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const setting: Setting<unknown> = SETTINGS[name];
    values[name] = setting.parse(value(env, name), { name, problems });
  }
  return values as SettingValues;
}

/** Values that must never be printed; the logger redacts them wherever they appear. */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  return SETTING_NAMES.filter((name) => (SETTINGS[name] as Setting<unknown>).secret)
    .map((name) => value(env, name))
    .filter((v): v is string => !!v);
}

/** True when no customer tenant is configured and the built-in simulator must stand in. */
export function wantsSimulatedTenant(env: NodeJS.ProcessEnv): boolean {
  return !value(env, 'TENANT_ID');
}

/** SIMULATED_SCENARIO: which simulated tenant to start (before the rest is read). */
export function readSimulatedScenario(env: NodeJS.ProcessEnv): string {
  return SETTINGS.SIMULATED_SCENARIO.parse(value(env, 'SIMULATED_SCENARIO'), {
    name: 'SIMULATED_SCENARIO',
    problems: [],
  });
}

/** NODE_ENV=production: logs are JSON even on a terminal. */
export function isProduction(env: NodeJS.ProcessEnv): boolean {
  return value(env, 'NODE_ENV') === 'production';
}

/** NO_COLOR (no-color.org): the CLI prints no colours. */
export function wantsNoColour(env: NodeJS.ProcessEnv): boolean {
  return value(env, 'NO_COLOR') !== undefined;
}
