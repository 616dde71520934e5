import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
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
  removeOrphans(path.join(ROOT, 'dist'), path.join(ROOT, 'src'));
  if (built >= newest(path.join(ROOT, 'src'))) return;
  const result = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0)
    throw new Error(`npm run build failed:\n${result.stdout}${result.stderr}`);
}

/** Deletes built files whose source is gone (a module moved into a folder would otherwise shadow it). */
function removeOrphans(distDir: string, srcDir: string): void {
  if (!existsSync(distDir)) return;
  for (const item of readdirSync(distDir, { withFileTypes: true })) {
    const built = path.join(distDir, item.name);
    if (item.isDirectory()) {
      removeOrphans(built, path.join(srcDir, item.name));
      continue;
    }
    const source = item.name.replace(/\.js(\.map)?$/, '.ts');
    if (source !== item.name && !existsSync(path.join(srcDir, source)))
      rmSync(built, { force: true });
  }
}
