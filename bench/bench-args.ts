/** Flags of `npm run bench`: `--json` (one JSON object on stdout) and `--only KEY…` (a subset). */
import { parseArgs } from 'node:util';
import { BENCH_KEYS } from './bench-modules.ts';

export interface BenchArgs {
  json: boolean;
  /** Keys to measure, in print order. */
  keys: string[];
}

/** Throws an Error with a one-line message on bad flags or unknown keys. */
export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, only: { type: 'string', multiple: true } },
  });
  // `--only a b c` and `--only a --only b` both work: positionals after --only are keys too.
  const asked = [...(values.only ?? []), ...positionals].flatMap((k) => k.split(','));
  if (positionals.length > 0 && !values.only)
    throw new Error(`unexpected "${positionals[0]}" (keys go after --only)`);
  const unknown = asked.find((k) => !BENCH_KEYS.includes(k));
  if (unknown !== undefined)
    throw new Error(`unknown key "${unknown}" (known: ${BENCH_KEYS.join(', ')})`);
  return {
    json: values.json ?? false,
    keys: asked.length > 0 ? BENCH_KEYS.filter((k) => asked.includes(k)) : [...BENCH_KEYS],
  };
}
