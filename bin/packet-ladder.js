#!/usr/bin/env node
// Entry point of `npx packet-ladder`: loads the TypeScript sources through tsx (`analyze` as one
// bundle of them, see analyze-bundle.js).
if (process.argv[2] === 'analyze') {
  const { loadAnalyze } = await import('./analyze-bundle.js');
  const { analyzeCommand, exitQuietlyOnEpipe, standardOutput } = loadAnalyze();
  // Not process.stdout: its lines go out on the thread pool while the next ones are made.
  const out = standardOutput();
  exitQuietlyOnEpipe(out);
  process.exitCode = await analyzeCommand(process.argv.slice(3), out, process.stderr);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli/packet-ladder.ts');
}
