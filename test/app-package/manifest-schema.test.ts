// @microsoft/app-manifest requires strip-bom 5, an ES module jest cannot load (Node runs it);
// the validator never uses it, so a stand-in keeps the real library loadable here.
jest.mock(
  require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest')] }),
  () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }),
);

import path from 'node:path';
import { readEnvFile } from '../../scripts/app-package/env-file';
import { fillPlaceholders, listPlaceholders } from '../../scripts/app-package/placeholders';
import {
  bundledSchemaVersions,
  validateManifest,
} from '../../scripts/app-package/validate-manifest';
import { ROOT, readCommittedManifest, type TestManifest } from './repo';

function filledFromLocal(): TestManifest {
  const env = readEnvFile(path.join(ROOT, 'env'), 'local');
  const { value, unfilled } = fillPlaceholders(readCommittedManifest(), env);
  expect(unfilled).toEqual([]);
  return value as TestManifest;
}

describe('the Teams manifest against the official schema, offline', () => {
  it('when the committed manifest is filled from env/.env.local, then it passes validation', async () => {
    await expect(validateManifest(filledFromLocal())).resolves.toEqual([]);
  });

  it('when the manifest breaks the schema, then the validator names every broken field', async () => {
    const manifest = filledFromLocal();
    manifest.id = 'not-a-guid';
    manifest.description.short = 'x'.repeat(81);
    delete manifest.developer.privacyUrl;
    manifest.bots[0]!.scopes = ['personal', 'channel'];

    const problems = await validateManifest(manifest);

    expect(problems.find((p) => p.includes('/id '))).toContain('pattern');
    expect(problems.find((p) => p.includes('/description/short'))).toContain('80');
    expect(problems.some((p) => p.includes('privacyUrl'))).toBe(true);
    expect(problems.some((p) => p.includes('/bots/0/scopes/1'))).toBe(true);
  });

  it('when a placeholder is left in the manifest, then validation fails on it', async () => {
    const problems = await validateManifest(readCommittedManifest());
    expect(problems.some((p) => p.includes('/id ') && p.includes('pattern'))).toBe(true);
  });

  it('when manifestVersion disagrees with $schema, then validation says so', async () => {
    const manifest = { ...filledFromLocal(), manifestVersion: '1.19' };
    const problems = await validateManifest(manifest);
    expect(problems).toContainEqual(
      expect.stringContaining('manifestVersion is "1.19" but $schema is v1.22'),
    );
  });

  it('when $schema names a version the validator does not bundle, then it refuses rather than fetching', async () => {
    const manifest = {
      ...filledFromLocal(),
      $schema:
        'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json',
    };
    const problems = await validateManifest(manifest);
    expect(problems).toEqual([expect.stringContaining('v9.99 is not bundled')]);
  });

  it('when a command is longer than Teams shows, then validation fails although the schema allows it', async () => {
    const manifest = filledFromLocal();
    manifest.bots[0]!.commandLists[0]!.commands[0]!.title = 'check pcemail permissions and more';
    const problems = await validateManifest(manifest);
    expect(problems).toEqual([
      expect.stringContaining("/commands/0/title is longer than Teams' 32"),
    ]);
  });

  it('when the committed manifest is read, then it is on a bundled schema Teams accepts widely', () => {
    const manifest = readCommittedManifest();
    const version = `v${String(manifest.manifestVersion)}`;
    expect(bundledSchemaVersions()).toContain(version);
    expect(Number(String(manifest.manifestVersion).split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(manifest.$schema).toContain(`/teams/${version}/MicrosoftTeams.schema.json`);
  });

  it('when the committed manifest is read, then ids and the name suffix are toolkit placeholders', () => {
    expect(listPlaceholders(readCommittedManifest())).toEqual([
      'TEAMS_APP_ID',
      'APP_NAME_SUFFIX',
      'BOT_ID',
      'AAD_APP_CLIENT_ID',
    ]);
  });

  it('when the committed manifest is read, then the bot works in chats and channels and takes no files', () => {
    const bot = (readCommittedManifest().bots as Record<string, unknown>[])[0]!;
    expect(bot.botId).toBe('${{BOT_ID}}');
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot.supportsFiles).toBe(false);
    expect((bot.commandLists as { scopes: string[] }[])[0]!.scopes).toEqual([
      'personal',
      'team',
      'groupChat',
    ]);
  });

  it('when an admin reads the descriptions, then they say what the bot checks, within Teams limits', () => {
    const { short, full } = readCommittedManifest().description as { short: string; full: string };
    expect(short.length).toBeLessThanOrEqual(80);
    expect(full.length).toBeLessThanOrEqual(4000);
    expect(short).toMatch(/PCEmail/);
    expect(short).toMatch(/Microsoft Graph/);
    for (const words of [
      'check pcemail permissions',
      'Mail.ReadWrite',
      'Mail.Send',
      'User.Read',
      'admin',
      'notify here',
      'Application.Read.All',
    ]) {
      expect(full).toContain(words);
    }
  });

  it('when the developer links are read, then they are https URLs', () => {
    const developer = readCommittedManifest().developer as Record<string, string>;
    for (const key of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) {
      expect(new URL(developer[key]!).protocol).toBe('https:');
    }
  });
});
