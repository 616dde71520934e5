import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppPackageError } from './app-package-error';

const ENV_NAME = /^[a-z0-9][a-z0-9_-]*$/i;
const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*?)\s*$/;

/**
 * Parses a toolkit environment file the way the Teams Toolkit (dotenv) reads it: KEY=VALUE lines,
 * `#` comments, values optionally in single or double quotes.
 */
export function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = LINE.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    const [, key = '', raw = ''] = match;
    values.set(key, unquote(raw));
  }
  return values;
}

/**
 * Reads `env/.env.<name>` (not its `.user` secrets file: a manifest holds no secrets); the name is
 * checked so it can only point inside the env folder. TEAMSFX_ENV is the name, as in the toolkit.
 */
export function readEnvFile(envDir: string, envName: string): Map<string, string> {
  if (!ENV_NAME.test(envName)) {
    throw new AppPackageError(`"${envName}" is not an environment name.`, [
      'use letters, digits, - or _ (for example local or dev), matching a file env/.env.<name>',
    ]);
  }
  const file = path.join(envDir, `.env.${envName}`);
  if (!existsSync(file)) {
    const known = listEnvironments(envDir);
    throw new AppPackageError(`There is no environment file env/.env.${envName}.`, [
      known.length > 0
        ? `use one of: ${known.join(', ')} (npm run package -- --env <name>), or create env/.env.${envName}`
        : `create env/.env.${envName}`,
    ]);
  }
  const values = parseEnvFile(readFileSync(file, 'utf8'));
  values.set('TEAMSFX_ENV', envName);
  return values;
}

/** Environment names that have a checked-in file (`.user` secrets files and the example excluded). */
export function listEnvironments(envDir: string): string[] {
  if (!existsSync(envDir)) return [];
  return readdirSync(envDir)
    .map((file) => /^\.env\.([^.]+)$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined && name !== 'example')
    .sort();
}

function unquote(raw: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(raw);
  if (quoted) {
    const inner = quoted[2] ?? '';
    return quoted[1] === '"' ? inner.replace(/\\n/g, '\n') : inner;
  }
  // Like the toolkit's parser: an unquoted value ends at the first #.
  return raw.replace(/#.*$/, '').trim();
}
