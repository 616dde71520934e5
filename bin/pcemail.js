#!/usr/bin/env node
// The CLI runs from the compiled output; `npm install` builds it (the prepare script).
require('../dist/cli.js').main();
