/**
 * Whether an analysis thread's view of its flows is still the one-thread run's. The one-thread
 * analyzer tracks at most DEFAULT_MAX_FLOWS flows of the whole file and forgets the least recently
 * used past that; a thread tracks its own flows only, with its share of that cap. Forgetting a flow
 * changes nothing unless a later packet looks for it (it would start a new stream), so:
 * - a flow the thread still has, looked for again fewer than DEFAULT_MAX_FLOWS packets after its
 *   last packet, cannot have been forgotten by the one-thread run either (forgetting it needs that
 *   many other flows used since);
 * - a key the thread forgot itself (kept in a Bloom filter) that comes back cannot be told apart:
 *   the sharded run stops being exact there (rare: a flow idle while thousands of others start).
 */
import { DEFAULT_MAX_FLOWS } from '../../core/analysis/analyzer.ts';
import type { PacketResult } from '../../core/analysis/analyzer.ts';
import type { DecodedPacket } from '../../core/decode/decoded-packet.ts';
import { normalizeAddress } from '../../core/conversation-id.ts';
import type { Endpoint, Transport } from '../../core/types.ts';
import { KeyBloom } from './key-bloom.ts';

/** 2^24 bits (2 MB), 5 per key: below one false alarm in 10^9 lookups at 25,000 keys forgotten. */
const BLOOM_BITS = 24;
const BLOOM_PROBES = 5;

/** The same text for A→B and B→A. */
function flowName(transport: Transport, a: Endpoint, b: Endpoint): string {
  const aFirst = a.address < b.address || (a.address === b.address && a.port < b.port);
  return aFirst
    ? `${transport} ${a.address} ${a.port} ${b.address} ${b.port}`
    : `${transport} ${b.address} ${b.port} ${a.address} ${a.port}`;
}

export class ShardGuard {
  readonly #forgotten = new KeyBloom(BLOOM_BITS, BLOOM_PROBES);
  /** Per transport (TCP, UDP), by the thread's stream number: the packet that last used it. */
  #last = [new Uint32Array(1024), new Uint32Array(1024)];

  /** For the analyzer's `onForget`. */
  forget(transport: Transport, client: Endpoint, server: Endpoint): void {
    this.#forgotten.add(flowName(transport, client, server));
  }

  /** False when packet `no`'s analysis may differ from the one-thread run's. */
  check(p: DecodedPacket, no: number, result: PacketResult): boolean {
    const stream = result.analysis?.stream;
    const q = p.icmp?.inner;
    if (q) {
      // An ICMP error looks its flow up without using it.
      const transport = q.proto.toLowerCase();
      if (q.sport === undefined || q.dport === undefined) return true;
      if (transport !== 'tcp' && transport !== 'udp') return true;
      if (stream === undefined) {
        const src = { address: normalizeAddress(q.src), port: q.sport };
        const dst = { address: normalizeAddress(q.dst), port: q.dport };
        return !this.#forgotten.has(flowName(transport, src, dst));
      }
      return no - this.#lastUse(transport === 'udp' ? 1 : 0, stream) < DEFAULT_MAX_FLOWS;
    }
    if (stream === undefined) return true; // looked nothing up
    const kind = p.tcp ? 0 : 1;
    const last = this.#lastUse(kind, stream);
    this.#last[kind]![stream] = no;
    if (last !== 0) return no - last < DEFAULT_MAX_FLOWS;
    // A new stream: the one-thread run started one too unless it still had a flow this thread
    // forgot.
    const transport: Transport = kind === 0 ? 'tcp' : 'udp';
    const src = { address: normalizeAddress(p.src!), port: p.sport! };
    const dst = { address: normalizeAddress(p.dst!), port: p.dport! };
    return !this.#forgotten.has(flowName(transport, src, dst));
  }

  /** The packet that last used the stream (0: none yet), making room for it. */
  #lastUse(kind: number, stream: number): number {
    let last = this.#last[kind]!;
    if (stream >= last.length) {
      const grown = new Uint32Array(Math.max(2 * last.length, stream + 1));
      grown.set(last);
      last = this.#last[kind] = grown;
    }
    return last[stream]!;
  }
}
