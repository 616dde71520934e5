// Reads npm ci's output and writes a jest-style result file for .ci/summarise.js: one test for "no
// EBADENGINE warning", one for "no install script left unreviewed" (allowScripts in package.json).
// Usage: node .ci/check-install-log.js LOG OUT.json
const fs = require('node:fs');

const [logFile, outFile] = process.argv.slice(2);
let log = '';
try {
  log = fs.readFileSync(logFile, 'utf8');
} catch {
  log = 'EBADENGINE (npm ci log missing)';
}
const checks = [
  ['npm ci prints no EBADENGINE warning', !/EBADENGINE/.test(log)],
  [
    'npm ci leaves no install script unreviewed',
    !/install scripts? (not yet covered|skipped)/i.test(log),
  ],
];
const failed = checks.filter(([, ok]) => !ok);
for (const [title, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${title}`);
fs.writeFileSync(
  outFile,
  JSON.stringify({
    numPassedTests: checks.length - failed.length,
    numFailedTests: failed.length,
    numPendingTests: 0,
    testResults: [],
  }),
);
process.exit(failed.length > 0 ? 1 : 0);
