import { readRepoFile } from './repo';

/** VS Code's JSON with comments: these files have whole-line comments only. */
const readJsonc = (file: string): Record<string, unknown> =>
  JSON.parse(
    readRepoFile(file)
      .split('\n')
      .filter((line) => !/^\s*\/\//.test(line))
      .join('\n'),
  ) as Record<string, unknown>;

interface LaunchConfig {
  name: string;
  program: string;
  preLaunchTask?: string;
  runtimeExecutable?: string;
}

describe('the development setup', () => {
  it('when F5 is pressed, then the first launch configuration builds and starts the bot with the Agents Playground on the project Node.js', () => {
    const launch = readJsonc('.vscode/launch.json') as { configurations: LaunchConfig[] };
    const f5 = launch.configurations[0]!;
    expect(f5.program).toBe('${workspaceFolder}/dist/playground.js');
    expect(f5.preLaunchTask).toBe('build');
    expect(f5.runtimeExecutable).toBe('${workspaceFolder}/node_modules/.bin/node');
    const tasks = readJsonc('.vscode/tasks.json') as { tasks: { label: string; script: string }[] };
    expect(tasks.tasks.find((t) => t.label === 'build')?.script).toBe('build');
    const pkg = JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toBe('rimraf dist && tsc -p tsconfig.build.json');
    expect(pkg.scripts.playground).toContain('node dist/playground.js');
  });

  it('when npm run dev runs, then TypeScript watches and node --watch restarts the bot', () => {
    const pkg = JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.dev).toBe('node scripts/dev.js');
    const dev = readRepoFile('scripts/dev.js');
    expect(dev).toContain("'--watch', '--preserveWatchOutput'");
    expect(dev).toContain("'--watch', '--env-file-if-exists=.localConfigs'");
  });
});
