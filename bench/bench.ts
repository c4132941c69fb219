/**
 * `npm run bench [-- --json] [--only KEY…]`: runs the benchmark modules of bench-modules.ts one
 * after the other and prints every figure beside its target (or, with --json, one JSON object of
 * key → figure on stdout, progress on stderr). Keys whose module is not there yet print as missing.
 * Never fails on a missed target; exit 1 only when a module crashes, 2 on bad flags.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from './bench-args.ts';
import { BENCH_MODULES, missingRow } from './bench-modules.ts';
import { benchJson, benchTable } from './bench-report.ts';
import type { BenchModule, BenchRow } from './bench-row.ts';

let args;
try {
  args = parseBenchArgs(process.argv.slice(2));
} catch (e) {
  console.error(`bench: ${(e as Error).message}`);
  process.exit(2);
}

const log = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
const rows: BenchRow[] = [];
const labels = new Map<string, string>();
for (const m of BENCH_MODULES) {
  for (const k of m.keys) labels.set(k.key, k.label);
  const specs = m.keys.filter((k) => args.keys.includes(k.key));
  if (specs.length === 0) continue;
  const path = fileURLToPath(new URL(`./${m.file}`, import.meta.url));
  if (!existsSync(path)) {
    for (const s of specs) rows.push(missingRow(s, `bench/${m.file} is not there yet`));
    continue;
  }
  log(`bench: ${m.file} (${specs.map((s) => s.key).join(', ')})…`);
  const started = performance.now();
  try {
    const mod = (await import(path)) as BenchModule;
    const got = await mod.rows(specs.map((s) => s.key));
    for (const s of specs)
      if (!got.some((r) => r.key === s.key))
        rows.push(missingRow(s, `bench/${m.file} did not measure it`));
    rows.push(...got);
  } catch (e) {
    process.exitCode = 1;
    log(`bench: ${m.file} crashed: ${(e as Error).stack}`);
    for (const s of specs) rows.push(missingRow(s, `bench/${m.file} crashed`));
  }
  log(`bench: ${m.file} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const order = (key: string) => {
  const i = args.keys.indexOf(key);
  return i < 0 ? Infinity : i;
};
rows.sort((a, b) => order(a.key) - order(b.key));
if (args.json) {
  for (const r of rows) if (r.figure === null) log(`bench: ${r.key} missing: ${r.note ?? ''}`);
  process.stdout.write(`${JSON.stringify(benchJson(rows), null, 2)}\n`);
} else log(benchTable(rows, labels));
