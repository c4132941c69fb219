/**
 * How a TCP line ends after nextSeq (its analysis fields and its sentence), and how any line ends
 * with its sentence: encoded once per combination and copied, the sentence's numbers written in.
 */
import type { PacketRecord } from '../protocol.ts';
import type { PacketAnalysis } from '../analysis/packet-analysis.ts';
import { emptyExplanation, explain, type Explanation } from '../explain/explain.ts';
import { paramValue, type Slot } from '../explain/param-slots.ts';
import { explanationSentence, slotText, type Locale } from '../explain/render-explanation.ts';
import { JsonLineBuffer, utf8 } from './json-line-buffer.ts';
import { CACHED_MAX, writeStates, writeStrings } from './json-value-writers.ts';
import { TokenTrie, type TrieNode } from './token-trie.ts';

const K = {
  analysis: utf8(',"analysis":'),
  noAnalysis: utf8(',"analysis":[]'),
  phase: utf8(',"phase":'),
  teach: utf8(',"teach":'),
  corrected: utf8(',"corrected":true'),
};

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
export function writeTcpRest(w: JsonLineBuffer, a: PacketAnalysis | undefined): void {
  if (a?.analysis) {
    w.bytes(K.analysis);
    writeStrings(w, a.analysis);
  } else w.bytes(K.noAnalysis);
  if (a?.states) writeStates(w, a.states);
  if (a?.phase !== undefined) {
    w.bytes(K.phase);
    w.string(a.phase);
  }
  if (a?.teach) {
    w.bytes(K.teach);
    writeStrings(w, a.teach);
  }
  if (a?.corrected) w.bytes(K.corrected);
}

/** Whether the TCP fields after nextSeq can be a cached ending: nothing follows them but the
 * sentence, and their lists and states are frozen (so the same object is the same JSON). */
export function cachedTcpRest(p: PacketRecord, a: PacketAnalysis | undefined): boolean {
  if (p.icmp || p.fragment || p.reassembled || p.truncated || p.malformed) return false;
  if (!a) return true;
  const { analysis, states, teach } = a;
  return (
    (!analysis || Object.isFrozen(analysis)) &&
    (!states || Object.isFrozen(states)) &&
    (!teach || Object.isFrozen(teach))
  );
}

const NOTHING = new Uint8Array(0);

/** The cached TCP fields after nextSeq, encoded for a new ending. */
function tcpRestBytes(a: PacketAnalysis | undefined): Uint8Array {
  const b = new JsonLineBuffer(new Uint8Array(256));
  writeTcpRest(b, a);
  return b.view(0, b.length).slice();
}

/** Ends a TCP line whose fields after nextSeq can be cached (see cachedTcpRest): those fields
 * and the sentence in `lang`, if any. */
export function writeTcpEnding(
  w: JsonLineBuffer,
  p: PacketRecord,
  a: PacketAnalysis | undefined,
  lang?: Locale,
): void {
  let n = endings.step(endings.root, a?.analysis ?? NONE);
  n = endings.step(n, a?.states ?? NONE);
  n = endings.step(n, a?.phase ?? NONE);
  n = endings.step(n, a?.teach ?? NONE);
  n = endings.step(n, a?.corrected === true);
  const exp = lang ? explain(p, scratch) : undefined;
  n = sentencePath(n, exp, lang);
  writeEnding(w, (n.value ??= makeEnding(tcpRestBytes(a), exp, lang)), exp);
}

/** Ends a line whose fields are all written: its sentence in `lang`, if any, and `}`. */
export function writeSentenceEnding(w: JsonLineBuffer, p: PacketRecord, lang?: Locale): void {
  const exp = lang ? explain(p, scratch) : undefined;
  const n = sentencePath(endings.step(endings.root, WRITTEN), exp, lang);
  writeEnding(w, (n.value ??= makeEnding(NOTHING, exp, lang)), exp);
}
