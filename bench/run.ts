import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCHMARKS, ON_DEMAND_BENCHMARKS } from './benchmarks';

/**
 * `npm run bench [-- NAME…]`: runs the benchmarks one after another in this process (each starts
 * its own servers on loopback), prints their figures and writes them to bench/results/NAME.json.
 */
async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const known = [...BENCHMARKS, ...ON_DEMAND_BENCHMARKS];
  const chosen = wanted.length > 0 ? known.filter((b) => wanted.includes(b.name)) : BENCHMARKS;
  const outDir = path.join(__dirname, '..', '..', 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  let failed = false;
  for (const bench of chosen) {
    process.stdout.write(`\n== ${bench.name}: ${bench.description}\n`);
    const result = await bench.run();
    writeFileSync(path.join(outDir, `${bench.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(
      `${result.summary.join('\n')}\n${result.pass ? 'PASS' : 'FAIL'} (${result.target})\n`,
    );
    failed ||= !result.pass;
  }
  process.exitCode = failed ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
