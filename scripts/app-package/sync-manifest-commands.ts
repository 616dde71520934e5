import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { CommandDefinition } from '../../src/bot/command-catalogue';
import {
  readManifestCommands,
  toManifestCommands,
  withManifestCommands,
} from './manifest-commands';

/**
 * Brings the committed appPackage/manifest.json's command list in line with the command registry
 * (the toolkit zips that file directly, so it must not drift). Returns true when it rewrote it.
 */
export function syncManifestCommands(
  rootDir: string,
  registry: readonly CommandDefinition[],
): boolean {
  const file = path.join(rootDir, 'appPackage', 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const { commands } = toManifestCommands(registry);
  if (isDeepStrictEqual(readManifestCommands(manifest), commands)) return false;
  writeFileSync(file, formatJson(JSON.stringify(withManifestCommands(manifest, commands)), file));
  return true;
}

/** Formats as the project's Prettier does, so `npm run format` leaves the file alone. */
function formatJson(json: string, file: string): string {
  // Prettier's CLI in a child process: its API loads plugins with import(), which jest cannot run.
  const prettier = require.resolve('prettier/bin/prettier.cjs');
  return execFileSync(process.execPath, [prettier, '--stdin-filepath', file], {
    input: json,
    encoding: 'utf8',
  });
}
