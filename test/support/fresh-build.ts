import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');

/** Tests that spawn the built bot rebuild it first when a source file is newer than the build. */
export function ensureFreshBuild(entry = path.join(ROOT, 'dist', 'index.js')): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((latest, item) => {
      const full = path.join(dir, item.name);
      return Math.max(latest, item.isDirectory() ? newest(full) : statSync(full).mtimeMs);
    }, 0);
  let built: number;
  try {
    built = statSync(entry).mtimeMs;
  } catch {
    built = 0;
  }
  if (built >= newest(path.join(ROOT, 'src'))) return;
  const result = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0)
    throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
}
