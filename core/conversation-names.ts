/**
 * Names each connection on a reused address:port pair apart, so that socket steps and packets of
 * one connection agree on one id and a new connection on the same pair is a new conversation.
 *
 * The first connection on a pair keeps the plain id (`tcp A > B`); later ones get `tcp A > B #2`,
 * `#3`… in the order they opened. A connection opens, in the taps, with a `connect` or `accept`
 * (or an `over-limit` refusal), or with any step of a side whose previous socket on the pair
 * closed (a UDP client's new socket, a refused connect); in the capture, with a SYN that the
 * analysis counts as a new stream (Wireshark's new tcp.stream: after a FIN or RST, or another
 * ISN). Whichever of the two sees a connection first names it; the other joins that name.
 * UDP has no connection: a new client socket on the pair (after the tapped previous one closed)
 * opens one; the UDP endpoint's steps and UDP packets take the pair's newest name.
 */
import type { Side, Transport } from './types.ts';
import { dropOldest } from './drop-oldest.ts';

/** Pairs remembered by default; the least recently opened are forgotten past it. */
export const DEFAULT_MAX_PAIRS = 100_000;

/**
 * A SYN whose pair's tapped sockets all closed longer ago than this opens a new connection even
 * when the capture saw nothing of the previous one (it started later). µs; covers clock skew
 * between packet timestamps and the taps' clock.
 */
export const LATE_CAPTURE_MARGIN_US = 1_000_000;

/** Streams of a pair whose names are remembered (a late packet of the previous one still finds it). */
const STREAMS_KEPT = 4;

/** What the namer looks at in a socket step. */
export interface NamedStep {
  conv: string;
  kind: string;
  side: Side;
  transport: Transport;
  time: number;
}

/** What the namer looks at in a packet. */
export interface NamedPacket {
  conv?: string;
  time: number;
  analysis?: { stream: number };
  tcp?: { flags: readonly string[] };
}

interface SideState {
  gen: number;
  open: boolean;
  closedAt: number;
}

interface Pair {
  /** The newest connection's number, from 1. */
  gen: number;
  client?: SideState;
  server?: SideState;
  /**
   * Capture streams seen on the pair and the connection each belongs to: [source, stream, gen]…
   * Each capture ingest numbers its streams from 0, so a stream is known by its source too.
   */
  streams: number[];
}

/** Kinds that always begin a new socket on their side. */
const OPENING_KINDS = new Set(['connect', 'accept', 'over-limit']);
/** Kinds after which their side's socket is gone. */
const CLOSING_KINDS = new Set(['close', 'over-limit']);

/** The id of connection `gen` on a pair whose first connection is `base`. */
export function generationId(base: string, gen: number): string {
  return gen <= 1 ? base : `${base} #${gen}`;
}

/** The connection number `generationId` put in an id: 1 for a plain id. */
export function connectionNumber(conv: string): number {
  const hash = conv.lastIndexOf(' #');
  if (hash < 0) return 1;
  const n = Number(conv.slice(hash + 2));
  return Number.isSafeInteger(n) && n > 1 ? n : 1;
}

export class ConversationNames {
  private readonly pairs = new Map<string, Pair>();

  constructor(private readonly maxPairs = DEFAULT_MAX_PAIRS) {}

  /** The id for a step whose `conv` is the pair's plain id (steps without one keep theirs). */
  step(s: NamedStep): string {
    if (!s.conv) return s.conv;
    const pair = this.pair(s.conv);
    // The UDP endpoint's one socket serves every client: it answers the newest.
    if (s.transport === 'udp' && s.side === 'server') return generationId(s.conv, pair.gen);
    const side = pair[s.side];
    let gen: number;
    if (!side || !side.open || OPENING_KINDS.has(s.kind)) {
      // A new socket on this side: the pair's newest connection unless this side already had it.
      if (side?.gen === pair.gen) this.renew(s.conv, pair);
      gen = pair.gen;
      pair[s.side] = { gen, open: true, closedAt: 0 };
    } else {
      gen = side.gen;
    }
    if (CLOSING_KINDS.has(s.kind)) {
      const closed = pair[s.side]!;
      closed.open = false;
      closed.closedAt = s.time;
    }
    return generationId(s.conv, gen);
  }

  /**
   * The id for a packet whose `conv` is the pair's plain id (packets without one keep theirs).
   * `source` tells apart the capture ingests whose stream numbers the packets carry (a capture
   * started again, a run captured in its own namespace): each numbers its streams from 0.
   */
  packet(p: NamedPacket, source = 0): string | undefined {
    const base = p.conv;
    if (!base) return base;
    const stream = p.analysis?.stream;
    if (stream === undefined || !p.tcp) return generationId(base, this.pair(base).gen);
    const pair = this.pair(base);
    const known = streamGen(pair.streams, source, stream);
    if (known !== undefined) return generationId(base, known);
    if (p.tcp.flags.includes('SYN') && this.opensNew(pair, p.time)) this.renew(base, pair);
    pair.streams.push(source, stream, pair.gen);
    if (pair.streams.length > 3 * STREAMS_KEPT) pair.streams.splice(0, 3);
    return generationId(base, pair.gen);
  }

  /** The id the steps of `side` on pair `base` get now (the newest one when that side had none). */
  current(base: string, side: Side): string {
    const pair = this.pairs.get(base);
    if (!pair) return base;
    return generationId(base, pair[side]?.gen ?? pair.gen);
  }

  /** Pairs remembered. */
  get size(): number {
    return this.pairs.size;
  }

  /** A new stream's SYN opens a new connection unless it is the first the capture sees of the newest one. */
  private opensNew(pair: Pair, time: number): boolean {
    const gens = pair.streams;
    if (gens.length > 0 && gens[gens.length - 1] === pair.gen) return true;
    // The capture has not seen the newest connection: it is this one, unless the taps saw it end
    // well before this SYN (the capture started after it).
    const tapped = [pair.client, pair.server].filter((s) => s?.gen === pair.gen);
    if (tapped.length === 0 || tapped.some((s) => s!.open)) return false;
    return Math.max(...tapped.map((s) => s!.closedAt)) + LATE_CAPTURE_MARGIN_US < time;
  }

  private pair(base: string): Pair {
    let pair = this.pairs.get(base);
    if (!pair) {
      pair = { gen: 1, streams: [] };
      this.pairs.set(base, pair);
      if (this.pairs.size > this.maxPairs) dropOldest(this.pairs);
    }
    return pair;
  }

  /** Starts the pair's next connection; the pair moves to the newest end of the memory. */
  private renew(base: string, pair: Pair): void {
    pair.gen++;
    this.pairs.delete(base);
    this.pairs.set(base, pair);
  }
}

function streamGen(streams: number[], source: number, stream: number): number | undefined {
  for (let i = streams.length - 3; i >= 0; i -= 3)
    if (streams[i] === source && streams[i + 1] === stream) return streams[i + 2];
  return undefined;
}
