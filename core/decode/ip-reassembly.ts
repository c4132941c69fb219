/**
 * IP datagrams put back together from their fragments, streaming and bounded: a hole list per
 * datagram (RFC 815), a cap on the datagrams and bytes held, and a timeout in capture time.
 * Overlaps: an exact duplicate is dropped (RFC 5722 §4 allows it); any other overlap discards the
 * whole IPv6 datagram, later fragments included (RFC 5722, RFC 8200 §4.5), while IPv4 writes the
 * later data over the earlier (RFC 791 §3.2, "copy the data … into the data buffer").
 */

export interface ReassemblyLimits {
  /** Datagrams being reassembled at once; past it the oldest is dropped (counted as evicted). */
  maxDatagrams: number;
  /** Fragment bytes held at once, all datagrams together; past it the oldest is dropped. */
  maxBytes: number;
  /** Capture time (µs) after a datagram's first fragment before it is given up (expired). */
  timeoutUs: number;
}

/** RFC 8200 §4.5 gives up after 60 s; Linux holds at most 4 MiB of fragments by default. */
export const DEFAULT_REASSEMBLY_LIMITS: ReassemblyLimits = {
  maxDatagrams: 256,
  maxBytes: 4 * 1024 * 1024,
  timeoutUs: 60_000_000,
};

/** What reassembly did, counted since the start; every datagram given up is counted once. */
export interface ReassemblyStats {
  reassembled: number;
  /** Given up for the timeout with fragments missing. */
  expired: number;
  /** Dropped to stay within maxDatagrams / maxBytes. */
  evicted: number;
  /** IPv6 datagrams discarded for overlapping fragments; IPv4 overlaps written over. */
  overlapping: number;
  /** Exact duplicate fragments dropped. */
  duplicates: number;
  /** Datagrams discarded for fragments beyond 65,535 bytes or past the last fragment's end. */
  oversized: number;
}

export interface Fragment {
  /** Source, destination, protocol and identification, as one string. */
  key: string;
  version: 4 | 6;
  /** Byte offset of the data in the datagram. */
  offset: number;
  more: boolean;
  data: Uint8Array;
  /** Capture time, µs. */
  time: number;
}

export interface Reassembled {
  data: Uint8Array;
  /** Fragments the datagram was made of (duplicates not counted). */
  fragments: number;
}

/** An IP datagram's payload cannot exceed what a 16-bit length field holds. */
const MAX_DATAGRAM = 65_535;

interface Pending {
  first: number;
  /** Flat [start, end) pairs of the bytes still missing; end is Infinity until the last fragment. */
  holes: number[];
  /** Fragments in arrival order (later ones are written last). */
  parts: { offset: number; data: Uint8Array }[];
  total: number | undefined;
  bytes: number;
  /** Overlapped (IPv6): every fragment of it is dropped until it times out. */
  discarded: boolean;
}

export class IpReassembler {
  readonly stats: ReassemblyStats = {
    reassembled: 0,
    expired: 0,
    evicted: 0,
    overlapping: 0,
    duplicates: 0,
    oversized: 0,
  };
  readonly limits: ReassemblyLimits;
  // Insertion order is first-fragment order, so the oldest datagrams come first.
  #pending = new Map<string, Pending>();
  #bytes = 0;

  constructor(limits: Partial<ReassemblyLimits> = {}) {
    this.limits = { ...DEFAULT_REASSEMBLY_LIMITS, ...limits };
  }

  /** Datagrams and bytes held now. */
  get held(): { datagrams: number; bytes: number } {
    return { datagrams: this.#pending.size, bytes: this.#bytes };
  }

  /** Adds a fragment; returns the datagram's payload when this fragment completes it. */
  add(f: Fragment): Reassembled | undefined {
    this.#expire(f.time);
    let d = this.#pending.get(f.key);
    if (!d) {
      d = {
        first: f.time,
        holes: [0, Infinity],
        parts: [],
        total: undefined,
        bytes: 0,
        discarded: false,
      };
      this.#pending.set(f.key, d);
    }
    if (d.discarded) return undefined;
    const start = f.offset;
    const end = start + f.data.length;
    if (
      end > MAX_DATAGRAM ||
      (d.total !== undefined && (end > d.total || (!f.more && end !== d.total)))
    ) {
      this.stats.oversized++;
      return this.#drop(f.key, d);
    }
    if (!within(d.holes, start, end)) {
      if (d.parts.some((p) => p.offset === start && same(p.data, f.data))) {
        this.stats.duplicates++;
        return undefined;
      }
      this.stats.overlapping++;
      if (f.version === 6) {
        this.#release(d);
        d.discarded = true;
        return undefined;
      }
    }
    if (!f.more) {
      if (d.parts.some((p) => p.offset + p.data.length > end)) {
        this.stats.oversized++;
        return this.#drop(f.key, d);
      }
      d.total = end;
      d.holes = cut(d.holes, end, Infinity);
    }
    d.holes = cut(d.holes, start, end);
    d.parts.push({ offset: start, data: f.data.slice() });
    d.bytes += f.data.length;
    this.#bytes += f.data.length;
    if (d.holes.length === 0 && d.total !== undefined) {
      const out = new Uint8Array(d.total);
      for (const p of d.parts) out.set(p.data, p.offset);
      const fragments = d.parts.length;
      this.#drop(f.key, d);
      this.stats.reassembled++;
      return { data: out, fragments };
    }
    this.#fit(f.key);
    return undefined;
  }

  /** Gives up datagrams whose first fragment is older than the timeout. */
  #expire(now: number): void {
    for (const [key, d] of this.#pending) {
      if (now - d.first <= this.limits.timeoutUs) break;
      if (!d.discarded) this.stats.expired++;
      this.#drop(key, d);
    }
  }

  /** Drops the oldest datagrams (never `keep`, the one just added to) until within the caps. */
  #fit(keep: string): void {
    const { maxDatagrams, maxBytes } = this.limits;
    for (const [key, d] of this.#pending) {
      if (this.#pending.size <= maxDatagrams && this.#bytes <= maxBytes) return;
      if (key === keep) continue;
      if (!d.discarded) this.stats.evicted++;
      this.#drop(key, d);
    }
  }

  #drop(key: string, d: Pending): undefined {
    this.#pending.delete(key);
    this.#release(d);
    return undefined;
  }

  #release(d: Pending): void {
    this.#bytes -= d.bytes;
    d.bytes = 0;
    d.parts = [];
  }
}

/** Whether [start, end) lies inside one hole, i.e. overlaps no byte already received. */
function within(holes: number[], start: number, end: number): boolean {
  for (let i = 0; i < holes.length; i += 2)
    if (holes[i]! <= start && end <= holes[i + 1]!) return true;
  return end === start;
}

/** The holes less [start, end). */
function cut(holes: number[], start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < holes.length; i += 2) {
    const s = holes[i]!;
    const e = holes[i + 1]!;
    if (end <= s || start >= e) out.push(s, e);
    else {
      if (start > s) out.push(s, start);
      if (end < e) out.push(end, e);
    }
  }
  return out;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
