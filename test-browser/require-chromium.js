// `npm run test:browser` needs a Chromium; say how to get one instead of failing obscurely.
const fs = require('node:fs');
const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(path)) {
  console.error(
    `Chromium was not found at ${path}.\n` +
      'Install it with: sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium binary).',
  );
  process.exit(1);
}
