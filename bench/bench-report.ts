/** The two outputs of `npm run bench`: a table of every figure beside its target, and JSON. */
import { meetsTarget, type BenchRow } from './bench-row.ts';

const fmt = (n: number) =>
  Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(n < 10 ? 2 : 1);

/** One JSON object: key → figure (null when missing), in the order given. */
export function benchJson(rows: BenchRow[]): Record<string, number | null> {
  return Object.fromEntries(rows.map((r) => [r.key, r.figure]));
}

/** Aligned text table: key, figure, target, met, reference, note. `labels` names keys. */
export function benchTable(rows: BenchRow[], labels: ReadonlyMap<string, string>): string {
  const lines = [['key', 'what', 'figure', 'target', 'met', 'reference / note']];
  for (const r of rows) {
    const met = meetsTarget(r);
    lines.push([
      r.key,
      labels.get(r.key) ?? '',
      r.figure === null ? 'missing' : `${fmt(r.figure)} ${r.unit}`,
      `${r.kind === 'atMost' ? '<=' : '>='} ${fmt(r.target)} ${r.unit}`,
      met === undefined ? '-' : met ? 'yes' : 'NO',
      [r.reference, r.note].filter(Boolean).join('; '),
    ]);
  }
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines
    .map((l) =>
      l
        .map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
