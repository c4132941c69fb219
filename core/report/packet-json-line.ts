/**
 * The line `packet-ladder analyze` prints for one packet, written straight to text: the same
 * characters as `JSON.stringify(packetJson(p, firstTime, file, lang))`, without building the object
 * first (on a 500,000-packet file the object and its generic serialisation were a fifth of the time).
 */
import type { PacketRecord } from '../protocol.ts';
import { explain } from '../explain/explain.ts';
import { renderExplanation, type Locale } from '../explain/render-explanation.ts';

/** Characters JSON.stringify escapes in a string: controls, quote, backslash, lone surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

const str = (s: string) => (NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`);
/** JSON.stringify prints NaN and ±Infinity as null. */
const num = (n: number) => (Number.isFinite(n) ? `${n}` : 'null');

function strings(list: readonly string[]): string {
  let out = '[';
  for (let i = 0; i < list.length; i++) out += (i ? ',' : '') + str(list[i]!);
  return `${out}]`;
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/**
 * `fileJson` is `JSON.stringify(file)` made once per file (or undefined), `time` as in packetJson:
 * seconds since `firstTime`, rounded to the microsecond. Ends without a newline.
 */
export function packetJsonLine(
  p: PacketRecord,
  firstTime: number,
  fileJson?: string,
  lang?: Locale,
): string {
  const a = p.analysis;
  let out = fileJson === undefined ? '{' : `{"file":${fileJson},`;
  out += `"no":${num(p.no)},"time":${num(Math.round(p.time - firstTime) / 1e6)}`;
  if (p.src !== undefined) out += `,"src":${str(p.src)}`;
  if (p.dst !== undefined) out += `,"dst":${str(p.dst)}`;
  out += `,"proto":${str(p.proto)},"len":${num(p.len)}`;
  if (p.sport !== undefined) out += `,"sport":${num(p.sport)}`;
  if (p.dport !== undefined) out += `,"dport":${num(p.dport)}`;
  const tcp = p.tcp;
  if (tcp) {
    if (a?.stream !== undefined) out += `,"stream":${num(a.stream)}`;
    out += `,"flags":${strings(tcp.flags)}`;
    if (a?.seq !== undefined) out += `,"seq":${num(a.seq)}`;
    if (a?.ack !== undefined) out += `,"ack":${num(a.ack)}`;
    out += `,"seqRaw":${num(tcp.seq)}`;
    if (tcp.flags.includes('ACK')) out += `,"ackRaw":${num(tcp.ack)}`;
    out += `,"win":${num(a?.win ?? tcp.window)}`;
    out += `,"options":${isEmpty(tcp.options) ? '{}' : JSON.stringify(tcp.options)}`;
    if (a?.nextSeq !== undefined) out += `,"nextSeq":${num(a.nextSeq)}`;
    out += `,"analysis":${a?.analysis ? strings(a.analysis) : '[]'}`;
    if (a?.states)
      out += `,"states":{"client":${str(a.states.client)},"server":${str(a.states.server)}}`;
    if (a?.phase !== undefined) out += `,"phase":${str(a.phase)}`;
    if (a?.teach) out += `,"teach":${strings(a.teach)}`;
    if (a?.corrected) out += ',"corrected":true';
  } else if (p.proto === 'UDP' && a && a.stream !== undefined) {
    out += `,"stream":${num(a.stream)}`;
  }
  if (p.icmp) {
    out += `,"type":${num(p.icmp.type)},"code":${num(p.icmp.code)}`;
    if (p.icmp.inner) out += `,"inner":${JSON.stringify(p.icmp.inner)}`;
  }
  if (p.fragment) out += `,"fragment":${JSON.stringify(p.fragment)}`;
  if (p.reassembled) out += `,"reassembled":${JSON.stringify(p.reassembled)}`;
  if (p.truncated) out += ',"truncated":true';
  if (p.malformed) out += `,"malformed":${str(p.malformed)}`;
  if (lang) out += `,"explain":${str(renderExplanation(explain(p), lang))}`;
  return `${out}}`;
}
