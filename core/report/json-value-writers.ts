/**
 * Writers of the JSON values a packet's line holds: string lists, TCP states and options, written
 * straight into bytes, frozen ones encoded once and copied (see packet-json-line.ts).
 */
import type { TcpOptions } from '../decode/decoded-packet.ts';
import type { PacketAnalysis } from '../analysis/packet-analysis.ts';
import { JsonLineBuffer, utf8 } from './json-line-buffer.ts';

const K = {
  open: utf8('{'),
  timestampValue: utf8('"timestamp":{"value":'),
  timestampEcho: utf8(',"echo":'),
  colon: utf8(':'),
  close: utf8('}'),
  comma: utf8(','),
  listOpen: utf8('['),
  listClose: utf8(']'),
};

/** How many values (and line endings, see line-ending-cache.ts) are kept encoded at most. */
export const CACHED_MAX = 4096;

/**
 * What lines repeat, encoded once and written as one copy: frozen lists (the decoder's flag
 * lists, the analysis' state pairs and flag lists are shared by every packet that has them).
 * Forgotten whole when full.
 */
const frozenBytes = new Map<object, Uint8Array>();

function remember(key: object, json: string): Uint8Array {
  if (frozenBytes.size >= CACHED_MAX) frozenBytes.clear();
  const b = utf8(json);
  frozenBytes.set(key, b);
  return b;
}

/** `JSON.stringify(list)`, a frozen list's encoded once. */
export function writeStrings(w: JsonLineBuffer, list: readonly string[]): void {
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

function statesJson(states: NonNullable<PacketAnalysis['states']>): string {
  return `,"states":{"client":${JSON.stringify(states.client)},"server":${JSON.stringify(states.server)}}`;
}

/** The states field with its key, frozen states encoded once. */
export function writeStates(
  w: JsonLineBuffer,
  states: NonNullable<PacketAnalysis['states']>,
): void {
  if (Object.isFrozen(states))
    w.bytes(frozenBytes.get(states) ?? remember(states, statesJson(states)));
  else w.text(statesJson(states));
}

/**
 * `JSON.stringify(options)` written straight into bytes (no string per segment that carries
 * options): keys in their order, numbers as JSON writes them, the rare rest through
 * JSON.stringify.
 */
export function writeOptions(w: JsonLineBuffer, options: TcpOptions): void {
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
