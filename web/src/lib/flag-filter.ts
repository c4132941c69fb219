/** The table's filter by TCP flag or analysis: which packets a teacher wants to look at. */
import type { SessionRecord } from '../../../core/protocol.ts';

export type FlagFilter =
  | 'all' // every record
  | 'SYN' // segments with SYN (the handshake)
  | 'FIN' // segments with FIN (the close)
  | 'RST' // resets
  | 'data' // segments and datagrams with payload
  | 'analysis'; // packets with an analysis flag (retransmission, dup ACK, zero window…)

export const FLAG_FILTERS: readonly FlagFilter[] = ['all', 'SYN', 'FIN', 'RST', 'data', 'analysis'];

export function isFlagFilter(x: string): x is FlagFilter {
  return (FLAG_FILTERS as readonly string[]).includes(x);
}

/** Whether `r` passes the filter; socket steps pass only 'all'. */
export function passesFlagFilter(r: SessionRecord, f: FlagFilter): boolean {
  if (f === 'all') return true;
  if (r.type !== 'packet') return false;
  switch (f) {
    case 'SYN':
    case 'FIN':
    case 'RST':
      return r.tcp?.flags.includes(f) ?? false;
    case 'data':
      return (r.tcp !== undefined || r.proto === 'UDP') && r.len > 0;
    case 'analysis':
      return (r.analysis?.analysis?.length ?? 0) > 0;
  }
}
