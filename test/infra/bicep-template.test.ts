import { readRepoFile } from '../app-package/repo';

/**
 * No Bicep CLI runs offline: the npm registry has none (bicep-node downloads the CLI at run time),
 * so `bicep build` cannot be part of the tests. This checks infra/azure.bicep's structure instead —
 * balanced brackets and strings, every symbol declared once and every reference declared, every
 * parameter used, only Bicep's own functions called, resource types with dated API versions.
 * docs/DEPLOYMENT.md says how to run the real compiler (`az bicep build`) where Azure CLI exists.
 */
const source = readRepoFile('infra/azure.bicep');

/** The template with comments removed and each string literal's text blanked (interpolations kept). */
function code(text: string): { code: string; interpolations: string[]; unbalanced: string[] } {
  let out = '';
  const interpolations: string[] = [];
  const stack: string[] = [];
  const unbalanced: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
      continue;
    }
    if (c === "'") {
      out += "''";
      i++;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\\') i++;
        else if (text[i] === '$' && text[i + 1] === '{') {
          const end = text.indexOf('}', i);
          interpolations.push(text.slice(i + 2, end));
          i = end;
        } else if (text[i] === '\n') unbalanced.push('a string runs past the end of its line');
        i++;
      }
      continue;
    }
    if ('([{'.includes(c)) stack.push(c);
    if (')]}'.includes(c) && stack.pop() !== pairs[c]) unbalanced.push(`unexpected ${c}`);
    out += c;
  }
  if (stack.length > 0) unbalanced.push(`unclosed ${stack.join('')}`);
  return { code: out, interpolations, unbalanced };
}

const parsed = code(source);
const declarations = [...parsed.code.matchAll(/^(param|var|resource|output|module) (\w+) /gm)].map(
  (m) => ({ kind: m[1]!, name: m[2]! }),
);
const declared = new Set(declarations.map((d) => d.name));
const BICEP_FUNCTIONS = new Set([
  'resourceGroup',
  'subscription',
  'tenant',
  'environment',
  'take',
  'toLower',
  'replace',
  'uniqueString',
  'guid',
  'subscriptionResourceId',
  'empty',
  'concat',
  'string',
  'int',
]);
const KEYWORDS = new Set(['true', 'false', 'null', 'if', 'for', 'in', 'existing']);

/** Identifiers an expression uses as a value: not property names, not object keys (`key:`). */
function referencedNames(expression: string): string[] {
  const names: string[] = [];
  for (const m of expression.matchAll(/(?<![\w.])([A-Za-z_]\w*)\b(?!:)/g)) {
    names.push(m[1]!);
  }
  return names;
}

describe('infra/azure.bicep, checked without a Bicep compiler', () => {
  it('when it is scanned, then brackets and strings are balanced', () => {
    expect(parsed.unbalanced).toEqual([]);
  });

  it('when its symbols are listed, then each is declared once', () => {
    const names = declarations.filter((d) => d.kind !== 'output').map((d) => d.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    expect(names.length).toBeGreaterThan(30);
  });

  it('when a value, an interpolation, a parent or a scope names a symbol, then it is declared or a Bicep function', () => {
    const expressions = [
      ...parsed.interpolations,
      ...[
        ...parsed.code.matchAll(
          /^\s*(?:value|parent|scope|serverFarmId|principalId|keyVaultReferenceIdentity|roleDefinitionId|name|msaAppId|msaAppTenantId|msaAppMSIResourceId|endpoint|linuxFxVersion|displayName|location)\s*:\s*(.+)$/gm,
        ),
      ].map((m) => m[1]!),
      ...[...parsed.code.matchAll(/^(?:var|output \w+ \w+|param \w+ \w+) ?\w* = (.+)$/gm)].map(
        (m) => m[1]!,
      ),
      ...[...parsed.code.matchAll(/= if \((.+)\) \{/g)].map((m) => m[1]!),
    ];
    const unknown = new Set<string>();
    for (const expression of expressions) {
      for (const name of referencedNames(expression)) {
        if (!declared.has(name) && !BICEP_FUNCTIONS.has(name) && !KEYWORDS.has(name))
          unknown.add(name);
      }
    }
    expect([...unknown]).toEqual([]);
    expect(expressions.length).toBeGreaterThan(50);
  });

  it('when the parameters are listed, then each is used by the template', () => {
    const unused = declarations
      .filter((d) => d.kind === 'param')
      .filter(
        (d) =>
          (parsed.code + parsed.interpolations.join(' ')).split(new RegExp(`\\b${d.name}\\b`))
            .length < 3,
      );
    expect(unused.map((d) => d.name)).toEqual([]);
  });

  it('when resources are declared, then each names a provider type with a dated API version', () => {
    const types = [...source.matchAll(/^resource \w+ '([^']+)'/gm)].map((m) => m[1]!);
    expect(types.length).toBeGreaterThan(10);
    for (const type of types) {
      expect(type).toMatch(
        /^Microsoft\.[A-Za-z]+\/[A-Za-z]+(\/[A-Za-z]+)*@\d{4}-\d{2}-\d{2}(-preview)?$/,
      );
    }
  });

  it('when the role assignments are read, then they use the documented built-in role ids', () => {
    // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
    expect(source).toContain(
      "var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'",
    );
    expect(source).toContain("var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'");
  });

  it('when a broken template is scanned, then the checks notice (they can fail)', () => {
    expect(code("param a string = 'x\nvar b = { c: [ }").unbalanced.length).toBeGreaterThan(0);
    expect(referencedNames("take('${undeclaredThing}', 3)")).toContain('take');
  });
});
