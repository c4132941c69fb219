/**
 * The line `packet-ladder analyze` prints for one packet, written straight into bytes: the same
 * characters as `JSON.stringify(packetJson(p, firstTime, file, lang))`, without building the object,
 * the line or the sentence as strings first (see JsonLineBuffer).
 */
import type { PacketRecord } from '../protocol.ts';
import type { TcpOptions } from '../decode/decoded-packet.ts';
import type { PacketAnalysis } from '../analysis/packet-analysis.ts';
import { emptyExplanation, explain, type Explanation } from '../explain/explain.ts';
import { explanationTemplate, slotText, type Locale } from '../explain/render-explanation.ts';
import { JsonLineBuffer, utf8 } from './json-line-buffer.ts';

const K = {
  open: utf8('{'),
  file: utf8('{"file":'),
  no: utf8(',"no":'),
  noFirst: utf8('"no":'),
  time: utf8(',"time":'),
  src: utf8(',"src":'),
  dst: utf8(',"dst":'),
  proto: utf8(',"proto":'),
  len: utf8(',"len":'),
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
  timestampValue: utf8('"timestamp":{"value":'),
  timestampEcho: utf8(',"echo":'),
  colon: utf8(':'),
  noOptions: utf8(',"options":{}'),
  nextSeq: utf8(',"nextSeq":'),
  analysis: utf8(',"analysis":'),
  noAnalysis: utf8(',"analysis":[]'),
  phase: utf8(',"phase":'),
  teach: utf8(',"teach":'),
  corrected: utf8(',"corrected":true'),
  type: utf8(',"type":'),
  code: utf8(',"code":'),
  inner: utf8(',"inner":'),
  fragment: utf8(',"fragment":'),
  reassembled: utf8(',"reassembled":'),
  truncated: utf8(',"truncated":true'),
  malformed: utf8(',"malformed":'),
  explain: utf8(',"explain":"'),
  close: utf8('}'),
  closeString: utf8('"}'),
  space: utf8(' '),
  comma: utf8(','),
  listOpen: utf8('['),
  listClose: utf8(']'),
};

/**
 * What lines repeat, encoded once and written as one copy: frozen lists (the decoder's flag
 * lists, the analysis' state pairs and flag lists are shared by every packet that has them) and
 * the few strings that follow a key (addresses, protocols, phases). Forgotten whole when full.
 */
const CACHED_MAX = 4096;
const frozenBytes = new Map<object, Uint8Array>();

function remember(key: object, json: string): Uint8Array {
  if (frozenBytes.size >= CACHED_MAX) frozenBytes.clear();
  const b = utf8(json);
  frozenBytes.set(key, b);
  return b;
}

function strings(w: JsonLineBuffer, list: readonly string[]): void {
  if (Object.isFrozen(list)) {
    w.bytes(frozenBytes.get(list) ?? remember(list, JSON.stringify(list)));
    return;
  }
  w.bytes(K.listOpen);
  for (let i = 0; i < list.length; i++) {
    if (i) w.bytes(K.comma);
    w.string(list[i]!);
  }
  w.bytes(K.listClose);
}

/**
 * `JSON.stringify(options)` written straight into bytes (no string per segment that carries
 * options): keys in their order, numbers as JSON writes them, the rare rest through
 * JSON.stringify.
 */
function writeOptions(w: JsonLineBuffer, options: TcpOptions): void {
  w.bytes(K.open);
  let first = true;
  for (const key in options) {
    const v = options[key as keyof TcpOptions];
    if (v === undefined) continue;
    if (!first) w.bytes(K.comma);
    first = false;
    if (key === 'timestamp') {
      const t = v as NonNullable<TcpOptions['timestamp']>;
      w.bytes(K.timestampValue);
      w.number(t.value);
      w.bytes(K.timestampEcho);
      w.number(t.echo);
      w.bytes(K.close);
      continue;
    }
    w.string(key);
    w.bytes(K.colon);
    if (typeof v === 'number') w.number(v);
    else w.text(JSON.stringify(v));
  }
  w.bytes(K.close);
}

function statesJson(states: NonNullable<PacketAnalysis['states']>): string {
  return `,"states":{"client":${JSON.stringify(states.client)},"server":${JSON.stringify(states.server)}}`;
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** A sentence's template with its literals escaped for JSON and encoded: bytes, slot, bytes, … */
type EncodedTemplate = (Uint8Array | string)[];
const encoded = new Map<readonly string[], EncodedTemplate>();

function encodedTemplate(key: string, locale: Locale): EncodedTemplate {
  const t = explanationTemplate(key, locale);
  let e = encoded.get(t);
  if (!e) {
    e = t.map((part, i) => (i % 2 ? part : utf8(JSON.stringify(part).slice(1, -1))));
    encoded.set(t, e);
  }
  return e;
}

/**
 * A sentence's word slots (who sends, states, the rare malformed reason) as they are written, by
 * locale, slot and value: a few dozen values fill nearly every line. Forgotten whole when full.
 */
const slotBytes = new Map<Locale, Map<string, Map<string, Uint8Array>>>();
let slotCount = 0;

function slot(name: string, v: string, locale: Locale): Uint8Array {
  if (slotCount >= CACHED_MAX) {
    slotBytes.clear();
    slotCount = 0;
  }
  let byName = slotBytes.get(locale);
  if (!byName) slotBytes.set(locale, (byName = new Map()));
  let byValue = byName.get(name);
  if (!byValue) byName.set(name, (byValue = new Map()));
  let b = byValue.get(v);
  if (!b) {
    b = utf8(JSON.stringify(slotText(name, v, locale)).slice(1, -1));
    byValue.set(v, b);
    slotCount++;
  }
  return b;
}

/** Filled again for every line: the sentence is written out at once and nothing keeps it. */
const scratch = emptyExplanation();

/** The sentence renderExplanation words, as the inside of a JSON string. */
function writeExplanation(w: JsonLineBuffer, exp: Explanation, locale: Locale): void {
  for (let k = 0; k < exp.keys.length; k++) {
    if (k && locale === 'en') w.bytes(K.space);
    const t = encodedTemplate(exp.keys[k]!, locale);
    w.bytes(t[0] as Uint8Array);
    for (let i = 1; i < t.length; i += 2) {
      const name = t[i] as string;
      const v = exp.params[name];
      if (v === undefined) w.stringBody(`{${name}}`);
      else if (typeof v === 'number') w.numberText(v);
      else w.bytes(slot(name, v, locale));
      w.bytes(t[i + 1] as Uint8Array);
    }
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
  if (fileJson === undefined) w.bytes(K.open);
  else {
    w.bytes(K.file);
    w.text(fileJson);
    w.bytes(K.comma);
  }
  w.bytes(K.noFirst);
  w.number(p.no);
  w.bytes(K.time);
  w.micros(Math.round(p.time - firstTime));
  if (p.src !== undefined) {
    w.bytes(K.src);
    w.string(p.src);
  }
  if (p.dst !== undefined) {
    w.bytes(K.dst);
    w.string(p.dst);
  }
  w.bytes(K.proto);
  w.string(p.proto);
  w.bytes(K.len);
  w.number(p.len);
  if (p.sport !== undefined) {
    w.bytes(K.sport);
    w.number(p.sport);
  }
  if (p.dport !== undefined) {
    w.bytes(K.dport);
    w.number(p.dport);
  }
  const tcp = p.tcp;
  if (tcp) {
    if (a?.stream !== undefined) {
      w.bytes(K.stream);
      w.number(a.stream);
    }
    w.bytes(K.flags);
    strings(w, tcp.flags);
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
    if (a?.analysis) {
      w.bytes(K.analysis);
      strings(w, a.analysis);
    } else w.bytes(K.noAnalysis);
    const states = a?.states;
    if (states && Object.isFrozen(states))
      w.bytes(frozenBytes.get(states) ?? remember(states, statesJson(states)));
    else if (states) w.text(statesJson(states));
    if (a?.phase !== undefined) {
      w.bytes(K.phase);
      w.string(a.phase);
    }
    if (a?.teach) {
      w.bytes(K.teach);
      strings(w, a.teach);
    }
    if (a?.corrected) w.bytes(K.corrected);
  } else if (p.proto === 'UDP' && a && a.stream !== undefined) {
    w.bytes(K.stream);
    w.number(a.stream);
  }
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
  if (lang) {
    w.bytes(K.explain);
    writeExplanation(w, explain(p, scratch), lang);
    w.bytes(K.closeString);
  } else w.bytes(K.close);
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
