/**
 * One plain sentence per step: why this packet or call happened and what it changes. Returns
 * message keys with parameters; the catalogue (explanations-en.ts / explanations-zh.ts) words them.
 */
import { ANALYSIS_FLAGS, type AnalysisFlag, type TeachLabel } from '../analysis/packet-analysis.ts';
import type { RetransmitOrigin } from '../analysis/retransmit-origin.ts';
import {
  ACK_BIT,
  FIN_BIT,
  PSH_BIT,
  RST_BIT,
  SYN_BIT,
  tcpFlagBits,
} from '../decode/tcp-flag-bits.ts';
import type { PacketRecord, SocketStep } from '../records.ts';
import { packetParams } from './param-slots.ts';

export interface Explanation {
  /** Keys of sentences, in reading order. */
  keys: string[];
  params: Record<string, string | number>;
}

/**
 * `into`: an explanation to fill again instead of a new one, for a caller that words it at once
 * and keeps nothing of it (analyze: one object for every packet). A packet with parameters of its
 * own (a retransmission's, a malformed packet's) still gets a new one.
 */
export function explain(r: SocketStep | PacketRecord, into?: Explanation): Explanation {
  return r.type === 'step' ? explainStep(r) : explainPacket(r, into);
}

function explainStep(s: SocketStep): Explanation {
  const params: Explanation['params'] = {
    side: s.side,
    bytes: s.bytes,
    code: s.code ?? '',
    ms: s.durationUs !== undefined ? (s.durationUs / 1000).toFixed(1) : '?',
    port: s.local.port,
    s: s.durationUs !== undefined ? Math.round(s.durationUs / 1e6) : '?',
  };
  const key = s.kind === 'error' && s.code ? errorKey(s.code) : `explain.step.${s.kind}`;
  return { keys: [key], params };
}

function errorKey(code: string): string {
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code)
    ? `explain.step.error.${code}`
    : 'explain.step.error';
}

function explainPacket(p: PacketRecord, into?: Explanation): Explanation {
  const a = p.analysis;
  const from = a?.from ?? 'unknown';
  const reuse = into !== undefined && !a?.retransmits && !p.malformed;
  const exp = reuse ? into : { keys: [], params: packetParams() };
  const params = exp.params;
  params.from = from;
  params.to = from === 'client' ? 'server' : from === 'server' ? 'client' : 'unknown';
  params.len = p.len;
  params.seq = a?.seq ?? p.tcp?.seq ?? 0;
  params.ack = a?.ack ?? p.tcp?.ack ?? 0;
  params.last = (a?.seq ?? 0) + p.len - 1;
  params.acked = (a?.ack ?? 1) - 1;
  params.win = a?.win ?? p.tcp?.window ?? 0;
  params.mss = p.tcp?.options.mss ?? '?';
  params.clientState = a?.states?.client ?? '';
  params.serverState = a?.states?.server ?? '';
  params.dport = p.icmp?.inner?.dport ?? p.dport ?? 0;
  params.dupAck = a?.dupAckNum ?? 0;
  // Written in place and cut to length once: emptying a list first would free its store.
  const keys = exp.keys;
  let n = 0;
  const teach = a?.teach ?? NO_TEACH;
  const lead = teach.length ? teach.find((t) => LEADS.has(t)) : undefined;
  if (lead && p.tcp) keys[n++] = TEACH_KEY[lead];
  else if (p.tcp) keys[n++] = tcpKey(p);
  else if (p.icmp) keys[n++] = p.icmp.inner ? icmpErrorKey(p) : 'explain.icmp.other';
  else if (p.proto === 'UDP') keys[n++] = 'explain.udp';
  else keys[n++] = 'explain.other';
  for (const t of teach) if (t !== lead) keys[n++] = TEACH_KEY[t];
  if (p.tcp && a?.states) keys[n++] = a.corrected ? 'explain.states.corrected' : 'explain.states';
  // tshark's flags keep their sentences, except where a lesson above says what they mean here.
  const flags = a?.analysis;
  if (flags) {
    const told = teach.length ? new Set(teach.flatMap((t) => RETOLD[t])) : undefined;
    for (const flag of flags) if (!told?.has(flag)) keys[n++] = FLAG_KEY[flag];
  }
  if (a?.retransmits) for (const k of whyRetransmitted(p, a.retransmits, params)) keys[n++] = k;
  if (p.truncated) keys[n++] = 'explain.truncated';
  if (p.malformed) {
    keys[n++] = 'explain.malformed';
    params.why = p.malformed;
  }
  // Setting the length costs even when it does not change it.
  if (keys.length !== n) keys.length = n;
  return exp;
}

/** An explanation for `explain(r, into)` to fill. */
export function emptyExplanation(): Explanation {
  return { keys: [], params: packetParams() };
}

const NO_TEACH: readonly TeachLabel[] = [];

/** Message keys of tshark's flags and of the lessons, made once (not per packet). */
const FLAG_KEY = Object.fromEntries(ANALYSIS_FLAGS.map((f) => [f, `explain.flag.${f}`])) as Record<
  AnalysisFlag,
  string
>;
const TEACH_KEY: Record<TeachLabel, string> = {
  keep_alive: 'explain.teach.keep_alive',
  keep_alive_ack: 'explain.teach.keep_alive_ack',
  zero_window_probe: 'explain.teach.zero_window_probe',
  zero_window_probe_ack: 'explain.teach.zero_window_probe_ack',
  syn_window_unscaled: 'explain.teach.syn_window_unscaled',
  fin_acks_fin: 'explain.teach.fin_acks_fin',
};

/** Lessons that replace the segment's plain sentence (the others are added after it). */
const LEADS: ReadonlySet<TeachLabel> = new Set([
  'keep_alive',
  'keep_alive_ack',
  'zero_window_probe',
  'zero_window_probe_ack',
]);

/** tshark flags whose sentence a lesson replaces (the flag itself stays on the packet). */
const RETOLD: Record<TeachLabel, AnalysisFlag[]> = {
  keep_alive: ['keep_alive'],
  keep_alive_ack: ['keep_alive_ack'],
  zero_window_probe: ['keep_alive'],
  zero_window_probe_ack: ['zero_window_probe_ack'],
  syn_window_unscaled: ['window_update'],
  fin_acks_fin: [],
};

function tcpKey(p: PacketRecord): string {
  const f = tcpFlagBits(p.tcp!.flags);
  const phase = p.analysis?.phase;
  if (f & RST_BIT) return refused(p, f) ? 'explain.tcp.refused' : 'explain.tcp.rst';
  if (f & SYN_BIT) return f & ACK_BIT ? 'explain.tcp.synack' : 'explain.tcp.syn';
  if (f & FIN_BIT) return p.len > 0 ? 'explain.tcp.fin.data' : 'explain.tcp.fin';
  if (p.len > 0) return f & PSH_BIT ? 'explain.tcp.data.psh' : 'explain.tcp.data';
  if (phase === 'setup') return 'explain.tcp.handshake-ack';
  const s = p.analysis?.states;
  if (
    s &&
    (s.client === 'TIME_WAIT' ||
      s.server === 'TIME_WAIT' ||
      s.client === 'CLOSED' ||
      s.server === 'CLOSED')
  ) {
    return 'explain.tcp.fin-ack';
  }
  if (s && (s.client === 'FIN_WAIT_2' || s.server === 'FIN_WAIT_2'))
    return 'explain.tcp.fin-ack.half';
  // Ack 1 (or less, mid-connection) acknowledges no data: never "every byte up to 0".
  return (p.analysis?.ack ?? 0) > 1 ? 'explain.tcp.ack' : 'explain.tcp.ack.no-data';
}

/** An RST,ACK from the server acknowledging just the SYN: the answer to a connect() nobody accepts. */
function refused(p: PacketRecord, flagBits: number): boolean {
  const a = p.analysis;
  return a?.from === 'server' && (flagBits & ACK_BIT) !== 0 && a.ack === 1 && (a.seq ?? 0) <= 1;
}

function icmpErrorKey(p: PacketRecord): string {
  const { type, code } = p.icmp!;
  const portUnreachable =
    (p.proto === 'ICMP' && type === 3 && code === 3) ||
    (p.proto === 'ICMPv6' && type === 1 && code === 4);
  return portUnreachable ? 'explain.icmp.port-unreachable' : 'explain.icmp.error';
}

/** Why a retransmission happened: what it repeats, and what set it off (see RetransmitOrigin). */
function whyRetransmitted(
  p: PacketRecord,
  r: RetransmitOrigin,
  params: Explanation['params'],
): string[] {
  Object.assign(params, {
    original: r.original,
    sinceMs: (r.sinceUs / 1000).toFixed(1),
    waitMs: (r.sincePreviousUs / 1000).toFixed(1),
    attempt: r.attempt,
    dupAcks: r.dupAcks ?? 0,
  });
  const flags = p.analysis?.analysis ?? [];
  const keys: string[] = [];
  if (r.trigger === 'duplicate_acks') keys.push('explain.retransmits.duplicate_acks');
  else if (p.tcp?.flags.includes('SYN')) keys.push('explain.retransmits.syn');
  else if (p.tcp?.flags.includes('FIN') && p.len === 0) keys.push('explain.retransmits.fin');
  else keys.push('explain.retransmits.timeout');
  if (flags.includes('spurious_retransmission')) keys.push('explain.retransmits.spurious');
  if (r.attempt >= 2) keys.push('explain.retransmits.backoff');
  return keys;
}
