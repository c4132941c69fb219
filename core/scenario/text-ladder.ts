/**
 * A run as a text ladder: time, the client's socket steps, an arrow per packet (flags, relative
 * seq/ack/len, window), the server's socket steps, then both TCP states and analysis flags.
 * One ladder per conversation when a run has several.
 */
import { formatEndpoint } from '../conversation-id.ts';
import type { PacketRecord, SocketStep } from '../records.ts';
import type { RunTimeline } from './run-timeline.ts';

const MARK = 22; // width of each side's column of socket steps
const LANE = 46; // width of the arrow lane between the two lifelines

export function textLadder(t: RunTimeline, firstTime?: number): string {
  const all = [...t.steps, ...t.packets];
  if (all.length === 0) return '(nothing was seen)\n';
  const t0 = firstTime ?? Math.min(...all.map((r) => r.time));
  const convs = t.convs.length ? t.convs : [''];
  const out: string[] = [];
  for (const [i, conv] of convs.entries()) {
    const records = all
      .filter((r) => conv === '' || r.conv === conv)
      .sort((a, b) => a.time - b.time);
    if (convs.length > 1) out.push(`conversation ${i + 1}: ${conv}`);
    out.push(header(records));
    for (const r of records) out.push(r.type === 'step' ? stepLine(r, t0) : packetLine(r, t0));
    out.push('');
  }
  return out.join('\n');
}

function header(records: (SocketStep | PacketRecord)[]): string {
  const c = records.find((r): r is SocketStep => r.type === 'step' && r.side === 'client');
  const s = records.find((r): r is SocketStep => r.type === 'step' && r.side === 'server');
  const client = c ? `client ${formatEndpoint(c.local)}` : 'client';
  // Nothing answered (refused, unreachable): name the server from the client's side.
  const far = s?.local ?? c?.remote;
  const server = far ? `server ${formatEndpoint(far)}` : 'server';
  return `${'time s'.padStart(9)}  ${client.padStart(MARK)} |${' '.repeat(LANE)}| ${server}`;
}

export function stepLine(s: SocketStep, t0: number): string {
  const mark = stepMark(s);
  const left = s.side === 'client' ? mark : '';
  const right = s.side === 'server' ? mark : '';
  return `${seconds(s.time, t0)}  ${left.padStart(MARK)} |${' '.repeat(LANE)}| ${right}`.trimEnd();
}

export function stepMark(s: SocketStep): string {
  if (s.kind === 'error') return `error ${s.code ?? ''}`.trim();
  return s.bytes > 0 ? `${s.kind} ${s.bytes} B` : s.kind;
}

export function packetLine(p: PacketRecord, t0: number): string {
  const a = p.analysis;
  const label = packetLabel(p);
  const fromServer = a?.from === 'server';
  const dashes = Math.max(2, LANE - label.length - 5);
  const lane = fromServer
    ? `<${'-'.repeat(dashes)} ${label} --`
    : `-- ${label} ${'-'.repeat(dashes)}>`;
  const states = a?.states ? `  ${a.states.client} | ${a.states.server}` : '';
  const flags = a?.analysis?.length ? `  [${a.analysis.join(', ')}]` : '';
  return `${seconds(p.time, t0)}  ${''.padStart(MARK)} |${lane}|${states}${flags}`.trimEnd();
}

export function packetLabel(p: PacketRecord): string {
  const a = p.analysis;
  if (p.tcp) {
    const parts = [p.tcp.flags.join(','), `seq=${a?.seq ?? p.tcp.seq}`];
    if (p.tcp.flags.includes('ACK')) parts.push(`ack=${a?.ack ?? p.tcp.ack}`);
    parts.push(`len=${p.len}`, `win=${a?.win ?? p.tcp.window}`);
    return parts.join(' ');
  }
  if (p.icmp) return `${p.proto} ${p.icmp.type}/${p.icmp.code}`;
  return `${p.proto} len=${p.len}`;
}

function seconds(time: number, t0: number): string {
  return ((time - t0) / 1e6).toFixed(6).padStart(9);
}
