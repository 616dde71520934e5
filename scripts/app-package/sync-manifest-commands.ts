import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as prettier from 'prettier';
import type { CommandDefinition } from '../../src/bot/command-catalogue';
import { readManifestCommands, toManifestCommands, withManifestCommands } from './manifest-commands';

/**
 * Brings the committed appPackage/manifest.json's command list in line with the command registry
 * (the toolkit zips that file directly, so it must not drift). Returns true when it rewrote it.
 */
export async function syncManifestCommands(
  rootDir: string,
  registry: readonly CommandDefinition[],
): Promise<boolean> {
  const file = path.join(rootDir, 'appPackage', 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const { commands } = toManifestCommands(registry);
  if (isDeepStrictEqual(readManifestCommands(manifest), commands)) return false;
  const text = await prettier.format(JSON.stringify(withManifestCommands(manifest, commands)), {
    ...(await prettier.resolveConfig(file)),
    filepath: file,
  });
  writeFileSync(file, text);
  return true;
}
