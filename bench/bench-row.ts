/**
 * One figure of `npm run bench`: what a benchmark module returns for each key it measures, and the
 * shape every module exports (`rows(keys)`), so the harness can run any subset and print them all.
 */

/** Which way a figure is good: at most its target (times, memory) or at least (rates, ratios). */
export type TargetKind =
  | 'atMost' // met when figure <= target
  | 'atLeast'; // met when figure >= target

export interface BenchRow {
  /** Stable key of the JSON output, snake_case (e.g. analyze_vs_tshark). */
  key: string;
  /** The measured figure; null when it could not be measured (see note). */
  figure: number | null;
  /** Unit printed after the figure: 'ms', 'MB', 'fps', 'x', 'lost'… */
  unit: string;
  target: number;
  kind: TargetKind;
  /** What the figure is compared with in the same run, or what it was before (free text). */
  reference: string;
  /** Why the figure is missing, or what to know when reading it. */
  note?: string;
}

/** What every benchmark module exports: measure the asked keys (it may return more rows). */
export interface BenchModule {
  rows(keys: readonly string[]): Promise<BenchRow[]>;
}

/** Whether a figure meets its target; undefined when there is no figure. */
export function meetsTarget(row: BenchRow): boolean | undefined {
  if (row.figure === null) return undefined;
  return row.kind === 'atMost' ? row.figure <= row.target : row.figure >= row.target;
}
