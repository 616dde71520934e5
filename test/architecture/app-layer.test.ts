import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The application layer's rules from docs/ARCHITECTURE.md §1, read from the source: use cases
 * (src/app/) and ports (src/ports/) never reach up into bot/ or monitor/, use cases render no card,
 * and the use cases' own imports have no cycle.
 */
const SRC = resolve(__dirname, '../../src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The src-relative targets of a file's relative imports and re-exports. */
function relativeImports(file: string, root = SRC): string[] {
  const text = readFileSync(file, 'utf8');
  const targets = [...text.matchAll(/(?:import|export)[^'";]*?from\s+'(\.[^']+)'/g)].map(
    (match) => match[1] ?? '',
  );
  return targets.map((target) => relative(root, resolve(dirname(file), target)));
}

function importsInto(folder: string, forbidden: readonly string[]): string[] {
  return sourceFiles(join(SRC, folder)).flatMap((file) =>
    relativeImports(file)
      .filter((target) => forbidden.some((top) => target === top || target.startsWith(`${top}/`)))
      .map((target) => `${relative(SRC, file)} -> ${target}`),
  );
}

function resolveModule(root: string, target: string): string | undefined {
  const base = join(root, target);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** One cycle among the files of a folder, as a path of files, or undefined. */
function findCycle(folder: string, root = SRC): string[] | undefined {
  const files = sourceFiles(join(root, folder));
  const inside = new Set(files);
  const edges = new Map(
    files.map((file) => [
      file,
      relativeImports(file, root)
        .map((target) => resolveModule(root, target))
        .filter((target): target is string => target !== undefined && inside.has(target)),
    ]),
  );
  const state = new Map<string, 'open' | 'done'>();
  const walk = (file: string, path: string[]): string[] | undefined => {
    if (state.get(file) === 'done') return undefined;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    for (const next of edges.get(file) ?? []) {
      const cycle = walk(next, [...path, file]);
      if (cycle) return cycle;
    }
    state.set(file, 'done');
    return undefined;
  };
  for (const file of files) {
    const cycle = walk(file, []);
    if (cycle) return cycle.map((f) => relative(root, f));
  }
  return undefined;
}

describe('the application layer', () => {
  it('has replaced src/services/', () => {
    expect(existsSync(join(SRC, 'services'))).toBe(false);
  });

  it('imports nothing from bot/, monitor/ or cards/ (use cases return data)', () => {
    expect(importsInto('app', ['bot', 'monitor', 'cards'])).toEqual([]);
  });

  it('leaves bot/ importing nothing from monitor/ (the notification facts are a port type)', () => {
    expect(importsInto('bot', ['monitor'])).toEqual([]);
  });

  it('keeps the consent, check and notification use cases off tenant/ (they name port types only)', () => {
    expect(importsInto('app/consent', ['tenant'])).toEqual([]);
    expect(importsInto('app/check', ['tenant'])).toEqual([]);
    expect(importsInto('app/notifications', ['tenant'])).toEqual([]);
  });

  it('has ports that depend on no implementation', () => {
    expect(importsInto('ports', ['app', 'bot', 'monitor', 'store', 'tenant'])).toEqual([]);
  });

  it('has no import cycle among the consent and check use cases, ports or consent handlers', () => {
    expect(findCycle('app/consent')).toBeUndefined();
    expect(findCycle('app/check')).toBeUndefined();
    expect(findCycle('ports')).toBeUndefined();
    expect(findCycle('bot/consent')).toBeUndefined();
  });

  it('would see a forbidden import or a cycle (the checks themselves can fail)', () => {
    expect(importsInto('bot', ['app']).length).toBeGreaterThan(0);
    const root = mkdtempSync(join(tmpdir(), 'cycle-'));
    writeFileSync(join(root, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
    writeFileSync(join(root, 'b.ts'), "export { a as b } from './a';\n");
    expect(findCycle('.', root)).toEqual(['a.ts', 'b.ts', 'a.ts']);
  });
});
