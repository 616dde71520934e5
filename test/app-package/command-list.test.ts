import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { COMMANDS, type CommandDefinition } from '../../src/bot/command-catalogue';
import {
  readManifestCommands,
  toManifestCommands,
} from '../../scripts/app-package/manifest-commands';
import { syncManifestCommands } from '../../scripts/app-package/sync-manifest-commands';
import { copyOfProject, readCommittedManifest, removeTempDirs } from './repo';

afterAll(removeTempDirs);

const command = (name: string, description = `Does ${name}`): CommandDefinition =>
  ({ name, description }) as CommandDefinition;

describe("the manifest's command list, derived from the bot's command registry", () => {
  it('when the committed manifest is compared with the registry, then its command list matches (run npm run package to update it)', () => {
    expect(readManifestCommands(readCommittedManifest())).toEqual(
      toManifestCommands(COMMANDS).commands,
    );
  });

  it('when the registry is read, then every command fits Teams (title ≤ 32, description ≤ 128)', () => {
    for (const { title, description } of toManifestCommands(COMMANDS).commands) {
      expect(title.length).toBeLessThanOrEqual(32);
      expect(description.length).toBeLessThanOrEqual(128);
      expect(description.length).toBeGreaterThan(0);
    }
  });

  it('when the registry has more than 10 commands, then the first 10 are listed and the rest named as omitted', () => {
    const registry = Array.from({ length: 12 }, (_, i) => command(`command ${i + 1}`));
    const list = toManifestCommands(registry);
    expect(list.commands.map((c) => c.title)).toEqual(registry.slice(0, 10).map((c) => c.name));
    expect(list.omitted).toEqual(['command 11', 'command 12']);
  });

  it('when a command name is longer than 32 characters, then packaging stops and names it', () => {
    expect(() => toManifestCommands([command('a command name that is far too long')])).toThrow(
      /"a command name that is far too long" has 35 characters; Teams shows at most 32/,
    );
  });

  it('when a description is longer than 128 characters, then it is cut at a word with an ellipsis', () => {
    const long = `${'word '.repeat(40)}end`;
    const [shown] = toManifestCommands([command('help', long)]).commands;
    expect(shown!.description.length).toBeLessThanOrEqual(128);
    expect(shown!.description).toMatch(/word…$/);
  });

  it('when the committed manifest drifted from the registry, then syncing rewrites its command list once', () => {
    const dir = copyOfProject();
    const file = path.join(dir, 'appPackage', 'manifest.json');
    // Teams lists 10 commands: the drifted registry replaces the last one, so the change is listed.
    const registry = [
      ...COMMANDS.slice(0, 9),
      command('troubleshoot', 'Walk through a failing PCEmail setup'),
    ];

    expect(syncManifestCommands(dir, registry)).toBe(true);
    const rewritten = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(readManifestCommands(rewritten)).toEqual(toManifestCommands(registry).commands);
    expect(rewritten.manifestVersion).toBe(readCommittedManifest().manifestVersion);
    expect(readFileSync(file, 'utf8')).toContain('"scopes": ["personal", "team", "groupChat"],');
    expect(syncManifestCommands(dir, registry)).toBe(false);

    writeFileSync(file, JSON.stringify(readCommittedManifest()));
    expect(syncManifestCommands(dir, COMMANDS)).toBe(false);
  });
});
