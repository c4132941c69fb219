/**
 * The line `packet-ladder analyze` prints for one packet, written straight into bytes: the same
 * characters as `JSON.stringify(packetJson(p, firstTime, file, lang))`, without building the object,
 * the line or the sentence as strings first (see JsonLineBuffer).
 */
import type { PacketRecord } from '../protocol.ts';
import type { TcpOptions } from '../decode/decoded-packet.ts';
import type { PacketAnalysis } from '../analysis/packet-analysis.ts';
import {
  emptyExplanation,
  explain,
  paramValue,
  type Explanation,
  type Slot,
} from '../explain/explain.ts';
import { explanationSentence, slotText, type Locale } from '../explain/render-explanation.ts';
import { JsonLineBuffer, utf8 } from './json-line-buffer.ts';
import { TokenTrie, type TrieNode } from './token-trie.ts';

const K = {
  open: utf8('{'),
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

/** A token for something absent (a field or a sentence's slot value). */
const NONE = Symbol('none');
/** A token for a slot whose value is a number: written each time, not kept. */
const NUMBER = Symbol('number');
/** The first token of a line whose TCP fields after nextSeq and rarer fields are written as they are. */
const WRITTEN = Symbol('written');

/**
 * How a line ends from its last varying JSON value on: encoded bytes, then the slot of a number
 * parameter of the sentence, bytes, slot, …, bytes (the last ones close the line's object).
 */
type Ending = (Uint8Array | Slot)[];

/**
 * Line endings cached under what they are made of: the TCP fields after nextSeq (frozen lists and
 * states, by identity), the language, the sentence's keys and the values of its word slots.
 * Numbers in the sentence stay slots. A few dozen endings make nearly every line of a capture.
 */
const endings = new TokenTrie<Ending>(CACHED_MAX);

/** The path of the sentence under `from`: its language, then each key and its slots' values. */
function sentencePath(from: TrieNode<Ending>, exp: Explanation | undefined, locale?: Locale) {
  let n = endings.step(from, locale ?? NONE);
  if (!exp || !locale) return n;
  for (let k = 0; k < exp.keys.length; k++) {
    const key = exp.keys[k]!;
    n = endings.step(n, key);
    const slots = explanationSentence(key, locale).slots;
    for (let j = 0; j < slots.length; j++) {
      const v = paramValue(exp.params, slots[j]!);
      n = endings.step(n, typeof v === 'number' ? NUMBER : (v ?? NONE));
    }
  }
  return n;
}

const jsonBody = (s: string) => JSON.stringify(s).slice(1, -1);
const decoder = new TextDecoder();

/** The ending of the lines on the path: `fixed` (JSON already), then the sentence, then `}`. */
function makeEnding(fixed: Uint8Array, exp: Explanation | undefined, locale?: Locale): Ending {
  const parts: Ending = [];
  let text = decoder.decode(fixed);
  if (exp && locale) {
    text += ',"explain":"';
    for (let k = 0; k < exp.keys.length; k++) {
      if (k && locale === 'en') text += ' ';
      const { parts: t, slots } = explanationSentence(exp.keys[k]!, locale);
      text += jsonBody(t[0]!);
      for (let j = 0; j < slots.length; j++) {
        const slot = slots[j]!;
        const v = paramValue(exp.params, slot);
        if (typeof v === 'number') {
          parts.push(utf8(text), slot);
          text = '';
        } else
          text += jsonBody(v === undefined ? `{${slot.name}}` : slotText(slot.name, v, locale));
        text += jsonBody(t[2 * j + 2]!);
      }
    }
    text += '"';
  }
  parts.push(utf8(text + '}'));
  return parts;
}

function writeEnding(w: JsonLineBuffer, e: Ending, exp: Explanation | undefined): void {
  w.bytes(e[0] as Uint8Array);
  for (let i = 1; i < e.length; i += 2) {
    w.numberText(paramValue(exp!.params, e[i] as Slot) as number);
    w.bytes(e[i + 1] as Uint8Array);
  }
}

/** Filled again for every line: the sentence is written out at once and nothing keeps it. */
const scratch = emptyExplanation();

/** The TCP fields after nextSeq, as JSON. */
function writeTcpRest(w: JsonLineBuffer, a: PacketAnalysis | undefined): void {
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
}

/** Whether the TCP fields after nextSeq can be a cached ending: nothing follows them but the
 * sentence, and their lists and states are frozen (so the same object is the same JSON). */
function cachedTcpRest(p: PacketRecord, a: PacketAnalysis | undefined): boolean {
  if (p.icmp || p.fragment || p.reassembled || p.truncated || p.malformed) return false;
  if (!a) return true;
  const { analysis, states, teach } = a;
  return (
    (!analysis || Object.isFrozen(analysis)) &&
    (!states || Object.isFrozen(states)) &&
    (!teach || Object.isFrozen(teach))
  );
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

const NOTHING = new Uint8Array(0);

/** The cached TCP fields after nextSeq, encoded for a new ending. */
function tcpRestBytes(a: PacketAnalysis | undefined): Uint8Array {
  const b = new JsonLineBuffer(new Uint8Array(256));
  writeTcpRest(b, a);
  return b.view(0, b.length).slice();
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
      let n = endings.step(endings.root, a?.analysis ?? NONE);
      n = endings.step(n, a?.states ?? NONE);
      n = endings.step(n, a?.phase ?? NONE);
      n = endings.step(n, a?.teach ?? NONE);
      n = endings.step(n, a?.corrected === true);
      const exp = lang ? explain(p, scratch) : undefined;
      n = sentencePath(n, exp, lang);
      writeEnding(w, (n.value ??= makeEnding(tcpRestBytes(a), exp, lang)), exp);
      w.endLine();
      return;
    }
    writeTcpRest(w, a);
  } else if (p.proto === 'UDP' && a && a.stream !== undefined) {
    w.bytes(K.stream);
    w.number(a.stream);
  }
  writeRarer(w, p);
  const exp = lang ? explain(p, scratch) : undefined;
  const n = sentencePath(endings.step(endings.root, WRITTEN), exp, lang);
  writeEnding(w, (n.value ??= makeEnding(NOTHING, exp, lang)), exp);
  w.endLine();
}

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
