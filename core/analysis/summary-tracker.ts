/**
 * Each conversation's summary in a session, kept up to date as records arrive: O(1) per record,
 * from socket steps and packets alike, so no one ever re-summarises the records held.
 */
import type { SessionRecord, SocketStep, PacketRecord } from '../records.ts';
import type { Endpoint, Side } from '../types.ts';
import type {
  ConversationEnding,
  ConversationOrigin,
  ConversationSummary,
} from './conversation-summary.ts';
import { emptySummary } from './conversation-summary.ts';
import { connectionNumber } from '../conversation-names.ts';
import { addToPhases } from './phase-tracker.ts';
import { dropOldest } from '../drop-oldest.ts';

/** Error codes kept per conversation. */
const MAX_ERRORS = 8;
/** Conversations remembered by default; the oldest summaries go first past it. */
export const DEFAULT_MAX_CONVERSATIONS = 100_000;

/** What the tracker needs beside the summary; never leaves the tracker. */
interface Scratch {
  clientTapped: boolean;
  stepBytesC2S: number;
  stepBytesS2C: number;
  firstStepRequest?: number;
  firstPacketRequest?: number;
  firstSyn?: number;
  lastSyn?: number;
  synAck?: number;
}

const UNKNOWN: Endpoint = { address: '', port: 0 };
const other = (s: Side): Side => (s === 'client' ? 'server' : 'client');

export class SummaryTracker {
  private byConv = new Map<string, { summary: ConversationSummary; scratch: Scratch }>();
  private changed = new Set<string>();
  private origins = new Map<string, ConversationOrigin>();

  constructor(private readonly maxConversations = DEFAULT_MAX_CONVERSATIONS) {}

  /** Count one record in; records without a conversation are ignored. */
  add(r: SessionRecord): void {
    const conv = r.conv;
    if (!conv) return;
    const entry = this.byConv.get(conv) ?? this.create(conv, r);
    const s = entry.summary;
    s.records = (s.records ?? 0) + 1;
    s.firstRecNo ??= r.recNo;
    s.lastRecNo = r.recNo;
    if (r.time < s.firstTime) s.firstTime = r.time;
    if (r.time > s.lastTime) s.lastTime = r.time;
    if (r.type === 'step') this.addStep(s, entry.scratch, r);
    else this.addPacket(s, entry.scratch, r);
    this.changed.add(conv);
  }

  /**
   * Takes summaries counted elsewhere (a copy of a finished session, made in a worker), oldest
   * first; they are not marked changed. Records added later start from an empty scratch.
   */
  restore(summaries: readonly ConversationSummary[]): void {
    for (const summary of summaries) {
      this.byConv.delete(summary.conv);
      this.byConv.set(summary.conv, {
        summary,
        scratch: { clientTapped: false, stepBytesC2S: 0, stepBytesS2C: 0 },
      });
      if (this.byConv.size > this.maxConversations) dropOldest(this.byConv);
    }
  }

  /** The server knows which conversations its scenarios made; say so before or after they start. */
  markOrigin(conv: string, origin: ConversationOrigin): void {
    this.origins.set(conv, origin);
    const entry = this.byConv.get(conv);
    if (entry) {
      entry.summary.origin = origin;
      this.changed.add(conv);
    }
  }

  /** A conversation the server dropped for being idle. */
  markIdle(conv: string): void {
    const entry = this.byConv.get(conv);
    if (entry && entry.summary.ending === 'open') {
      entry.summary.ending = 'idle';
      this.changed.add(conv);
    }
  }

  get(conv: string): ConversationSummary | undefined {
    return this.byConv.get(conv)?.summary;
  }

  /** Every summary, oldest conversation first. */
  all(): ConversationSummary[] {
    return Array.from(this.byConv.values(), (e) => e.summary);
  }

  get size(): number {
    return this.byConv.size;
  }

  /** Summaries changed since the last call, each once (copies: safe to send while counting on). */
  takeChanged(): ConversationSummary[] {
    const out: ConversationSummary[] = [];
    for (const conv of this.changed) {
      const s = this.byConv.get(conv)?.summary;
      if (s) out.push(copySummary(s));
    }
    this.changed.clear();
    return out;
  }

  private create(
    conv: string,
    r: SessionRecord,
  ): { summary: ConversationSummary; scratch: Scratch } {
    const connection = connectionNumber(conv);
    // Fields added one by one, not by a spread with new fields after it: V8 (Node 20) gives each
    // object made so a hidden class of its own (~1 KB per summary kept).
    const summary = emptySummary(
      conv,
      r.type === 'step' ? r.transport : r.tcp ? 'tcp' : 'udp',
      UNKNOWN,
      UNKNOWN,
      -1,
      r.time,
    );
    if (connection > 1) summary.connection = connection;
    summary.records = 0;
    summary.steps = 0;
    summary.origin = this.origins.get(conv) ?? 'outside';
    summary.ending = 'open';
    summary.errors = [];
    const entry = {
      summary,
      scratch: { clientTapped: false, stepBytesC2S: 0, stepBytesS2C: 0 },
    };
    this.byConv.set(conv, entry);
    if (this.byConv.size > this.maxConversations) {
      const oldest = dropOldest(this.byConv)!;
      this.origins.delete(oldest);
      this.changed.delete(oldest);
    }
    return entry;
  }

  private addStep(s: ConversationSummary, x: Scratch, r: SocketStep): void {
    s.steps = (s.steps ?? 0) + 1;
    if (s.client === UNKNOWN && r.remote) {
      s.client = r.side === 'client' ? r.local : r.remote;
      s.server = r.side === 'client' ? r.remote : r.local;
    }
    if (r.side === 'client' && !x.clientTapped) {
      x.clientTapped = true;
      if (s.origin === 'outside' && !this.origins.has(s.conv)) s.origin = 'builtin';
    }
    const sending = r.kind === 'write' || r.kind === 'udp-send';
    const receiving = r.kind === 'read' || r.kind === 'udp-recv';
    // Bytes as the sender wrote them; a sender without a tap (an outside client) by the reads.
    if (sending && r.side === 'client') x.stepBytesC2S += r.bytes;
    else if (sending) x.stepBytesS2C += r.bytes;
    else if (receiving && r.side === 'server' && !x.clientTapped) x.stepBytesC2S += r.bytes;
    if (s.packets === 0) {
      s.bytesC2S = x.stepBytesC2S;
      s.bytesS2C = x.stepBytesS2C;
    }
    // Response time: the client's first request to the first answer it reads (or the server writes).
    if (r.bytes > 0 && s.responseTime === undefined) {
      const request = (sending && r.side === 'client') || (receiving && r.side === 'server');
      if (request) x.firstStepRequest ??= r.time;
      else if (x.firstStepRequest !== undefined) s.responseTime = r.time - x.firstStepRequest;
    }
    if (r.kind === 'reset') this.end(s, r.side === 'client' ? 'rst-client' : 'rst-server');
    else if (r.kind === 'end' && s.ending === 'open') s.ending = `fin-${r.side}`;
    else if (r.kind === 'peer-end' && s.ending === 'open') s.ending = `fin-${other(r.side)}`;
    else if (r.kind === 'error') {
      if (r.code) this.error(s, r.code);
      if (s.ending === 'open' || (s.ending ?? 'open').startsWith('fin')) s.ending = 'error';
    }
  }

  private addPacket(s: ConversationSummary, x: Scratch, p: PacketRecord): void {
    if (p.icmp) {
      this.error(s, `ICMP ${p.icmp.type}/${p.icmp.code}`);
      this.end(s, 'icmp');
      return;
    }
    const a = p.analysis;
    const from: Side = a?.from ?? 'client';
    if (a) {
      if (s.stream < 0) s.stream = a.stream;
      if (s.client === UNKNOWN && p.src !== undefined && p.dst !== undefined) {
        const src = { address: p.src, port: p.sport ?? 0 };
        const dst = { address: p.dst, port: p.dport ?? 0 };
        s.client = from === 'client' ? src : dst;
        s.server = from === 'client' ? dst : src;
      }
      if (a.states) s.state = { ...a.states };
      if (a.phase) addToPhases(s.phases, a.phase, p.time, from, p.len);
    }
    if (s.packets === 0) {
      s.bytesC2S = 0;
      s.bytesS2C = 0;
    }
    s.packets++;
    if (from === 'client') {
      s.packetsC2S++;
      s.bytesC2S += p.len;
    } else {
      s.packetsS2C++;
      s.bytesS2C += p.len;
    }
    if (p.len > 0) {
      if (from === 'client') x.firstPacketRequest ??= p.time;
      else if (x.firstPacketRequest !== undefined) s.responseTime = p.time - x.firstPacketRequest;
    }
    const flags = p.tcp?.flags;
    if (!flags) return;
    const syn = flags.includes('SYN');
    const ack = flags.includes('ACK');
    if (syn && !ack) {
      x.firstSyn ??= p.time;
      x.lastSyn = p.time;
    } else if (syn && ack && x.synAck === undefined) {
      x.synAck = p.time;
      if (x.firstSyn !== undefined) s.synAckRtt = p.time - x.firstSyn;
    } else if (ack && x.synAck !== undefined && x.lastSyn !== undefined) {
      s.handshakeRtt ??= p.time - x.lastSyn;
    }
    if (flags.includes('RST')) this.end(s, from === 'client' ? 'rst-client' : 'rst-server');
    else if (flags.includes('FIN') && s.ending === 'open') s.ending = `fin-${from}`;
  }

  private end(s: ConversationSummary, how: ConversationEnding): void {
    if (s.ending === 'open' || s.ending?.startsWith('fin')) s.ending = how;
  }

  private error(s: ConversationSummary, code: string): void {
    const list = (s.errors ??= []);
    if (list.length < MAX_ERRORS && !list.includes(code)) list.push(code);
  }
}

function copySummary(s: ConversationSummary): ConversationSummary {
  return {
    ...s,
    phases: s.phases.map((p) => ({ ...p })),
    ...(s.errors ? { errors: [...s.errors] } : {}),
  };
}
