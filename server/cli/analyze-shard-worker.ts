/**
 * One analysis thread of a sharded `analyze`: reads the whole capture and decodes every packet,
 * as the one-thread run does, so that packet numbers, the analyzer's sweeps of closed flows, the
 * first packet's time and the points where held lines are let go are the same; but only the
 * packets of its own flows (see shardOf) are analysed, written and sent to the main thread.
 */
import fs from 'node:fs';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { createAnalyzer, DEFAULT_MAX_FLOWS } from '../../core/analysis/analyzer.ts';
import type { PacketAnalysis } from '../../core/analysis/packet-analysis.ts';
import type { DecodedPacket } from '../../core/decode/decoded-packet.ts';
import { decodePacket, IpReassembler, reassemblePacket } from '../../core/decode/index.ts';
import { reassemblyNote } from '../../core/decode/reassembly-note.ts';
import { CaptureFormatError, CaptureReader } from '../../core/pcap/index.ts';
import type { PacketRecord } from '../../core/records.ts';
import { JsonLineBuffer } from '../../core/report/json-line-buffer.ts';
import { writePacketJsonLine } from '../../core/report/packet-json-line.ts';
import { HEAP_SLACK, MAX_HELD, READ_CHUNK, YOUNG_GENERATION } from './analyze-command.ts';
import { createHeapCeiling } from './heap-ceiling.ts';
import { HeldLines } from './held-lines.ts';
import { STREAM_UDP, type ShardJob, type ShardMessage } from './analyze-shard-messages.ts';
import { quickShard, shardOf } from './analyze-shard-key.ts';
import { ShardGuard } from './analyze-shard-guard.ts';

/** Bytes of one line buffer handed to the main thread. */
export const SHARD_BUFFER = 1024 * 1024;
/** Line buffers a thread may have out at once (written, or waiting to be merged)... */
const MAX_BUFFERS = 4;
/** ...unless it has waited this long for one to come back: then it makes another (never hangs). */
const STUCK_MS = 2000;
/** Lines (or the progress made) go to the main thread at least every this many packets read. */
const SEND_EVERY = 4096;

/** Packet numbers (global) of this thread's packets, by their own running index. */
class OwnNumbers {
  nos = new Uint32Array(4096);
  streams = new Uint32Array(4096);
  /** Own index of nos[0]; own indexes count from 1. */
  base = 1;
  size = 0;

  push(no: number): void {
    if (this.size === this.nos.length) {
      const nos = new Uint32Array(2 * this.size);
      nos.set(this.nos);
      const streams = new Uint32Array(2 * this.size);
      streams.set(this.streams);
      this.nos = nos;
      this.streams = streams;
    }
    this.nos[this.size++] = no;
  }

  /** The own index of packet `no` at or after own index `from` (-1 when not there). */
  find(no: number, from: number): number {
    const at = from - this.base + this.below(no, from);
    return at < this.size && this.nos[at] === no ? at + this.base : -1;
  }

  /** How many own packets from own index `from` on have numbers below `bound`. */
  below(bound: number, from: number): number {
    let lo = from - this.base;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.nos[mid]! < bound) lo = mid + 1;
      else hi = mid;
    }
    return lo - (from - this.base);
  }

  /** Takes the first `n` (numbers and stream codes), forgetting them. */
  take(n: number): [Uint32Array, Uint32Array] {
    const taken: [Uint32Array, Uint32Array] = [this.nos.slice(0, n), this.streams.slice(0, n)];
    this.nos.copyWithin(0, n, this.size);
    this.streams.copyWithin(0, n, this.size);
    this.size -= n;
    this.base += n;
    return taken;
  }
}

function countLines(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/** Runs the job given as workerData; messages go to the parent port. */
export function runShardWorker(): void {
  const job = workerData as ShardJob;
  const send = (m: ShardMessage, transfer?: ArrayBuffer[]) => parentPort!.postMessage(m, transfer);
  const done = analyzeShard(job, send);
  send(done);
}

function analyzeShard(
  job: ShardJob,
  send: (m: ShardMessage, transfer?: ArrayBuffer[]) => void,
): ShardMessage {
  const { shard, shards, lang, fileJson } = job;
  const signal = new Int32Array(job.signal);
  const reader = new CaptureReader();
  const guard = new ShardGuard();
  const analyzer = createAnalyzer({
    serverPorts: job.serverPorts,
    maxConversations: 0,
    // Its share of the flows the one-thread run keeps: the same memory in all.
    maxFlows: Math.ceil(DEFAULT_MAX_FLOWS / shards),
    onForget: (transport, client, server) => guard.forget(transport, client, server),
  });
  const reassembler = new IpReassembler();
  const own = new OwnNumbers();
  // A packet of another thread still counts in the analyzer (numbers, sweeps): one that no flow
  // claims does exactly that.
  const foreign: DecodedPacket = { time: 0, caplen: 0, origlen: 0, linkType: 0, proto: '', len: 0 };
  let count = 0;
  let owned = 0;
  let first: number | undefined;
  let sentAt = 0;
  let made = 0;

  const nextBuffer = (): Uint8Array => {
    const start = performance.now();
    for (;;) {
      const seen = Atomics.load(signal, shard);
      const back = receiveMessageOnPort(job.back);
      if (back) return new Uint8Array(back.message as ArrayBuffer);
      // Buffers not sent yet cannot come back: never wait for them.
      if (made < MAX_BUFFERS + unsent.length || performance.now() - start > STUCK_MS) {
        made++;
        return new Uint8Array(SHARD_BUFFER);
      }
      Atomics.wait(signal, shard, seen, 100);
    }
  };
  // A full buffer is sent once the line buffer has copied the line it was writing out of it.
  const unsent: Extract<ShardMessage, { type: 'lines' }>[] = [];
  const sendLines = () => {
    for (const m of unsent)
      send(m, [m.buffer, m.nos.buffer as ArrayBuffer, m.streams.buffer as ArrayBuffer]);
    unsent.length = 0;
  };
  const lines = new JsonLineBuffer(nextBuffer(), (bytes) => {
    const [nos, streams] = own.take(countLines(bytes));
    const buffer = bytes.buffer as ArrayBuffer;
    unsent.push({ type: 'lines', buffer, length: bytes.length, nos, streams, upTo: count });
    sentAt = count;
    return nextBuffer();
  });
  const held = new HeldLines(lines, (to, record) => {
    // Held lines count by own index; the line shows the packet's number.
    const index = record.no;
    const at = index - own.base;
    const a = record.analysis;
    const printsStream =
      a?.stream !== undefined && (record.tcp !== undefined || record.proto === 'UDP');
    own.streams[at] = printsStream
      ? (a.stream! + 1) | (record.tcp === undefined ? STREAM_UDP : 0)
      : 0;
    record.no = own.nos[at]!;
    writePacketJsonLine(to, record, first!, fileJson, lang);
    record.no = index;
  });
  const release = (last: boolean) => {
    let n = held.count;
    if (!last && n) {
      const open = analyzer.oldestOpen();
      const bound = Math.max(open ?? count + 1, count - MAX_HELD + 1);
      n = own.below(bound, held.first);
    }
    held.release(n);
    if (last) lines.flush();
    else if (count - sentAt >= SEND_EVERY) {
      if (lines.pending > 0) lines.flush();
      else if (unsent.length === 0) {
        send({ type: 'progress', upTo: count });
        sentAt = count;
      }
    }
    sendLines();
  };
  /** Analyses the frames; false from the first packet whose analysis may not be exact on. */
  const take = (frames: ReturnType<CaptureReader['push']>): boolean => {
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i]!;
      const no = ++count;
      first ??= frame.time;
      const quick = quickShard(frame.linkType, frame.data, shards);
      if (quick !== -1 && quick !== shard) {
        foreign.time = frame.time;
        analyzer.add(foreign);
        continue;
      }
      const p = decodePacket(frame.linkType, frame.data, frame.time, frame.origlen, 0);
      // Every thread puts fragments back together: the one that completes a datagram is owned
      // by the datagram's flow.
      if (p.fragment) reassemblePacket(p, frame.data, reassembler, 0);
      if (quick === -1 && shardOf(p, no, shards) !== shard) {
        foreign.time = p.time;
        analyzer.add(foreign);
        continue;
      }
      const result = analyzer.add(p);
      if (!guard.check(p, no, result)) return false;
      const { conv, analysis, corrections } = result;
      own.push(no);
      const record = p as PacketRecord;
      record.type = 'packet';
      record.no = ++owned;
      record.conv = conv;
      record.analysis = analysis;
      held.add(record);
      if (corrections) for (const c of corrections) correct(c.packet, c.analysis);
      if (unsent.length) sendLines();
    }
    return true;
  };
  const correct = (no: number, analysis: PacketAnalysis) => {
    if (held.count === 0) return;
    const index = own.find(no, held.first);
    if (index !== -1) held.correct(index, analysis);
  };

  const heap = createHeapCeiling(HEAP_SLACK / shards, YOUNG_GENERATION);
  const fd = fs.openSync(job.path, 'r');
  try {
    const buffer = new Uint8Array(READ_CHUNK);
    for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
      if (!take(reader.push(buffer.subarray(0, n)))) return { type: 'inexact', at: count };
      release(false);
      heap.check();
    }
    if (!take(reader.end())) return { type: 'inexact', at: count };
    release(true);
    const note = reassemblyNote(reassembler);
    if (reader.format === undefined)
      return { type: 'done', problem: 'empty file: not a pcap or pcapng capture', note };
    return { type: 'done', note };
  } catch (e) {
    if (!(e instanceof CaptureFormatError)) throw e;
    // What was read before the problem still prints.
    release(true);
    return { type: 'done', problem: e.message };
  } finally {
    fs.closeSync(fd);
  }
}
