// `npm run dev`: TypeScript in watch mode and the bot restarted on every rebuild, no extra packages.
// `tsc -w` recompiles src/ into dist/; `node --watch` restarts dist/index.js when a file it loaded
// changes. Settings come from the environment, and from .localConfigs when the toolkit wrote one
// (`node --env-file-if-exists`, Node.js 22+). Ctrl+C stops both.
'use strict';
const { spawn, execFileSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const tsc = require.resolve('typescript/bin/tsc');
const project = ['-p', 'tsconfig.build.json'];

// One full build first, so the bot starts from a complete dist/.
execFileSync(process.execPath, [tsc, ...project], { cwd: root, stdio: 'inherit' });

const children = [
  spawn(process.execPath, [tsc, ...project, '--watch', '--preserveWatchOutput'], {
    cwd: root,
    stdio: 'inherit',
  }),
  spawn(
    process.execPath,
    ['--watch', '--env-file-if-exists=.localConfigs', ...process.argv.slice(2), 'dist/index.js'],
    { cwd: root, stdio: 'inherit' },
  ),
];
let stopping = false;
const stop = (code) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
