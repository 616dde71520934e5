import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Node.js flags the product runs with, read from `npm start` in package.json (the same flags are
 * in the artifact's start script and the Bicep start command; test/app-package/runtime.test.ts keeps
 * them equal), so the benchmarks measure the bot as it is started.
 */
export function productNodeFlags(): string[] {
  const root = path.join(__dirname, '..', '..', '..');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const command = pkg.scripts.start.split('&&').at(-1) ?? '';
  return command
    .trim()
    .split(/\s+/)
    .filter((word) => word.startsWith('--'));
}
