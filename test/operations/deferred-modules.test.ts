import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureFreshBuild, ROOT } from '../support/fresh-build';

/**
 * src/defer-unused-modules.ts keeps teams-ai's OpenAI and tokenizer packages from loading at start.
 * These tests load teams-ai in a fresh Node process, as the bot does, and read Node's module cache.
 */
function loadedPackages(withShim: boolean): string[] {
  const shim = path.join(ROOT, 'dist', 'defer-unused-modules.js');
  const script = [
    withShim ? `require(${JSON.stringify(shim)});` : '',
    `require('@microsoft/teams-ai');`,
    `const names = Object.keys(require.cache).map((f) => (/node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f) || [])[1]).filter(Boolean);`,
    `process.stdout.write(JSON.stringify([...new Set(names)]));`,
  ].join('\n');
  const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[];
}

beforeAll(() => ensureFreshBuild(), 120_000);

test('when teams-ai loads without the shim, then openai and gpt-tokenizer load with it (the shim has work to do)', () => {
  const loaded = loadedPackages(false);
  expect(loaded).toEqual(expect.arrayContaining(['openai', 'gpt-tokenizer']));
});

test('when teams-ai loads after the shim, then neither openai nor gpt-tokenizer is loaded', () => {
  const loaded = loadedPackages(true);
  expect(loaded).toContain('@microsoft/teams-ai');
  expect(loaded).not.toContain('openai');
  expect(loaded).not.toContain('gpt-tokenizer');
});

test('when a deferred package is used through the shim, then the real package loads on first use', () => {
  const shim = path.join(ROOT, 'dist', 'defer-unused-modules.js');
  const script = `require(${JSON.stringify(shim)}); const openai = require('openai'); process.stdout.write(typeof openai.OpenAI);`;
  const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(result.stdout).toBe('function');
});
