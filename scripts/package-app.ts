import path from 'node:path';
import { COMMANDS } from '../src/bot/command-catalogue';
import { AppPackageError } from './app-package/app-package-error';
import { buildAppPackage } from './app-package/build-app-package';
import { syncManifestCommands } from './app-package/sync-manifest-commands';

const USAGE = `Usage: npm run package [-- --env <name>]

Builds appPackage/build/appPackage.<name>.zip (manifest.json, color.png, outline.png) from
appPackage/manifest.json with its \${{VAR}} placeholders filled from env/.env.<name>
(default: local), after validating the manifest against the official schema offline.`;

/** `npm run package [-- --env <name>]`: the Teams app package, built and validated offline. */
async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if ('help' in args) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ('problem' in args) {
    process.stderr.write(`${args.problem}\n\n${USAGE}\n`);
    return 2;
  }
  const rootDir = path.resolve(__dirname, '..', '..', '..');
  if (syncManifestCommands(rootDir, COMMANDS)) {
    process.stdout.write(
      'Updated the command list in appPackage/manifest.json from src/bot/command-catalogue.ts; commit it.\n',
    );
  }
  const built = await buildAppPackage({ rootDir, envName: args.envName, commands: COMMANDS });
  for (const note of built.notes) process.stdout.write(`Note: ${note}\n`);
  process.stdout.write(
    `Wrote ${path.relative(rootDir, built.zipPath)}: manifest v${String(built.manifest.manifestVersion)} is valid against the official schema, icons valid.\n`,
  );
  return 0;
}

function parseArgs(argv: string[]): { envName: string } | { help: true } | { problem: string } {
  let envName = 'local';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--env') {
      const next = argv[++i];
      if (!next) return { problem: '--env needs a name, for example --env dev.' };
      envName = next;
    } else if (arg.startsWith('--env=')) {
      envName = arg.slice('--env='.length);
    } else {
      return { problem: `Unknown argument "${arg}".` };
    }
  }
  return { envName };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof AppPackageError ? error.message : String(error);
    process.stderr.write(`npm run package failed: ${message}\n`);
    process.exitCode = 1;
  },
);
