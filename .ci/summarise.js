// Sums jest --json result files into the one closing line CI reads: "N passed, M failed".
// A run that stopped before jest (typecheck or lint failed) has no file and counts as one failure.
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2] ?? 'test-artifacts';
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^jest-.*\.json$/.test(f)) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
let broken = 0;
for (const file of files) {
  try {
    const result = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    passed += result.numPassedTests;
    failed += result.numFailedTests;
    skipped += result.numPendingTests + (result.numTodoTests ?? 0);
    // A suite that failed to load has no failed tests of its own but is a failure.
    broken += result.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
  } catch {
    broken += 1;
  }
}
if (files.length === 0) broken += 1;
failed += broken;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
