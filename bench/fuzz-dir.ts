/**
 * Reads every capture file under a directory and decodes every frame, to find inputs that crash the
 * reader or a decoder. Usage: npm run fuzz -- DIR. Exit 1 on any crash, 2 on bad arguments.
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { fuzzFile } from './fuzz-file.ts';
import { findCaptureFiles } from './fuzz-walk.ts';

const dir = process.argv[2];
if (process.argv.length !== 3 || !dir || !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
  console.error('usage: npm run fuzz -- DIR (a directory holding .pcap/.pcapng/.cap/.dmp files)');
  process.exit(2);
}

let packets = 0;
let crashes = 0;
const files = findCaptureFiles(dir);
for (const file of files) {
  const name = relative(dir, file);
  let outcome;
  try {
    outcome = fuzzFile(file);
  } catch (error) {
    console.log(`${name}: unreadable: ${error instanceof Error ? error.message : String(error)}`);
    continue;
  }
  packets += outcome.packets;
  crashes += outcome.crashes.length;
  if (outcome.formatError)
    console.log(`${name}: ${outcome.formatError.offset}: ${outcome.formatError.reason}`);
  for (const crash of outcome.crashes) console.log(`${name}: CRASH ${crash}`);
}
console.log(`${files.length} files, ${packets} packets, ${crashes} crashes`);
process.exitCode = crashes > 0 ? 1 : 0;
