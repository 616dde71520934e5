/**
 * `npm run check:dead-exports`: lists what src/ exports that no file of the project imports (src,
 * test, bench, scripts and the browser and artifact tests, as tsconfig.json includes them).
 * A name used only inside its own file is listed too: its `export` can go. Values only; `-- --types`
 * adds types and interfaces.
 */
import path from 'node:path';
import ts from 'typescript';

function loadProgram(root: string): ts.Program {
  const configPath = path.join(root, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root);
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

function original(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** Types and interfaces are left out unless `withTypes`: one in a signature is fine exported. */
export function findDeadExports(root: string, withTypes = false): string[] {
  const program = loadProgram(root);
  const checker = program.getTypeChecker();
  const used = new Set<ts.Symbol>();
  const own = (file: ts.SourceFile) =>
    !file.isDeclarationFile && !file.fileName.includes('node_modules');

  for (const file of program.getSourceFiles().filter(own)) {
    file.forEachChild(function visit(node) {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
        const spec = node.moduleSpecifier;
        const target = spec && checker.getSymbolAtLocation(spec);
        if (ts.isImportDeclaration(node)) {
          const bindings = node.importClause?.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings) && target) {
            for (const e of checker.getExportsOfModule(target)) used.add(original(checker, e));
          }
          if (node.importClause?.name) {
            const s = checker.getSymbolAtLocation(node.importClause.name);
            if (s) used.add(original(checker, s));
          }
          if (bindings && ts.isNamedImports(bindings)) {
            for (const el of bindings.elements) {
              const s = checker.getSymbolAtLocation(el.name);
              if (s) used.add(original(checker, s));
            }
          }
        }
      }
      // import('...') types and require() are rare here; `typeof import()` counts as a use.
      if (ts.isImportTypeNode(node) && node.qualifier) {
        const s = checker.getSymbolAtLocation(node.qualifier);
        if (s) used.add(original(checker, s));
      }
      node.forEachChild(visit);
    });
  }

  const dead: string[] = [];
  const srcDir = path.join(root, 'src') + path.sep;
  for (const file of program.getSourceFiles().filter(own)) {
    if (!path.resolve(file.fileName).startsWith(srcDir)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const target = original(checker, exported);
      const declaredHere = target.declarations?.some((d) => d.getSourceFile() === file);
      if (!declaredHere || used.has(target)) continue;
      const typeOnly = target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias);
      if (typeOnly && !(target.flags & ts.SymbolFlags.Value) && !withTypes) continue;
      dead.push(`${path.relative(root, file.fileName)}: ${exported.getName()}`);
    }
  }
  return dead.sort();
}

if (require.main === module) {
  const dead = findDeadExports(process.cwd(), process.argv.includes('--types'));
  process.stdout.write(dead.length ? `${dead.join('\n')}\n` : 'No dead exports.\n');
  process.exitCode = dead.length ? 1 : 0;
}
