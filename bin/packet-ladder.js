#!/usr/bin/env node
// Entry point of `npx packet-ladder`: loads the TypeScript sources through tsx.
import { createRequire } from 'node:module';

if (process.argv[2] === 'analyze') {
  // analyze is a memory-bounded batch job: tsx's CommonJS hook loads it without the module loader
  // thread the ESM hook starts (~38 MB of the 150 MB analyze may use).
  const require = createRequire(import.meta.url);
  require('tsx/cjs/api').register();
  const { analyzeCommand } = require('../server/cli/analyze-command.ts');
  require('../server/cli/capture-input.ts').exitQuietlyOnEpipe(process.stdout);
  process.exitCode = await analyzeCommand(process.argv.slice(3), process.stdout, process.stderr);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli/packet-ladder.ts');
}
