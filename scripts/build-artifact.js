// `npm run build:artifact`: the production artifact, built once and deployed as is.
//   artifact/            dist/ (compiled from src/), package.json (start script only),
//                        package-lock.json and node_modules/ from `npm ci --omit=dev`
//   artifact.zip         the same folder zipped, for `az webapp deploy --type zip`
// Nothing from devDependencies (TypeScript, jest, azurite, playwright, the `node` runtime package)
// is in it: App Service brings Node.js 24 itself (linuxFxVersion NODE|24-lts in infra/azure.bicep).
// test-deploy/artifact.test.ts checks the result; docs/DEPLOYMENT.md states its size.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'artifact');
const zipPath = path.join(root, 'artifact.zip');
const npm = process.env.npm_execpath
  ? [process.execPath, process.env.npm_execpath]
  : [process.platform === 'win32' ? 'npm.cmd' : 'npm'];

function run(args, cwd) {
  execFileSync(npm[0], [...npm.slice(1), ...args], { cwd, stdio: 'inherit' });
}

fs.rmSync(out, { recursive: true, force: true });
fs.rmSync(zipPath, { force: true });
fs.mkdirSync(out);

// 1. Compile src/ straight into the artifact, so no stale or tool output (dist/tools) comes along.
execFileSync(
  process.execPath,
  [
    require.resolve('typescript/bin/tsc'),
    '-p',
    'tsconfig.build.json',
    '--outDir',
    path.join(out, 'dist'),
  ],
  { cwd: root, stdio: 'inherit' },
);

// 2. The manifest and the lock file, with only the start script: `prepare` (tsc) must not run
//    where TypeScript is not installed. The dependency lists stay as they are so `npm ci` accepts the lock.
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
delete pkg.bin;
pkg.scripts = { start: 'node dist/index.js' };
fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
fs.copyFileSync(path.join(root, 'package-lock.json'), path.join(out, 'package-lock.json'));

// 3. Production dependencies only (install scripts as allowed by package.json allowScripts).
run(['ci', '--omit=dev', '--no-audit', '--no-fund'], out);

// 4. The zip, and the sizes docs/DEPLOYMENT.md quotes.
const AdmZip = require('adm-zip');
const zip = new AdmZip();
zip.addLocalFolder(out);
zip.writeZip(zipPath);

function folderBytes(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(
  `artifact/: ${mb(folderBytes(out))} on disk (node_modules ${mb(folderBytes(path.join(out, 'node_modules')))}); artifact.zip: ${mb(fs.statSync(zipPath).size)}`,
);
