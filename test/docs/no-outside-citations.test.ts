import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
// Built from parts so this file does not cite them itself.
const OUTSIDE_DOCUMENTS = new RegExp(`\\b${'DES'}IGN\\b|${'STACK'}-NOTES`);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|mjs|cjs|json|md|sh)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

describe('code comments', () => {
  it('when src/, test/, bench/ and scripts/ are read, then none cites a document outside the repository', () => {
    const files = ['src', 'test', 'bench', 'scripts'].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const citing = files.flatMap((file) =>
      readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          OUTSIDE_DOCUMENTS.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    // Cite docs/ARCHITECTURE.md, docs/SECURITY.md, docs/MICROSOFT.md, README.md or a Microsoft Learn
    // page instead, or say the reason in a few words.
    expect(citing).toEqual([]);
  });

  it('when a line cites one of them, then the pattern finds it', () => {
    expect(OUTSIDE_DOCUMENTS.test(`// see ${'DES'}IGN §3`)).toBe(true);
    expect(OUTSIDE_DOCUMENTS.test(`// (${'STACK'}-NOTES)`)).toBe(true);
    expect(OUTSIDE_DOCUMENTS.test('// designed for Teams (docs/ARCHITECTURE.md)')).toBe(false);
  });
});
