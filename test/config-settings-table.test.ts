import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnvFile } from '../scripts/app-package/env-file';
import { renderSettingsTable, withSettingsTable } from '../scripts/settings-table';
import {
  readConfig,
  readSimulatedScenario,
  secretValues,
  SETTING_NAMES,
  SETTINGS,
  wantsNoColour,
} from '../src/config';

const ROOT = path.resolve(__dirname, '..');
const read = (relative: string): string => readFileSync(path.join(ROOT, relative), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|mjs)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

describe('the table of settings', () => {
  it('when README.md is read, then its settings table is the one the table generates', () => {
    const readme = read('README.md');
    if (withSettingsTable(readme) !== readme) {
      throw new Error(
        "README.md's settings table differs from src/config/settings-*.ts: run `npm run docs:settings` and commit README.md.",
      );
    }
    for (const name of SETTING_NAMES) expect(readme).toContain(`| \`${name}\` |`);
  });

  it('when a setting changes, then the generated table shows it', () => {
    const before = renderSettingsTable();
    const original = SETTINGS.PORT.doc;
    SETTINGS.PORT.doc = 'a changed line';
    try {
      expect(renderSettingsTable()).not.toBe(before);
      expect(withSettingsTable(read('README.md'))).not.toBe(read('README.md'));
    } finally {
      SETTINGS.PORT.doc = original;
    }
  });

  it('when env/.env.example is read, then it lists every setting of the table and nothing else', () => {
    const listed = [...parseEnvFile(read('env/.env.example')).keys()];
    expect(SETTING_NAMES.filter((name) => !listed.includes(name))).toEqual([]);
    expect(listed.filter((name) => !(SETTING_NAMES as string[]).includes(name))).toEqual([]);
  });

  it('when env/.env.example is read, then exactly the secret settings are marked SECRET', () => {
    const lines = read('env/.env.example').split('\n');
    const markedSecret = (name: string): boolean => {
      let i = lines.findIndex((line) => line.startsWith(`${name}=`)) - 1;
      while (i >= 0 && /^[A-Z_]+=/.test(lines[i]!)) i--;
      const comment: string[] = [];
      for (; i >= 0 && lines[i]!.startsWith('# '); i--) comment.push(lines[i]!);
      return comment.some((line) => /^# SECRET\b/.test(line));
    };
    const secret = SETTING_NAMES.filter((name) => 'secret' in SETTINGS[name]);
    expect(secret.length).toBeGreaterThan(0);
    expect(SETTING_NAMES.filter((name) => markedSecret(name))).toEqual(secret);
  });

  it('when every secret setting is set, then secretValues returns each value for the logger to redact', () => {
    const env = {
      BOT_PASSWORD: 'p1',
      GRAPH_CLIENT_SECRET: 'p2',
      JOBS_KEY: ' ',
      LOG_LEVEL: 'debug',
    };
    expect(secretValues(env)).toEqual(['p1', 'p2']);
  });

  it('when SIMULATED_SCENARIO is blank or set, then readSimulatedScenario gives demo or the trimmed name', () => {
    expect(readSimulatedScenario({})).toBe('demo');
    expect(readSimulatedScenario({ SIMULATED_SCENARIO: '  ' })).toBe('demo');
    expect(readSimulatedScenario({ SIMULATED_SCENARIO: ' healthy ' })).toBe('healthy');
    expect(wantsNoColour({ NO_COLOR: '1' })).toBe(true);
    expect(wantsNoColour({})).toBe(false);
  });

  it('when readConfig reads a simulated tenant, then the scenario comes from the same setting', () => {
    const result = readConfig(
      {
        TENANT_ID: '11111111-2222-4333-8444-555555555555',
        GRAPH_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
        GRAPH_CLIENT_SECRET: 's',
        SIMULATED_SCENARIO: 'healthy',
      },
      { simulated: true },
    );
    expect(result.ok && result.config.simulatedScenario).toBe('healthy');
  });
});

describe('who reads the environment', () => {
  it('when src/ is read, then only src/config/ reads environment variables (the simulator aside)', () => {
    const readers = filesUnder('src')
      .filter((file) => !file.startsWith(path.join('src', 'config')))
      .filter((file) => !file.startsWith(path.join('src', 'simulator')))
      .filter((file) => /process\.env\.|\benv\.[A-Z][A-Z0-9_]+\b|\benv\[['"`]/.test(read(file)));
    expect(readers).toEqual([]);
  });
});
