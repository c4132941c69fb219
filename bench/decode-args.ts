/** Flags of `npm run bench:decode`: `--packets N` (default 1,000,000) and `--keep`. */
import { parseArgs } from 'node:util';

export interface DecodeBenchArgs {
  packets: number;
  keep: boolean;
}

const MAX_PACKETS = 100_000_000;

/** Throws an Error with a one-line message on bad flags. */
export function parseDecodeBenchArgs(argv: string[]): DecodeBenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: { packets: { type: 'string' }, keep: { type: 'boolean' } },
  });
  const text = values.packets ?? '1000000';
  const packets = Number(text.replace(/_/g, ''));
  if (
    !/^\d[\d_]*$/.test(text) ||
    !Number.isSafeInteger(packets) ||
    packets < 1000 ||
    packets > MAX_PACKETS
  )
    throw new Error(`--packets must be a whole number from 1000 to ${MAX_PACKETS}, not "${text}"`);
  return { packets, keep: values.keep ?? false };
}
