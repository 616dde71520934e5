/**
 * `npm run docs:settings`: writes README.md's settings table from the table of settings in
 * src/config/ (between the two marker comments). test/config/settings-docs.test.ts fails when the
 * README's table differs from what this generates.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SETTING_NAMES, SETTINGS } from '../src/config';

export const TABLE_START =
  '<!-- settings-table:start — generated from src/config/settings-*.ts by `npm run docs:settings`; do not edit by hand -->';
export const TABLE_END = '<!-- settings-table:end -->';

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The Markdown table: a bold row per group, then a row per variable. */
export function renderSettingsTable(): string {
  const rows = ['| variable | meaning | default |', '|---|---|---|'];
  let group = '';
  for (const name of SETTING_NAMES) {
    const setting = SETTINGS[name];
    if (setting.group !== group) {
      group = setting.group;
      rows.push(`| **${cell(group)}** | | |`);
    }
    const meaning = `${'secret' in setting && setting.secret ? '**Secret.** ' : ''}${setting.doc}`;
    rows.push(`| \`${name}\` | ${cell(meaning)} | ${cell(setting.defaultText || 'unset')} |`);
  }
  return rows.join('\n');
}

/** The README with the generated table between the markers; throws when a marker is missing. */
export function withSettingsTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) {
    throw new Error(`README.md needs the two markers:\n${TABLE_START}\n${TABLE_END}`);
  }
  return `${readme.slice(0, start + TABLE_START.length)}\n${renderSettingsTable()}\n${readme.slice(end)}`;
}

if (require.main === module) {
  // npm runs scripts in the package root.
  const README_PATH = 'README.md';
  const readme = readFileSync(README_PATH, 'utf8');
  const next = withSettingsTable(readme);
  if (next === readme) process.stdout.write('README.md settings table is up to date.\n');
  else {
    writeFileSync(README_PATH, next);
    process.stdout.write('README.md settings table written.\n');
  }
}
