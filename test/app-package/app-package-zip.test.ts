// @microsoft/app-manifest requires strip-bom 5, an ES module jest cannot load (Node runs it);
// the validator never uses it, so a stand-in keeps the real library loadable here.
jest.mock(
  require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest')] }),
  () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }),
);

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { COMMANDS } from '../../src/bot/command-catalogue';
import { AppPackageError } from '../../scripts/app-package/app-package-error';
import { buildAppPackage } from '../../scripts/app-package/build-app-package';
import { toManifestCommands } from '../../scripts/app-package/manifest-commands';
import { validateManifest } from '../../scripts/app-package/validate-manifest';
import { ROOT, copyOfProject, makeTempDir, removeTempDirs, type TestManifest } from './repo';

const tempDir = makeTempDir;

afterAll(removeTempDirs);

async function buildFailure(rootDir: string, envName = 'local'): Promise<AppPackageError> {
  const outDir = tempDir();
  const error = await buildAppPackage({ rootDir, envName, commands: COMMANDS, outDir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppPackageError);
  expect(existsSync(path.join(outDir, `appPackage.${envName}.zip`))).toBe(false);
  return error as AppPackageError;
}

describe('npm run package: the Teams app package zip', () => {
  it('when built for env local, then the zip holds exactly manifest.json, color.png and outline.png', async () => {
    const outDir = tempDir();
    const built = await buildAppPackage({
      rootDir: ROOT,
      envName: 'local',
      commands: COMMANDS,
      outDir,
    });

    expect(built.zipPath).toBe(path.join(outDir, 'appPackage.local.zip'));
    const zip = new AdmZip(built.zipPath);
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(
      zip.readFile('color.png')!.equals(readFileSync(path.join(ROOT, 'appPackage', 'color.png'))),
    ).toBe(true);
    expect(
      zip
        .readFile('outline.png')!
        .equals(readFileSync(path.join(ROOT, 'appPackage', 'outline.png'))),
    ).toBe(true);
  });

  it('when built for env local, then the zipped manifest is filled from env/.env.local, valid and carries the registry commands', async () => {
    const built = await buildAppPackage({
      rootDir: ROOT,
      envName: 'local',
      commands: COMMANDS,
      outDir: tempDir(),
    });
    const text = new AdmZip(built.zipPath).readAsText('manifest.json');
    const manifest = JSON.parse(text) as TestManifest;

    expect(text).not.toContain('${{');
    expect(manifest.id).toBe('00000000-0000-0000-0000-00000000a001');
    expect(manifest.bots[0]!.botId).toBe('00000000-0000-0000-0000-00000000b001');
    expect(manifest.name.short).toBe('PCEmail Ops-local');
    expect(manifest.bots[0]!.commandLists[0]!.commands).toEqual(
      toManifestCommands(COMMANDS).commands,
    );
    await expect(validateManifest(manifest)).resolves.toEqual([]);
  });

  it('when the env file leaves ids empty, then packaging fails listing each unfilled placeholder', async () => {
    const dir = copyOfProject();
    writeFileSync(path.join(dir, 'env', '.env.staging'), 'APP_NAME_SUFFIX=\nTEAMS_APP_ID=\n');

    const error = await buildFailure(dir, 'staging');

    expect(error.problems).toEqual([
      expect.stringContaining('${{TEAMS_APP_ID}}: set TEAMS_APP_ID in env/.env.staging'),
      expect.stringContaining('${{BOT_ID}}: set BOT_ID in env/.env.staging'),
      expect.stringContaining('${{AAD_APP_CLIENT_ID}}: set AAD_APP_CLIENT_ID in env/.env.staging'),
    ]);
  });

  it('when a filled value breaks the schema, then packaging fails with the schema error', async () => {
    const dir = copyOfProject();
    writeFileSync(
      path.join(dir, 'env', '.env.broken'),
      'APP_NAME_SUFFIX= with a suffix far too long for Teams\nTEAMS_APP_ID=00000000-0000-0000-0000-000000000001\nBOT_ID=not-a-guid\nAAD_APP_CLIENT_ID=00000000-0000-0000-0000-000000000002\n',
    );

    const error = await buildFailure(dir, 'broken');

    expect(error.problems.some((p) => p.includes('/name/short'))).toBe(true);
    expect(error.problems.some((p) => p.includes('/bots/0/botId'))).toBe(true);
  });

  it('when an icon is wrong or missing, then packaging fails naming it', async () => {
    const dir = copyOfProject();
    const appPackage = path.join(dir, 'appPackage');
    writeFileSync(
      path.join(appPackage, 'outline.png'),
      readFileSync(path.join(appPackage, 'color.png')),
    );

    expect((await buildFailure(dir)).problems).toContainEqual(
      'outline.png is 192×192; Teams requires 32×32',
    );

    const manifest = JSON.parse(
      readFileSync(path.join(appPackage, 'manifest.json'), 'utf8'),
    ) as TestManifest;
    manifest.icons.color = 'missing.png';
    writeFileSync(path.join(appPackage, 'manifest.json'), JSON.stringify(manifest));
    expect((await buildFailure(dir)).problems).toContainEqual(
      expect.stringContaining('appPackage/missing.png (icons.color) is missing'),
    );
  });
});
