import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import type { CommandDefinition } from '../../src/bot/command-catalogue';
import { AppPackageError } from './app-package-error';
import { readEnvFile } from './env-file';
import { checkColorIcon, checkOutlineIcon } from './icon-checks';
import { toManifestCommands, withManifestCommands } from './manifest-commands';
import { PLACEHOLDER_ENVIRONMENTS, findPlaceholderIds } from './placeholder-ids';
import { fillPlaceholders } from './placeholders';
import { validateManifest } from './validate-manifest';

/** Variables a manifest may leave empty (production has no name suffix). */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

export interface BuildOptions {
  /** The repository root: holds appPackage/ and env/. */
  rootDir: string;
  envName: string;
  commands: readonly CommandDefinition[];
  /** Where the zip goes; appPackage/build by default. */
  outDir?: string;
}

export interface BuiltAppPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
  /** Things worth saying that do not stop the build. */
  notes: string[];
}

/**
 * Builds the Teams app package: the committed manifest with the registry's commands, its
 * `${{VAR}}` placeholders filled from env/.env.<name>, validated offline, zipped with both icons.
 * Throws AppPackageError listing every problem.
 */
export async function buildAppPackage(options: BuildOptions): Promise<BuiltAppPackage> {
  const appPackageDir = path.join(options.rootDir, 'appPackage');
  const env = readEnvFile(path.join(options.rootDir, 'env'), options.envName);
  const { commands, omitted } = toManifestCommands(options.commands);
  const template = withManifestCommands(readManifestTemplate(appPackageDir), commands);

  const { value, unfilled } = fillPlaceholders(template, env, MAY_BE_EMPTY);
  if (unfilled.length > 0) {
    throw new AppPackageError(
      `appPackage/manifest.json has placeholders that env/.env.${options.envName} does not fill.`,
      unfilled.map(
        (name) =>
          `\${{${name}}}: set ${name} in env/.env.${options.envName} (the toolkit's provision step writes the ids it creates there)`,
      ),
    );
  }
  const manifest = value as Record<string, unknown>;
  // Placeholder ids are fine locally (a fresh clone builds offline); Teams cannot run them elsewhere.
  const placeholders = PLACEHOLDER_ENVIRONMENTS.has(options.envName)
    ? []
    : findPlaceholderIds(manifest).map(
        (where) =>
          `${where}: run \`atk provision --env ${options.envName}\` (it writes the real TEAMS_APP_ID, BOT_ID and AAD_APP_CLIENT_ID), or set the ids in env/.env.${options.envName}`,
      );
  const problems = [...placeholders, ...(await validateManifest(manifest))];

  const icons = iconFiles(manifest);
  const files = new Map<string, Buffer>();
  for (const [kind, name] of icons) {
    const file = readOptional(path.join(appPackageDir, name));
    if (!file) {
      problems.push(
        `appPackage/${name} (icons.${kind}) is missing: run the icon generator (docs/DEPLOYMENT.md)`,
      );
      continue;
    }
    problems.push(
      ...(kind === 'color' ? checkColorIcon(file, name) : checkOutlineIcon(file, name)),
    );
    files.set(name, file);
  }
  if (problems.length > 0) {
    throw new AppPackageError(
      placeholders.length > 0
        ? `env/.env.${options.envName} still has placeholder ids; Teams cannot run this package.`
        : `The manifest filled from env/.env.${options.envName} is not a valid Teams app package.`,
      problems,
    );
  }

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const [name, file] of files) zip.addFile(name, file);
  const outDir = options.outDir ?? path.join(appPackageDir, 'build');
  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${options.envName}.zip`);
  writeFileSync(zipPath, zip.toBuffer());

  const notes =
    omitted.length > 0
      ? [
          `Teams suggests at most 10 commands; not in the menu (they still work): ${omitted.join(', ')}`,
        ]
      : [];
  return { zipPath, manifest, notes };
}

export function readManifestTemplate(appPackageDir: string): unknown {
  const file = path.join(appPackageDir, 'manifest.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new AppPackageError('appPackage/manifest.json cannot be read.', [
      (error as Error).message,
    ]);
  }
}

/** Icon files named in the manifest; plain file names only, so the zip stays flat as Teams requires. */
function iconFiles(manifest: Record<string, unknown>): [kind: 'color' | 'outline', name: string][] {
  const icons = (manifest.icons ?? {}) as { color?: unknown; outline?: unknown };
  const result: [kind: 'color' | 'outline', name: string][] = [];
  for (const kind of ['color', 'outline'] as const) {
    const name = icons[kind];
    if (typeof name === 'string' && path.basename(name) === name) result.push([kind, name]);
  }
  return result;
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
