import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';

const REPO = path.join(__dirname, '../..');

/**
 * Transpiles the folders' TypeScript files (as ts-jest does for the tests) into `outDir`, keeping
 * their places relative to the repo, so a plain `node` child can run the real store code.
 */
export async function transpileForChild(folders: string[], outDir: string): Promise<void> {
  for (const folder of folders) {
    for (const name of await readdir(path.join(REPO, folder))) {
      if (!name.endsWith('.ts')) continue;
      const source = await readFile(path.join(REPO, folder, name), 'utf8');
      const { outputText } = ts.transpileModule(source, {
        fileName: name,
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
        },
      });
      await mkdir(path.join(outDir, folder), { recursive: true });
      await writeFile(path.join(outDir, folder, name.replace(/\.ts$/, '.js')), outputText);
    }
  }
}

/** Starts `node` on a transpiled script, with extra environment variables. */
export function runChild(script: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [script], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves with the exit code, and what the child wrote to stderr (call it right after spawning). */
export function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}
