/**
 * The incremental TCP/UDP analysis: feed decoded packets in capture order, get each packet's
 * conversation id and analysis. Memory stays bounded (see FlowTable and `maxConversations`).
 */
import type { Endpoint, Side, Transport } from '../types.ts';
import type { DecodedPacket } from '../decode/decoded-packet.ts';
import type { PacketAnalysis, PacketCorrection } from './packet-analysis.ts';
import type { ConversationSummary } from './conversation-summary.ts';
import { normalizeAddress } from '../conversation-id.ts';
import { flowKey, srcIsClient } from './flow-sides.ts';
import { newFlowRecord, countPacket, type FlowRecord } from './flow-record.ts';
import { FlowTable } from './flow-table.ts';
import { analyzeTcpSegment, opensNewStream, type TcpSegmentIn } from './tcp-flow.ts';
import { addToPhases } from './phase-tracker.ts';
import { reviseEarlierRows } from './hindsight.ts';

export interface AnalyzerOptions {
  /** Ports known to be servers' (the echo endpoints): decide sides when no SYN was seen. */
  serverPorts?: number[];
  /** Flows tracked at once (default 10,000); past it the least recently used is dropped. */
  maxFlows?: number;
  /** Summaries kept by conversations(), live and finished (default 10,000; oldest dropped). */
  maxConversations?: number;
}

export interface PacketResult {
  conv?: string;
  analysis?: PacketAnalysis;
  /** Earlier packets whose analysis this one proved wrong, corrected (see hindsight.ts). */
  corrections?: PacketCorrection[];
}

export interface Analyzer {
  /** Packets are numbered in the order given, from 1 (the numbers corrections refer to). */
  add(p: DecodedPacket): PacketResult;
  /** The lowest packet number a later packet may still correct (undefined when none). */
  oldestOpen(): number | undefined;
  /** Summaries of tracked and recently finished conversations, in order of first packet. */
  conversations(): ConversationSummary[];
}

/** Sweep closed flows at most once every this many packets and this much capture time (µs). */
const SWEEP_EVERY = 256;
const SWEEP_GAP_US = 1_000_000;

export function createAnalyzer(opts: AnalyzerOptions = {}): Analyzer {
  const serverPorts = new Set(opts.serverPorts ?? []);
  const maxConversations = opts.maxConversations ?? 10_000;
  const finished: ConversationSummary[] = [];
  /** Flows with SYN rows open to correction. */
  const openFlows = new Set<FlowRecord>();
  const table = new FlowTable(opts.maxFlows ?? 10_000, (rec) => {
    openFlows.delete(rec);
    finished.push(rec.summary);
    // Trim in batches: dropping one from the front per eviction would move the whole list each time.
    if (finished.length >= 2 * maxConversations)
      finished.splice(0, finished.length - maxConversations);
  });
  const nextStream: Record<Transport, number> = { tcp: 0, udp: 0 };
  let count = 0;
  let lastSweep = -Infinity;

  function open(
    key: string,
    transport: Transport,
    src: Endpoint,
    dst: Endpoint,
    time: number,
    srcClient: boolean,
    syn: boolean,
  ): FlowRecord {
    const [client, server] = srcClient ? [src, dst] : [dst, src];
    const rec = newFlowRecord(key, transport, client, server, nextStream[transport]++, time, syn);
    table.put(rec);
    return rec;
  }

  function sideOf(rec: FlowRecord, src: Endpoint): Side {
    const c = rec.summary.client;
    return c.address === src.address && c.port === src.port ? 'client' : 'server';
  }

  function addTcp(p: DecodedPacket, src: Endpoint, dst: Endpoint): PacketResult {
    const tcp = p.tcp!;
    const key = flowKey('tcp', src, dst);
    const synOnly = tcp.flags.includes('SYN') && !tcp.flags.includes('ACK');
    const synAck = tcp.flags.includes('SYN') && tcp.flags.includes('ACK');
    let rec = table.touch(key);
    if (rec?.tcp && opensNewStream(rec.tcp, tcp, sideOf(rec, src))) rec = undefined;
    if (!rec) {
      const srcClient = synOnly ? true : synAck ? false : srcIsClient('tcp', src, dst, serverPorts);
      rec = open(key, 'tcp', src, dst, p.time, srcClient, synOnly);
    }
    const from = sideOf(rec, src);
    const t = rec.tcp!;
    const analysis = analyzeTcpSegment(rec, t, p as TcpSegmentIn, from, count);
    if (!t.openSyns && !synOnly) return { conv: rec.summary.conv, analysis };
    const revised = reviseEarlierRows(t.openSyns, tcp.flags, from, count, analysis);
    t.openSyns = revised.rows;
    if (t.openSyns) openFlows.add(rec);
    else openFlows.delete(rec);
    return { conv: rec.summary.conv, analysis, corrections: revised.corrections };
  }

  function addUdp(p: DecodedPacket, src: Endpoint, dst: Endpoint): PacketResult {
    const key = flowKey('udp', src, dst);
    const rec =
      table.touch(key) ??
      open(key, 'udp', src, dst, p.time, srcIsClient('udp', src, dst, serverPorts), false);
    const from = sideOf(rec, src);
    addToPhases(rec.summary.phases, 'data', p.time, from, p.len);
    countPacket(rec, from, p.time, p.len);
    return {
      conv: rec.summary.conv,
      analysis: { stream: rec.summary.stream, from, phase: 'data' },
    };
  }

  /** An ICMP error belongs to the flow of the datagram or segment it quotes. */
  function addIcmp(p: DecodedPacket): PacketResult {
    const q = p.icmp?.inner;
    const transport = q?.proto.toLowerCase();
    if (
      !q ||
      q.sport === undefined ||
      q.dport === undefined ||
      (transport !== 'tcp' && transport !== 'udp')
    )
      return {};
    const src = { address: normalizeAddress(q.src), port: q.sport };
    const dst = { address: normalizeAddress(q.dst), port: q.dport };
    const rec = table.peek(flowKey(transport, src, dst));
    if (!rec) return {};
    // The error travels back towards the quoted sender, so it comes from the other side.
    const from: Side = sideOf(rec, src) === 'client' ? 'server' : 'client';
    return { conv: rec.summary.conv, analysis: { stream: rec.summary.stream, from } };
  }

  return {
    add(p) {
      if (++count % SWEEP_EVERY === 0 && !(p.time - lastSweep < SWEEP_GAP_US)) {
        table.sweep(p.time);
        lastSweep = p.time;
      }
      if (p.icmp?.inner) return addIcmp(p);
      if (
        p.src === undefined ||
        p.dst === undefined ||
        p.sport === undefined ||
        p.dport === undefined
      )
        return {};
      const src = { address: normalizeAddress(p.src), port: p.sport };
      const dst = { address: normalizeAddress(p.dst), port: p.dport };
      if (p.proto === 'TCP' && p.tcp) return addTcp(p, src, dst);
      if (p.proto === 'UDP') return addUdp(p, src, dst);
      return {};
    },
    oldestOpen() {
      let oldest: number | undefined;
      for (const rec of openFlows) {
        const first = rec.tcp?.openSyns?.[0]?.packet;
        if (first !== undefined && !(first >= (oldest ?? Infinity))) oldest = first;
      }
      return oldest;
    },
    conversations() {
      const recent = finished.slice(-maxConversations);
      const all = [...recent, ...Array.from(table.values(), (r) => r.summary)];
      all.sort((a, b) => a.firstTime - b.firstTime);
      return all
        .slice(-maxConversations)
        .map((s) => ({ ...s, phases: s.phases.map((x) => ({ ...x })) }));
    },
  };
}
