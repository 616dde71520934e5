import { readRepoFile } from './repo';

const pkg = JSON.parse(readRepoFile('package.json')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};
const major = (version: string): number => Number(/(\d+)/.exec(version)?.[1]);

describe('the supported runtime: Node.js 24 LTS', () => {
  it(`when the tests run, then they run on Node.js 24 (this run: ${process.version})`, () => {
    expect(major(process.version)).toBe(24);
  });

  it('when package.json is read, then engines, the node package and @types/node all say 24', () => {
    expect(pkg.engines.node).toBe('>=24 <25');
    expect(pkg.devDependencies.node).toMatch(/^24\.\d+\.\d+$/);
    expect(major(pkg.devDependencies['@types/node']!)).toBe(24);
  });

  it('when install scripts are reviewed, then only the node binary and botbuilder-dialogs may run theirs', () => {
    expect(pkg.allowScripts).toEqual({
      'botbuilder-dialogs': true,
      node: true,
      '@parcel/watcher': false,
      'dtrace-provider': false,
      protobufjs: false,
    });
  });

  it('when CI, the Bicep and the README are read, then they name the same runtime', () => {
    expect(readRepoFile('.ci/run')).toContain('. scripts/use-project-node.sh');
    expect(readRepoFile('infra/azure.bicep')).toContain(
      "param linuxFxVersion string = 'NODE|24-lts'",
    );
    expect(readRepoFile('README.md')).toMatch(/Node\.js 24/);
    expect(readRepoFile('README.md')).not.toMatch(/Node(\.js)? 20\b/);
  });
});

describe('how the product is started', () => {
  const startCommand = (command: string): string => command.split('&&').at(-1)!.trim();
  const scripts = (JSON.parse(readRepoFile('package.json')) as { scripts: Record<string, string> })
    .scripts;

  it('when npm start, the production artifact and the Azure Web App start the bot, then they run the same command with the same Node.js flags', () => {
    const local = startCommand(scripts.start!);
    expect(local).toMatch(/^node (--[\w-]+(=\S+)? )*dist\/index\.js$/);
    const artifact = /start: '([^']+)'/.exec(readRepoFile('scripts/build-artifact.js'))?.[1];
    const azure = /appCommandLine: '([^']+)'/.exec(readRepoFile('infra/azure.bicep'))?.[1];
    expect({ artifact, azure }).toEqual({ artifact: local, azure: local });
  });
});
