import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';

/** What `npm run build:artifact` produced (test:artifact builds it first). */
const root = path.resolve(__dirname, '..');
const artifact = path.join(root, 'artifact');
interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
}
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Every installed package folder, as its lock-file key (node_modules/a/node_modules/@s/b). */
function installedPackages(dir: string, prefix = 'node_modules'): string[] {
  const found: string[] = [];
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('@')) {
      found.push(...installedPackages(path.join(dir, entry.name), `${prefix}/${entry.name}`));
      continue;
    }
    const key = prefix.endsWith('node_modules')
      ? `${prefix}/${entry.name}`
      : `${prefix}/${entry.name}`;
    const full = path.join(dir, entry.name);
    if (fs.existsSync(path.join(full, 'package.json'))) found.push(key);
    found.push(...installedPackages(path.join(full, 'node_modules'), `${key}/node_modules`));
  }
  return found;
}

describe('the production artifact', () => {
  const installed = installedPackages(path.join(artifact, 'node_modules'));

  it('when it is built, then it holds the compiled bot, the manifest and the lock file, and no sources or tests', () => {
    expect(fs.readdirSync(artifact).sort()).toEqual([
      'dist',
      'node_modules',
      'package-lock.json',
      'package.json',
    ]);
    expect(fs.existsSync(path.join(artifact, 'dist', 'index.js'))).toBe(true);
    expect(fs.existsSync(path.join(artifact, 'dist', 'tools'))).toBe(false);
    const manifest = JSON.parse(fs.readFileSync(path.join(artifact, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts).toEqual({ start: 'node dist/index.js' });
  });

  it('when its node_modules is listed, then no package is a dev-only one of the lock file', () => {
    expect(installed.length).toBeGreaterThan(100);
    const devOnly = installed.filter((key) => {
      const entry = lock.packages[key];
      return entry === undefined || entry.dev === true;
    });
    expect(devOnly).toEqual([]);
    // A devDependency that a production package also needs (@types/node) is not dev in the lock.
    const devTools = Object.keys(rootPackage.devDependencies).filter(
      (name) => lock.packages[`node_modules/${name}`]?.dev === true,
    );
    expect(devTools).toEqual(expect.arrayContaining(['typescript', 'jest', 'azurite', 'node']));
    for (const name of devTools) {
      expect([name, installed.includes(`node_modules/${name}`)]).toEqual([name, false]);
    }
    for (const name of Object.keys(rootPackage.dependencies)) {
      expect([name, installed.includes(`node_modules/${name}`)]).toEqual([name, true]);
    }
  });

  it('when artifact.zip is read, then it holds the same folder and nothing from devDependencies', () => {
    const names = new AdmZip(path.join(root, 'artifact.zip')).getEntries().map((e) => e.entryName);
    expect(names).toContain('dist/index.js');
    expect(names).toContain('node_modules/restify/package.json');
    for (const tool of ['typescript', 'jest', 'azurite', 'playwright-core', 'node', 'eslint']) {
      expect([tool, names.some((n) => n.startsWith(`node_modules/${tool}/`))]).toEqual([
        tool,
        false,
      ]);
    }
    expect(names.filter((n) => /^(src|test|env|infra)\//.test(n) || /\.env\b/.test(n))).toEqual([]);
  });

  it('when the artifact is started on its own, then the bot answers /healthz', async () => {
    const child = spawn(process.execPath, ['dist/index.js'], {
      cwd: artifact,
      env: { PATH: process.env.PATH, PORT: '0', NODE_ENV: 'production', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/[^/\s]+)\/api\/messages/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`exited with ${String(code)}: ${out}`)));
      });
      const response = await fetch(`${url}/healthz`);
      expect(response.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
