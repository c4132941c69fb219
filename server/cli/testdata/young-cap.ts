/** Run as its own process by heap-ceiling.test.ts: allocates fast, checking the ceiling, and
 * prints the largest young generation seen (MB). Argument: the cap in MB, or none. */
import { createHeapCeiling, youngGenerationSize } from '../heap-ceiling.ts';

const cap = process.argv[2] ? Number(process.argv[2]) * 2 ** 20 : undefined;
const ceiling = createHeapCeiling(64 * 2 ** 20, cap);
let largest = 0;
let kept: number[][] = [];
for (let i = 0; i < 300_000; i++) {
  // Some survive a while (as a flow's state does), most die at once.
  const a = new Array(100).fill(i);
  if (i % 10 === 0) kept.push(a);
  if (kept.length > 2000) kept = [];
  if (i % 500 === 0) {
    ceiling.check();
    largest = Math.max(largest, youngGenerationSize());
  }
}
console.log(largest / 2 ** 20);
