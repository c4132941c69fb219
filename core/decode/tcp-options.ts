/** TCP options: MSS, window scale, SACK-permitted, SACK blocks, timestamps. */
import type { TcpOptions } from './decoded-packet.ts';
import type { LayerStatus } from './layer-results.ts';
import { u16, u32 } from './read-bytes.ts';

/** Option kinds. @see https://www.iana.org/assignments/tcp-parameters */
export const TCP_OPTION = {
  EOL: 0, // end of option list
  NOP: 1,
  MSS: 2, // @see RFC 9293 §3.2
  WSCALE: 3, // @see RFC 7323 §2.2
  SACK_PERMITTED: 4, // @see RFC 2018 §2
  SACK: 5, // @see RFC 2018 §3
  TIMESTAMP: 8, // @see RFC 7323 §3.2
} as const;

/** Length each known option must have (SACK: 2 + 8 per block). */
function lengthFits(kind: number, len: number): boolean {
  if (kind === TCP_OPTION.MSS) return len === 4;
  if (kind === TCP_OPTION.WSCALE) return len === 3;
  if (kind === TCP_OPTION.SACK_PERMITTED) return len === 2;
  if (kind === TCP_OPTION.TIMESTAMP) return len === 10;
  if (kind === TCP_OPTION.SACK) return len >= 10 && (len - 2) % 8 === 0;
  return len >= 2;
}

function bad(options: TcpOptions, at: number): { options: TcpOptions } & LayerStatus {
  return { options, malformed: `bad TCP option length at byte ${at}` };
}

/** The options of every segment that has none: one frozen object, shared (most segments carry none). */
export const NO_TCP_OPTIONS: TcpOptions = Object.freeze({});

/** The answer when nothing went wrong, one object filled again on every call. */
const parsedWell: { options: TcpOptions } & LayerStatus = {
  options: {},
  truncated: undefined,
  malformed: undefined,
};

/**
 * Parses options between `start` and the header end `hdrEnd`, reading only up to `capEnd`.
 * `tcpStart` is the TCP header offset, so errors name the byte within the TCP header. The
 * answer is read at once: when nothing went wrong it is the same object every call (one less
 * allocation per packet), filled again by the next.
 */
export function parseTcpOptions(
  d: Uint8Array,
  tcpStart: number,
  start: number,
  hdrEnd: number,
  capEnd: number,
): { options: TcpOptions } & LayerStatus {
  // Made on the first option found: a segment without any shares NO_TCP_OPTIONS.
  let options = NO_TCP_OPTIONS;
  const end = Math.min(hdrEnd, capEnd);
  let i = start;
  while (i < end) {
    const kind = d[i]!;
    if (kind === TCP_OPTION.EOL) break;
    if (kind === TCP_OPTION.NOP) {
      i++;
      continue;
    }
    if (i + 1 >= hdrEnd) return bad(options, i - tcpStart);
    if (i + 1 >= capEnd) return { options, truncated: true };
    const len = d[i + 1]!;
    if (!lengthFits(kind, len) || i + len > hdrEnd) return bad(options, i - tcpStart);
    if (i + len > capEnd) return { options, truncated: true };
    if (options === NO_TCP_OPTIONS && kind <= TCP_OPTION.TIMESTAMP) options = {};
    if (kind === TCP_OPTION.MSS) options.mss = u16(d, i + 2);
    else if (kind === TCP_OPTION.WSCALE) options.wscale = d[i + 2]!;
    else if (kind === TCP_OPTION.SACK_PERMITTED) options.sackPermitted = true;
    else if (kind === TCP_OPTION.TIMESTAMP)
      options.timestamp = { value: u32(d, i + 2), echo: u32(d, i + 6) };
    else if (kind === TCP_OPTION.SACK) {
      const blocks: [number, number][] = [];
      for (let b = i + 2; b < i + len; b += 8) blocks.push([u32(d, b), u32(d, b + 4)]);
      options.sack = blocks;
    }
    i += len;
  }
  parsedWell.options = options;
  return parsedWell;
}
