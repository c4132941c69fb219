/**
 * Names the streams of a capture file apart when a client used an address and port pair again:
 * the pair's first stream keeps the plain id (`tcp A > B`), and each later stream that opens with
 * a SYN is the pair's next connection (`tcp A > B #2`, `#3`…), in tcp.stream order, as
 * ConversationNames names a live session's. A file has no socket steps, so this needs only the
 * analysis's stream numbers: per pair its newest stream, and a number only for streams past the
 * first connection. Like the live namer it remembers at most `maxPairs` pairs, the least recently
 * opened forgotten first: a scan of 900,000 pairs would otherwise keep every pair's id string
 * (~80 MB in the server's reader).
 */
import { DEFAULT_MAX_PAIRS, generationId, type NamedPacket } from './conversation-names.ts';
import { dropOldest } from './drop-oldest.ts';

export class StreamNames {
  /** Per pair's plain id: the newest stream seen on it; least recently opened first. */
  private readonly newest = new Map<string, number>();
  /** Connection number of each stream past its pair's first connection, oldest stream first. */
  private readonly later = new Map<number, number>();

  constructor(private readonly maxPairs = DEFAULT_MAX_PAIRS) {}

  /** Pairs remembered. */
  get size(): number {
    return this.newest.size;
  }

  /** The id for a packet whose `conv` is the pair's plain id (packets without one keep theirs). */
  packet(p: NamedPacket): string | undefined {
    const base = p.conv;
    const stream = p.analysis?.stream;
    if (!base || stream === undefined || !p.tcp) return base;
    const newest = this.newest.get(base);
    if (newest === undefined) {
      this.remember(base, stream);
      return base;
    }
    // Streams are numbered in order of first appearance: a lower one is an earlier connection's.
    if (stream <= newest) return generationId(base, this.later.get(stream) ?? 1);
    const was = this.later.get(newest) ?? 1;
    // A stream that starts without a SYN (the capture began mid-way) continues the connection.
    const gen = p.tcp.flags.includes('SYN') ? was + 1 : was;
    if (gen > 1) {
      this.later.set(stream, gen);
      // The numbers of forgotten pairs' streams go with them, oldest first.
      if (this.later.size > this.maxPairs) dropOldest(this.later);
    }
    this.newest.delete(base);
    this.remember(base, stream);
    return generationId(base, gen);
  }

  private remember(base: string, stream: number): void {
    this.newest.set(base, stream);
    if (this.newest.size > this.maxPairs) dropOldest(this.newest);
  }
}
