/**
 * The incremental TCP/UDP analysis: feed decoded packets in capture order, get each packet's
 * conversation id and analysis. Memory stays bounded (see FlowTable and `maxConversations`).
 */
import type { Endpoint, Side, Transport } from '../types.ts';
import type { DecodedPacket } from '../decode/decoded-packet.ts';
import type { PacketAnalysis } from './packet-analysis.ts';
import { srcIsClient } from './flow-sides.ts';
import { newFlowRecord, countPacket, type FlowRecord } from './flow-record.ts';
import { FlowTable } from './flow-table.ts';
import { endpoints, flowKey, newFlowEnds, packetEnds, quotedEnds } from './flow-ends.ts';
import { FlowReusePool } from './flow-reuse.ts';
import { ConversationList } from './conversation-list.ts';
import { packetAnswers, type PacketResult } from './packet-result.ts';
import type { Analyzer, AnalyzerOptions } from './analyzer-types.ts';
import {
  analyzeTcpSegment,
  newTcpAnalysis,
  opensNewStream,
  type TcpSegmentIn,
} from './tcp-flow.ts';
import { addToPhases } from './phase-tracker.ts';
import { reviseEarlierRows } from './hindsight.ts';
import { ACK_BIT, SYN_BIT, tcpFlagBits } from '../decode/tcp-flag-bits.ts';

export type { PacketResult } from './packet-result.ts';
export type { Analyzer, AnalyzerOptions } from './analyzer-types.ts';

/** Sweep closed flows at most once every this many packets and this much capture time (µs). */
const SWEEP_EVERY = 256;
const SWEEP_GAP_US = 1_000_000;

export function createAnalyzer(opts: AnalyzerOptions = {}): Analyzer {
  const serverPorts = new Set(opts.serverPorts ?? []);
  const reuse = opts.reuse === true;
  const noIds = opts.conversationIds === false ? '' : undefined;
  const summaries = new ConversationList(opts.maxConversations ?? 10_000);
  // Only when nothing of a dropped flow can be reached: no result kept, no summary listed.
  const pool = reuse && opts.maxConversations === 0 ? new FlowReusePool() : undefined;
  /** Flows with SYN rows open to correction. */
  const openFlows = new Set<FlowRecord>();
  const table = new FlowTable(opts.maxFlows ?? 10_000, (rec) => {
    openFlows.delete(rec);
    if (pool) pool.giveBack(rec);
    else summaries.finish(rec.summary);
  });
  const nextStream: Record<Transport, number> = { tcp: 0, udp: 0 };
  const { answer, nothing } = packetAnswers(reuse);
  /** With `reuse`, the analyses add() returns, the same every packet. */
  const tcpAnalysis = reuse ? newTcpAnalysis() : undefined;
  const udpAnalysis: PacketAnalysis = { stream: 0, from: 'client', phase: 'data' };
  /** The ends of the packet being added (filled for each packet: no object per packet). */
  const ends = newFlowEnds();
  let count = 0;
  let lastSweep = -Infinity;

  function open(
    key: number,
    transport: Transport,
    [src, dst]: [Endpoint, Endpoint],
    time: number,
    srcClient: boolean,
    syn: boolean,
  ): FlowRecord {
    const [client, server] = srcClient ? [src, dst] : [dst, src];
    const stream = nextStream[transport]++;
    const spare = pool?.take(transport);
    const rec = newFlowRecord(key, transport, client, server, stream, time, syn, spare, noIds);
    table.put(rec);
    return rec;
  }

  function sideOf(rec: FlowRecord, address: string, port: number): Side {
    const c = rec.summary.client;
    return c.port === port && c.address === address ? 'client' : 'server';
  }

  function addTcp(p: DecodedPacket): PacketResult {
    const tcp = p.tcp!;
    const bits = tcpFlagBits(tcp.flags);
    const synOnly = (bits & (SYN_BIT | ACK_BIT)) === SYN_BIT;
    const synAck = (bits & (SYN_BIT | ACK_BIT)) === (SYN_BIT | ACK_BIT);
    const key = flowKey(ends);
    let rec = table.touch(key, ends);
    if (rec?.tcp && opensNewStream(rec.tcp, tcp, sideOf(rec, ends.srcAddress, ends.sport), bits))
      rec = undefined;
    if (!rec) {
      const ep = endpoints(ends);
      const srcClient = synOnly ? true : synAck ? false : srcIsClient('tcp', ...ep, serverPorts);
      rec = open(key, 'tcp', ep, p.time, srcClient, synOnly);
    }
    const from = sideOf(rec, ends.srcAddress, ends.sport);
    const t = rec.tcp!;
    const spares = pool?.phaseEntries;
    const analysis = analyzeTcpSegment(rec, t, p as TcpSegmentIn, from, count, tcpAnalysis, spares);
    if (!t.openSyns && !synOnly) return answer(rec.summary.conv, analysis);
    // A SYN's row stays open to correction: with `reuse`, as a copy of its own.
    const kept = reuse && synOnly ? { ...analysis } : analysis;
    const revised = reviseEarlierRows(t.openSyns, tcp.flags, from, count, kept);
    t.openSyns = revised.rows;
    if (t.openSyns) openFlows.add(rec);
    else openFlows.delete(rec);
    return answer(rec.summary.conv, analysis, revised.corrections);
  }

  function addUdp(p: DecodedPacket): PacketResult {
    const key = flowKey(ends);
    let rec = table.touch(key, ends);
    if (!rec) {
      const ep = endpoints(ends);
      rec = open(key, 'udp', ep, p.time, srcIsClient('udp', ...ep, serverPorts), false);
    }
    const from = sideOf(rec, ends.srcAddress, ends.sport);
    addToPhases(rec.summary.phases, 'data', p.time, from, p.len, pool?.phaseEntries);
    countPacket(rec, from, p.time, p.len);
    const stream = rec.summary.stream;
    if (!reuse) return answer(rec.summary.conv, { stream, from, phase: 'data' });
    udpAnalysis.stream = stream;
    udpAnalysis.from = from;
    return answer(rec.summary.conv, udpAnalysis);
  }

  /** An ICMP error belongs to the flow of the datagram or segment it quotes. */
  function addIcmp(p: DecodedPacket): PacketResult {
    if (!quotedEnds(p, ends)) return nothing();
    const rec = table.peek(flowKey(ends), ends);
    if (!rec) return nothing();
    // The error travels back towards the quoted sender, so it comes from the other side.
    const from: Side = sideOf(rec, ends.srcAddress, ends.sport) === 'client' ? 'server' : 'client';
    return answer(rec.summary.conv, { stream: rec.summary.stream, from });
  }

  return {
    add(p) {
      if (++count % SWEEP_EVERY === 0 && !(p.time - lastSweep < SWEEP_GAP_US)) {
        table.sweep(p.time);
        lastSweep = p.time;
      }
      if (p.icmp?.inner) return addIcmp(p);
      if (!packetEnds(p, ends)) return nothing();
      return ends.transport === 'tcp' ? addTcp(p) : addUdp(p);
    },
    oldestOpen() {
      let oldest: number | undefined;
      for (const rec of openFlows) {
        const first = rec.tcp?.openSyns?.[0]?.packet;
        if (first !== undefined && !(first >= (oldest ?? Infinity))) oldest = first;
      }
      return oldest;
    },
    conversations: () => summaries.list(Array.from(table.values(), (r) => r.summary)),
  };
}
