/**
 * Child process of the decode benchmark: measures our ingest chain on one file and prints the
 * result as JSON, so each run starts with a fresh heap (writing the file first skews a run
 * made in the same process, and peak memory is then this run's alone).
 */
import { measureOurs } from './decode-measure.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: decode-ours-run.ts FILE');
  process.exit(2);
}
console.log(JSON.stringify(measureOurs(file)));
