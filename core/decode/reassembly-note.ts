/** One line saying what fragment reassembly had to give up, or undefined when it gave up nothing. */
import type { IpReassembler } from './ip-reassembly.ts';

/**
 * Datagrams left incomplete (still held at the end, timed out, dropped past the caps) and
 * discarded (overlapping, oversized): the fragments of each stay shown as bare fragments.
 */
export function reassemblyNote(r: IpReassembler): string | undefined {
  const { expired, evicted, overlapping, oversized } = r.stats;
  const open = r.held.datagrams;
  const parts: string[] = [];
  if (open) parts.push(`${open} still missing fragments at the end`);
  if (expired) parts.push(`${expired} timed out (${r.limits.timeoutUs / 1e6} s)`);
  if (evicted)
    parts.push(
      `${evicted} dropped to stay within ${r.limits.maxDatagrams} datagrams / ${r.limits.maxBytes / 1048576} MiB held`,
    );
  if (overlapping) parts.push(`${overlapping} with overlapping fragments`);
  if (oversized) parts.push(`${oversized} with fragments past the datagram's end or 65,535 bytes`);
  if (!parts.length) return undefined;
  return `IP fragments not reassembled: ${parts.join(', ')}`;
}
