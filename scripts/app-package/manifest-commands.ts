import type { CommandDefinition } from '../../src/bot/command-catalogue';
import { AppPackageError } from './app-package-error';

/** What Teams shows in a bot's command menu (stricter than the schema, which allows 128/4000). */
export const TEAMS_COMMAND_LIMITS = { commands: 10, title: 32, description: 128 } as const;

export interface ManifestCommand {
  title: string;
  description: string;
}

export interface ManifestCommandList {
  commands: ManifestCommand[];
  /** Registry commands past Teams' limit of 10 per list: they still work, but are not suggested. */
  omitted: string[];
}

/**
 * The manifest's command list, derived from the bot's command registry: the first 10 commands
 * (Teams' limit), titles checked (a shortened title would suggest a command the bot does not know),
 * descriptions cut at a word to Teams' 128 characters.
 */
export function toManifestCommands(registry: readonly CommandDefinition[]): ManifestCommandList {
  const tooLong = registry
    .filter((command) => command.name.length > TEAMS_COMMAND_LIMITS.title)
    .map(
      (command) =>
        `command "${command.name}" has ${command.name.length} characters; Teams shows at most ${TEAMS_COMMAND_LIMITS.title}: shorten it in src/bot/command-catalogue.ts`,
    );
  if (tooLong.length > 0) {
    throw new AppPackageError('The command registry does not fit the Teams manifest.', tooLong);
  }
  const shown = registry.slice(0, TEAMS_COMMAND_LIMITS.commands);
  return {
    commands: shown.map((command) => ({
      title: command.name,
      description: shorten(command.description, TEAMS_COMMAND_LIMITS.description),
    })),
    omitted: registry.slice(TEAMS_COMMAND_LIMITS.commands).map((command) => command.name),
  };
}

/** The commands of the manifest's (single) command list, or undefined when it has none. */
export function readManifestCommands(manifest: unknown): unknown {
  const bots = (manifest as { bots?: { commandLists?: { commands?: unknown }[] }[] } | null)?.bots;
  return bots?.[0]?.commandLists?.[0]?.commands;
}

/** A copy of the manifest whose first bot's first command list holds `commands`. */
export function withManifestCommands<T>(manifest: T, commands: readonly ManifestCommand[]): T {
  const copy = structuredClone(manifest) as { bots?: { commandLists?: { commands: unknown }[] }[] };
  const list = copy.bots?.[0]?.commandLists?.[0];
  if (!list) {
    throw new AppPackageError('appPackage/manifest.json has no command list to fill.', [
      'give bots[0] a commandLists entry with scopes ["personal", "team", "groupChat"] and commands []',
    ]);
  }
  list.commands = commands.map((command) => ({ ...command }));
  return copy as T;
}

function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
