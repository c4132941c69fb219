#!/usr/bin/env node
// Entry point of `npx packet-ladder`: loads the TypeScript sources through tsx (`analyze` as one
// bundle of them, see analyze-bundle.js).
if (process.argv[2] === 'analyze') {
  const { loadAnalyze } = await import('./analyze-bundle.js');
  const { analyzeCommand, exitQuietlyOnEpipe } = loadAnalyze();
  exitQuietlyOnEpipe(process.stdout);
  process.exitCode = await analyzeCommand(process.argv.slice(3), process.stdout, process.stderr);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli/packet-ladder.ts');
}
