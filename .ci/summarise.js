// Sums jest --json result files into the one closing line CI reads: "N passed, M failed".
// Usage: node .ci/summarise.js DIR FILE… — an expected file that is missing (its run stopped before
// jest: typecheck or lint failed, or the suite crashed) counts as one failure.
const fs = require('node:fs');
const path = require('node:path');

const [dir = 'test-artifacts', ...expected] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of expected) {
  try {
    const result = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    skipped += result.numPendingTests + (result.numTodoTests ?? 0);
    // A suite that failed to load has no failed tests of its own but is a failure.
    failed += result.testResults.filter(
      (s) => s.status === 'failed' && s.assertionResults.length === 0,
    ).length;
  } catch {
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
