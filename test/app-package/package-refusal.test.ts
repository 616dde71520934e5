// @microsoft/app-manifest requires strip-bom 5, an ES module jest cannot load (Node runs it);
// the validator never uses it, so a stand-in keeps the real library loadable here.
jest.mock(
  require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest')] }),
  () => ({ __esModule: true, default: (text: string) => text.replace(/^\uFEFF/, '') }),
);

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { COMMANDS } from '../../src/bot/command-catalogue';
import { AppPackageError } from '../../scripts/app-package/app-package-error';
import { buildAppPackage } from '../../scripts/app-package/build-app-package';
import { findPlaceholderIds } from '../../scripts/app-package/placeholder-ids';
import { copyOfProject, makeTempDir, removeTempDirs } from './repo';

afterAll(removeTempDirs);

/** A copy of the project with env/.env.<name> made from env/.env.local, ids replaced as given. */
function projectWithEnv(name: string, ids: Record<string, string> = {}): string {
  const dir = copyOfProject();
  let text = readFileSync(path.join(dir, 'env', '.env.local'), 'utf8');
  for (const [key, id] of Object.entries(ids)) {
    text = text.replace(new RegExp(`^${key}=.*$`, 'm'), `${key}=${id}`);
  }
  writeFileSync(path.join(dir, 'env', `.env.${name}`), text);
  return dir;
}

describe('npm run package: placeholder ids', () => {
  it('when env dev still has the placeholder ids, then the package is refused, naming each and the fix', async () => {
    const outDir = makeTempDir();
    const error = await buildAppPackage({
      rootDir: projectWithEnv('dev'),
      envName: 'dev',
      commands: COMMANDS,
      outDir,
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppPackageError);
    const problems = (error as AppPackageError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^\$\.id = 00000000-0000-0000-0000-00000000a001: run `atk provision --env dev`/,
        ),
        expect.stringMatching(/^\$\.bots\[0\]\.botId = 00000000-0000-0000-0000-00000000b001/),
      ]),
    );
    expect((error as Error).message).toContain('env/.env.dev still has placeholder ids');
    expect(existsSync(path.join(outDir, 'appPackage.dev.zip'))).toBe(false);
  });

  it('when env dev has real ids, then the package is built', async () => {
    const outDir = makeTempDir();
    const built = await buildAppPackage({
      rootDir: projectWithEnv('dev', {
        TEAMS_APP_ID: '3f2a6c1e-8b4d-4e5f-9a7b-1c2d3e4f5a6b',
        BOT_ID: '7d8e9f0a-1b2c-4d3e-8f5a-6b7c8d9e0f1a',
        AAD_APP_CLIENT_ID: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
      }),
      envName: 'dev',
      commands: COMMANDS,
      outDir,
    });
    expect(existsSync(built.zipPath)).toBe(true);
    expect(findPlaceholderIds(built.manifest)).toEqual([]);
  });

  it('when env local has the placeholder ids, then the package is built (a fresh clone works offline)', async () => {
    const outDir = makeTempDir();
    const built = await buildAppPackage({
      rootDir: projectWithEnv('local'),
      envName: 'local',
      commands: COMMANDS,
      outDir,
    });
    expect(findPlaceholderIds(built.manifest).length).toBeGreaterThan(0);
  });
});
