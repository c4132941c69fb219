/**
 * The line `packet-ladder analyze` prints for one packet, written straight into bytes: the same
 * characters as `JSON.stringify(packetJson(p, firstTime, file, lang))`, without building the object,
 * the line or the sentence as strings first (see JsonLineBuffer).
 */
import type { PacketRecord } from '../protocol.ts';
import type { PacketAnalysis } from '../analysis/packet-analysis.ts';
import type { Locale } from '../explain/render-explanation.ts';
import { JsonLineBuffer, utf8 } from './json-line-buffer.ts';
import { writeOptions, writeStrings } from './json-value-writers.ts';
import {
  cachedTcpRest,
  writeSentenceEnding,
  writeTcpEnding,
  writeTcpRest,
} from './line-ending-cache.ts';

const K = {
  file: utf8('{"file":'),
  no: utf8(',"no":'),
  noFirst: utf8('{"no":'),
  time: utf8(',"time":'),
  src: utf8(',"src":'),
  dst: utf8(',"dst":'),
  /** Quotes around the addresses and the protocol are written with the keys around them. */
  srcOpen: utf8(',"src":"'),
  dstOpen: utf8('","dst":"'),
  addressProto: utf8('","proto":"'),
  proto: utf8(',"proto":"'),
  lenAfterString: utf8('","len":'),
  sport: utf8(',"sport":'),
  dport: utf8(',"dport":'),
  stream: utf8(',"stream":'),
  flags: utf8(',"flags":'),
  seq: utf8(',"seq":'),
  ack: utf8(',"ack":'),
  seqRaw: utf8(',"seqRaw":'),
  ackRaw: utf8(',"ackRaw":'),
  win: utf8(',"win":'),
  options: utf8(',"options":'),
  noOptions: utf8(',"options":{}'),
  nextSeq: utf8(',"nextSeq":'),
  type: utf8(',"type":'),
  code: utf8(',"code":'),
  inner: utf8(',"inner":'),
  fragment: utf8(',"fragment":'),
  reassembled: utf8(',"reassembled":'),
  truncated: utf8(',"truncated":true'),
  malformed: utf8(',"malformed":'),
  explain: utf8(',"explain":"'),
  closeString: utf8('"}'),
};

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** The ICMP, fragment and problem fields, as JSON. */
function writeRarer(w: JsonLineBuffer, p: PacketRecord): void {
  if (p.icmp) {
    w.bytes(K.type);
    w.number(p.icmp.type);
    w.bytes(K.code);
    w.number(p.icmp.code);
    if (p.icmp.inner) {
      w.bytes(K.inner);
      w.text(JSON.stringify(p.icmp.inner));
    }
  }
  if (p.fragment) {
    w.bytes(K.fragment);
    w.text(JSON.stringify(p.fragment));
  }
  if (p.reassembled) {
    w.bytes(K.reassembled);
    w.text(JSON.stringify(p.reassembled));
  }
  if (p.truncated) w.bytes(K.truncated);
  if (p.malformed) {
    w.bytes(K.malformed);
    w.string(p.malformed);
  }
}

/** The fields every line has, up to the ports. */
function writeAddressing(
  w: JsonLineBuffer,
  p: PacketRecord,
  firstTime: number,
  fileJson: string | undefined,
): void {
  if (fileJson === undefined) w.bytes(K.noFirst);
  else {
    w.bytes(K.file);
    w.text(fileJson);
    w.bytes(K.no);
  }
  w.number(p.no);
  w.bytes(K.time);
  w.micros(Math.round(p.time - firstTime));
  if (p.src !== undefined && p.dst !== undefined) {
    w.bytes(K.srcOpen);
    w.stringBody(p.src);
    w.bytes(K.dstOpen);
    w.stringBody(p.dst);
    w.bytes(K.addressProto);
  } else {
    if (p.src !== undefined) {
      w.bytes(K.src);
      w.string(p.src);
    }
    if (p.dst !== undefined) {
      w.bytes(K.dst);
      w.string(p.dst);
    }
    w.bytes(K.proto);
  }
  w.stringBody(p.proto);
  w.bytes(K.lenAfterString);
  w.number(p.len);
  if (p.sport !== undefined) {
    w.bytes(K.sport);
    w.number(p.sport);
  }
  if (p.dport !== undefined) {
    w.bytes(K.dport);
    w.number(p.dport);
  }
}

/** A TCP line's fields from stream to nextSeq. */
function writeTcpNumbers(
  w: JsonLineBuffer,
  tcp: NonNullable<PacketRecord['tcp']>,
  a: PacketAnalysis | undefined,
): void {
  if (a?.stream !== undefined) {
    w.bytes(K.stream);
    w.number(a.stream);
  }
  w.bytes(K.flags);
  writeStrings(w, tcp.flags);
  if (a?.seq !== undefined) {
    w.bytes(K.seq);
    w.number(a.seq);
  }
  if (a?.ack !== undefined) {
    w.bytes(K.ack);
    w.number(a.ack);
  }
  w.bytes(K.seqRaw);
  w.number(tcp.seq);
  if (tcp.flags.includes('ACK')) {
    w.bytes(K.ackRaw);
    w.number(tcp.ack);
  }
  w.bytes(K.win);
  w.number(a?.win ?? tcp.window);
  if (isEmpty(tcp.options)) w.bytes(K.noOptions);
  else {
    w.bytes(K.options);
    writeOptions(w, tcp.options);
  }
  if (a?.nextSeq !== undefined) {
    w.bytes(K.nextSeq);
    w.number(a.nextSeq);
  }
}

/**
 * Writes the line and its newline. `fileJson` is `JSON.stringify(file)` made once per file (or
 * undefined), `time` as in packetJson: seconds since `firstTime`, rounded to the microsecond.
 */
export function writePacketJsonLine(
  w: JsonLineBuffer,
  p: PacketRecord,
  firstTime: number,
  fileJson?: string,
  lang?: Locale,
): void {
  const a = p.analysis;
  writeAddressing(w, p, firstTime, fileJson);
  const tcp = p.tcp;
  if (tcp) {
    writeTcpNumbers(w, tcp, a);
    if (cachedTcpRest(p, a)) {
      writeTcpEnding(w, p, a, lang);
      w.endLine();
      return;
    }
    writeTcpRest(w, a);
  } else if (p.proto === 'UDP' && a && a.stream !== undefined) {
    w.bytes(K.stream);
    w.number(a.stream);
  }
  writeRarer(w, p);
  writeSentenceEnding(w, p, lang);
  w.endLine();
}

const decoder = new TextDecoder();

/** The same line as a string, without the newline (for checks and small outputs). */
export function packetJsonLine(
  p: PacketRecord,
  firstTime: number,
  fileJson?: string,
  lang?: Locale,
): string {
  let line = '';
  const w = new JsonLineBuffer(new Uint8Array(4096), (bytes) => {
    line += decoder.decode(bytes);
    return new Uint8Array(4096);
  });
  writePacketJsonLine(w, p, firstTime, fileJson, lang);
  w.flush();
  return line.slice(0, -1);
}
