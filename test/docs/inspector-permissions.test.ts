import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INSPECTOR_PERMISSIONS } from '../../src/domain/inspector-permissions';

const ROOT = join(__dirname, '..', '..');

/** Every file an operator reads to learn what the inspector identity needs. */
const DOCUMENTS = [
  'README.md',
  'docs/DEPLOYMENT.md',
  'docs/SECURITY.md',
  'env/.env.example',
  'env/.env.dev',
  'infra/azure.bicep',
  'appPackage/manifest.json',
];

/** Read permissions once (or elsewhere) named for the inspector that the constant does not hold. */
const NOT_THE_INSPECTORS = ['DelegatedPermissionGrant.Read.All', 'Application.Read.All alone'];

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

describe('the inspector identity’s permissions, one list everywhere', () => {
  it('holds exactly Application.Read.All and Directory.Read.All', () => {
    expect([...INSPECTOR_PERMISSIONS]).toEqual(['Application.Read.All', 'Directory.Read.All']);
  });

  it.each(DOCUMENTS)(
    'when %s tells what the inspector needs, then it names every permission of the list and no other',
    (path) => {
      const text = read(path);
      for (const permission of INSPECTOR_PERMISSIONS) expect(text).toContain(permission);
      for (const other of NOT_THE_INSPECTORS) expect(text).not.toContain(other);
    },
  );

  it('when the product names an inspector permission, then it takes it from the constant (no literal outside it)', () => {
    const allowed = new Set([
      'src/domain/inspector-permissions.ts',
      // The catalogue of Graph permission ids, used to name what PCEmail requests.
      'src/domain/well-known-graph-permissions.ts',
    ]);
    const offenders = sourceFiles('src')
      .filter((path) => !path.startsWith('src/simulator/') && !allowed.has(path))
      .filter((path) =>
        [...INSPECTOR_PERMISSIONS, ...NOT_THE_INSPECTORS].some((p) => read(path).includes(p)),
      );
    expect(offenders).toEqual([]);
  });
});
