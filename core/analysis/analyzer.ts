/**
 * The incremental TCP/UDP analysis: feed decoded packets in capture order, get each packet's
 * conversation id and analysis. Memory stays bounded (see FlowTable and `maxConversations`).
 */
import type { Endpoint, Side, Transport } from '../types.ts';
import type { DecodedPacket } from '../decode/decoded-packet.ts';
import type { PacketAnalysis, PacketCorrection } from './packet-analysis.ts';
import type { ConversationSummary } from './conversation-summary.ts';
import { normalizeAddress } from '../conversation-id.ts';
import { flowHash, srcIsClient } from './flow-sides.ts';
import { newFlowRecord, countPacket, type FlowRecord } from './flow-record.ts';
import { FlowTable, type FlowEnds } from './flow-table.ts';
import {
  analyzeTcpSegment,
  newTcpAnalysis,
  opensNewStream,
  type TcpSegmentIn,
} from './tcp-flow.ts';
import { addToPhases } from './phase-tracker.ts';
import { reviseEarlierRows } from './hindsight.ts';
import { ACK_BIT, SYN_BIT, tcpFlagBits } from '../decode/tcp-flag-bits.ts';

export interface AnalyzerOptions {
  /** Ports known to be servers' (the echo endpoints): decide sides when no SYN was seen. */
  serverPorts?: number[];
  /** Flows tracked at once (default 10,000); past it the least recently used is dropped. */
  maxFlows?: number;
  /** Summaries kept by conversations(), live and finished (default 10,000; oldest dropped). */
  maxConversations?: number;
  /**
   * add() fills one result and one TCP analysis again for every packet instead of new ones, for a
   * caller done with each before it adds the next (`analyze` prints it at once): what it keeps
   * must be copied. What the analyzer itself keeps (a SYN's row, open to correction) it copies.
   */
  reuse?: boolean;
  /**
   * false: flows carry '' instead of their conversation id, for a caller that shows none
   * (`analyze`): one string per flow less to make and keep (default true).
   */
  conversationIds?: boolean;
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
/** Dropped flows of each transport kept for new ones at most (a sweep may drop many at once). */
const MAX_SPARES = 1024;

export function createAnalyzer(opts: AnalyzerOptions = {}): Analyzer {
  const serverPorts = new Set(opts.serverPorts ?? []);
  const maxConversations = opts.maxConversations ?? 10_000;
  const finished: ConversationSummary[] = [];
  /** Flows with SYN rows open to correction. */
  const openFlows = new Set<FlowRecord>();
  const reuse = opts.reuse === true;
  const noIds = opts.conversationIds === false ? '' : undefined;
  /**
   * Flows dropped from the table, made into new ones (their objects outlived the young generation
   * and were garbage in the old one): only when nothing of a dropped flow is reachable, as with
   * `reuse` and no finished summaries kept.
   */
  const spares: Record<Transport, FlowRecord[]> = { tcp: [], udp: [] };
  const recycle = reuse && maxConversations === 0;
  const table = new FlowTable(opts.maxFlows ?? 10_000, (rec) => {
    openFlows.delete(rec);
    if (recycle) {
      const same = spares[rec.summary.transport];
      if (same.length < MAX_SPARES) same.push(rec);
      return;
    }
    finished.push(rec.summary);
    // Trim in batches: dropping one from the front per eviction would move the whole list each time.
    if (finished.length >= 2 * maxConversations)
      finished.splice(0, finished.length - maxConversations);
  });
  const nextStream: Record<Transport, number> = { tcp: 0, udp: 0 };
  /** With `reuse`, the result add() returns and the analyses it holds, the same every packet. */
  const result: PacketResult = { conv: undefined, analysis: undefined, corrections: undefined };
  const tcpAnalysis = reuse ? newTcpAnalysis() : undefined;
  const udpAnalysis: PacketAnalysis = { stream: 0, from: 'client', phase: 'data' };
  const answer = (conv: string, analysis: PacketAnalysis, corrections?: PacketCorrection[]) => {
    if (!reuse) return corrections ? { conv, analysis, corrections } : { conv, analysis };
    result.conv = conv;
    result.analysis = analysis;
    result.corrections = corrections;
    return result;
  };
  const nothing = (): PacketResult => {
    if (!reuse) return {};
    result.conv = undefined;
    result.analysis = undefined;
    result.corrections = undefined;
    return result;
  };
  let count = 0;
  let lastSweep = -Infinity;

  function open(
    key: number,
    transport: Transport,
    src: Endpoint,
    dst: Endpoint,
    time: number,
    srcClient: boolean,
    syn: boolean,
  ): FlowRecord {
    const [client, server] = srcClient ? [src, dst] : [dst, src];
    const stream = nextStream[transport]++;
    const rec = newFlowRecord(
      key,
      transport,
      client,
      server,
      stream,
      time,
      syn,
      spares[transport].pop(),
      noIds,
    );
    table.put(rec);
    return rec;
  }

  function sideOf(rec: FlowRecord, address: string, port: number): Side {
    const c = rec.summary.client;
    return c.port === port && c.address === address ? 'client' : 'server';
  }

  /** The ends of the packet being added (filled for each packet: no object per packet). */
  const ends: FlowEnds = { transport: 'tcp', srcAddress: '', sport: 0, dstAddress: '', dport: 0 };
  const flowKey = (e: FlowEnds) =>
    flowHash(e.transport, e.srcAddress, e.sport, e.dstAddress, e.dport);
  const endpoints = (e: FlowEnds): [Endpoint, Endpoint] => [
    { address: e.srcAddress, port: e.sport },
    { address: e.dstAddress, port: e.dport },
  ];

  function addTcp(p: DecodedPacket): PacketResult {
    const tcp = p.tcp!;
    const key = flowKey(ends);
    const bits = tcpFlagBits(tcp.flags);
    const synOnly = (bits & (SYN_BIT | ACK_BIT)) === SYN_BIT;
    const synAck = (bits & (SYN_BIT | ACK_BIT)) === (SYN_BIT | ACK_BIT);
    let rec = table.touch(key, ends);
    if (rec?.tcp && opensNewStream(rec.tcp, tcp, sideOf(rec, ends.srcAddress, ends.sport), bits))
      rec = undefined;
    if (!rec) {
      const [src, dst] = endpoints(ends);
      const srcClient = synOnly ? true : synAck ? false : srcIsClient('tcp', src, dst, serverPorts);
      rec = open(key, 'tcp', src, dst, p.time, srcClient, synOnly);
    }
    const from = sideOf(rec, ends.srcAddress, ends.sport);
    const t = rec.tcp!;
    const analysis = analyzeTcpSegment(rec, t, p as TcpSegmentIn, from, count, tcpAnalysis);
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
      const [src, dst] = endpoints(ends);
      rec = open(key, 'udp', src, dst, p.time, srcIsClient('udp', src, dst, serverPorts), false);
    }
    const from = sideOf(rec, ends.srcAddress, ends.sport);
    addToPhases(rec.summary.phases, 'data', p.time, from, p.len);
    countPacket(rec, from, p.time, p.len);
    if (!reuse)
      return {
        conv: rec.summary.conv,
        analysis: { stream: rec.summary.stream, from, phase: 'data' },
      };
    udpAnalysis.stream = rec.summary.stream;
    udpAnalysis.from = from;
    return answer(rec.summary.conv, udpAnalysis);
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
      return nothing();
    ends.transport = transport;
    ends.srcAddress = normalizeAddress(q.src);
    ends.sport = q.sport;
    ends.dstAddress = normalizeAddress(q.dst);
    ends.dport = q.dport;
    const rec = table.peek(flowKey(ends), ends);
    if (!rec) return nothing();
    // The error travels back towards the quoted sender, so it comes from the other side.
    const from: Side = sideOf(rec, ends.srcAddress, ends.sport) === 'client' ? 'server' : 'client';
    if (!reuse) return { conv: rec.summary.conv, analysis: { stream: rec.summary.stream, from } };
    return answer(rec.summary.conv, { stream: rec.summary.stream, from });
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
        return nothing();
      ends.srcAddress = normalizeAddress(p.src);
      ends.sport = p.sport;
      ends.dstAddress = normalizeAddress(p.dst);
      ends.dport = p.dport;
      if (p.proto === 'TCP' && p.tcp) {
        ends.transport = 'tcp';
        return addTcp(p);
      }
      if (p.proto === 'UDP') {
        ends.transport = 'udp';
        return addUdp(p);
      }
      return nothing();
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
