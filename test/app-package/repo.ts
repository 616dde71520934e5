import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The repository root, where appPackage/, env/ and infra/ live. */
export const ROOT = path.resolve(__dirname, '..', '..');

export function readRepoFile(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

export function readCommittedManifest(): Record<string, unknown> {
  return JSON.parse(readRepoFile('appPackage/manifest.json')) as Record<string, unknown>;
}

const tempDirs: string[] = [];

/** A fresh folder under the system temp dir, removed by removeTempDirs(). */
export function makeTempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pcemail-app-package-'));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A throw-away copy of appPackage/ and env/, for tests that change or write files. */
export function copyOfProject(): string {
  const dir = makeTempDir();
  for (const folder of ['appPackage', 'env']) {
    cpSync(path.join(ROOT, folder), path.join(dir, folder), {
      recursive: true,
      filter: (source) => !source.includes(`${path.sep}build`),
    });
  }
  return dir;
}

/** The parts of a Teams manifest the tests read and break. */
export interface TestManifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string; full: string };
  description: { short: string; full: string };
  developer: Partial<Record<'name' | 'websiteUrl' | 'privacyUrl' | 'termsOfUseUrl', string>>;
  icons: { color: string; outline: string };
  bots: {
    botId: string;
    scopes: string[];
    commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
  }[];
}
