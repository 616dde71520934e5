import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { TEAMS_COMMAND_LIMITS } from './manifest-commands';

type SchemaArgument = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
type ManifestArgument = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

const TEAMS_SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[\d.]+)\/MicrosoftTeams\.schema\.json$/i;

/**
 * Validates a filled Teams manifest against the official JSON schema bundled with
 * @microsoft/app-manifest — never fetched, so it works offline — plus the limits the Teams client
 * applies on top of the schema. Returns every problem; an empty list means valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return ['the manifest is not a JSON object'];
  }
  const found = findBundledSchema((manifest as { $schema?: unknown }).$schema);
  if ('problem' in found) return [found.problem];

  const problems: string[] = [];
  const declared = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (declared !== found.version.slice(1)) {
    problems.push(
      `manifestVersion is ${JSON.stringify(declared)} but $schema is ${found.version}: make them agree`,
    );
  }
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(
    manifest as ManifestArgument,
    found.schema,
  );
  problems.push(...schemaErrors.map((error) => `schema ${found.version}: ${error.trim()}`));
  problems.push(...checkTeamsCommandLimits(manifest));
  return problems;
}

/** Schema versions of Teams manifests that the installed validator can check offline. */
export function bundledSchemaVersions(): string[] {
  return readdirSync(teamsSchemaRoot())
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .sort((a, b) => compareVersions(a.slice(1), b.slice(1)));
}

function findBundledSchema(
  schemaUrl: unknown,
): { version: string; schema: SchemaArgument } | { problem: string } {
  const match = typeof schemaUrl === 'string' ? TEAMS_SCHEMA_URL.exec(schemaUrl) : null;
  const version = match?.[1];
  if (!version) {
    return {
      problem: `$schema must be a Teams manifest schema URL (https://developer.microsoft.com/json-schemas/teams/v1.NN/MicrosoftTeams.schema.json), not ${JSON.stringify(schemaUrl)}`,
    };
  }
  const file = path.join(teamsSchemaRoot(), version, 'MicrosoftTeams.schema.json');
  if (!existsSync(file)) {
    return {
      problem: `$schema ${version} is not bundled with @microsoft/app-manifest, so it cannot be checked offline: use one of ${bundledSchemaVersions().join(', ')}`,
    };
  }
  // The same clean-up the library applies to the schemas it loads (they contain \a and \v escapes).
  const text = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return { version, schema: JSON.parse(text) as SchemaArgument };
}

function teamsSchemaRoot(): string {
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return path.join(path.dirname(packageJson), 'build', 'json-schemas', 'teams');
}

function checkTeamsCommandLimits(manifest: object): string[] {
  const problems: string[] = [];
  const bots = (manifest as { bots?: unknown }).bots;
  if (!Array.isArray(bots)) return problems;
  bots.forEach((bot: { commandLists?: unknown }, b) => {
    if (!Array.isArray(bot.commandLists)) return;
    bot.commandLists.forEach((list: { commands?: unknown }, l) => {
      if (!Array.isArray(list.commands)) return;
      const at = `/bots/${b}/commandLists/${l}/commands`;
      if (list.commands.length > TEAMS_COMMAND_LIMITS.commands) {
        problems.push(
          `${at} has ${list.commands.length} commands; Teams allows ${TEAMS_COMMAND_LIMITS.commands}`,
        );
      }
      list.commands.forEach((command: { title?: unknown; description?: unknown }, c) => {
        if (
          typeof command.title === 'string' &&
          command.title.length > TEAMS_COMMAND_LIMITS.title
        ) {
          problems.push(
            `${at}/${c}/title is longer than Teams' ${TEAMS_COMMAND_LIMITS.title} characters`,
          );
        }
        if (
          typeof command.description === 'string' &&
          command.description.length > TEAMS_COMMAND_LIMITS.description
        ) {
          problems.push(
            `${at}/${c}/description is longer than Teams' ${TEAMS_COMMAND_LIMITS.description} characters`,
          );
        }
      });
    });
  });
  return problems;
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
