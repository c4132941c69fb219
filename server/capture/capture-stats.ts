/**
 * Reads the statistics tcpdump and dumpcap print on stderr when they exit: packets captured and
 * packets dropped (by the kernel, or anywhere on the way for dumpcap).
 */

export interface CaptureStats {
  captured?: number;
  dropped?: number;
}

/** Sums every match of `re`'s first group; undefined when nothing matched. */
function sum(text: string, re: RegExp): number | undefined {
  let total: number | undefined;
  for (const m of text.matchAll(re)) total = (total ?? 0) + Number(m[1]);
  return total;
}

/** Parses the exit statistics of either tool from its stderr text. */
export function parseCaptureStats(stderr: string): CaptureStats {
  const stats: CaptureStats = {};
  // tcpdump: "12 packets captured" … "0 packets dropped by kernel"
  // dumpcap: "Packets captured: 12", "Packets received/dropped on interface 'lo': 12/0 (pcap:0/…)"
  const captured =
    sum(stderr, /^(\d+) packets? captured$/gm) ?? sum(stderr, /^Packets captured: (\d+)$/gm);
  const dropped =
    sum(stderr, /^(\d+) packets? dropped by kernel$/gm) ??
    sum(stderr, /^Packets received\/dropped on interface .*: \d+\/(\d+)/gm);
  if (captured !== undefined) stats.captured = captured;
  if (dropped !== undefined) stats.dropped = dropped;
  return stats;
}
