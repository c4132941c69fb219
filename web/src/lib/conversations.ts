/** Groups session records into conversations (one TCP connection or UDP flow, by `conv` id). */
import type { Endpoint, SessionRecord, Side, Transport } from '../../../core/protocol.ts';
import { normalizeAddress } from '../../../core/conversation-id.ts';

/** The pseudo conversation that shows every record, with or without a `conv`. */
export const ALL = '*';

export interface ConversationSummary {
  id: string;
  transport: Transport;
  client: Endpoint | null;
  server: Endpoint | null;
  count: number;
  firstRecNo: number;
  firstTime: number;
  lastTime: number;
  packets: number;
}

function parseEndpoint(text: string): Endpoint | null {
  const m = /^\[(.+)\]:(\d+)$/.exec(text) ?? /^([^:]+):(\d+)$/.exec(text);
  return m && m[1] !== undefined && m[2] !== undefined
    ? { address: m[1], port: Number(m[2]) }
    : null;
}

/** Reads `tcp 127.0.0.1:50000 > 127.0.0.1:23333` back into its parts. */
export function parseConversationId(
  id: string,
): { transport: Transport; client: Endpoint | null; server: Endpoint | null } | null {
  const m = /^(tcp|udp) (\S+) > (\S+)$/.exec(id);
  if (!m || !m[2] || !m[3]) return null;
  return { transport: m[1] as Transport, client: parseEndpoint(m[2]), server: parseEndpoint(m[3]) };
}

export function convOf(r: SessionRecord): string {
  return r.conv ?? '';
}

/** Client and server endpoints told by one record, when it tells them. */
function endpointsOf(r: SessionRecord): { client: Endpoint | null; server: Endpoint | null } {
  if (r.type === 'step') {
    return r.side === 'client'
      ? { client: r.local, server: r.remote }
      : { client: r.remote, server: r.local };
  }
  if (
    r.src === undefined ||
    r.dst === undefined ||
    r.sport === undefined ||
    r.dport === undefined
  ) {
    return { client: null, server: null };
  }
  const a = { address: r.src, port: r.sport };
  const b = { address: r.dst, port: r.dport };
  if (r.analysis)
    return r.analysis.from === 'client' ? { client: a, server: b } : { client: b, server: a };
  return { client: null, server: null };
}

function sameEndpoint(a: Endpoint, address: string | undefined, port: number | undefined): boolean {
  return (
    address !== undefined &&
    normalizeAddress(a.address) === normalizeAddress(address) &&
    a.port === port
  );
}

/** Which side sent a packet: from the analysis, else by matching the client endpoint. */
export function packetFrom(r: SessionRecord, client: Endpoint | null): Side {
  if (r.type === 'step') return r.side;
  if (r.analysis) return r.analysis.from;
  if (client && sameEndpoint(client, r.src, r.sport)) return 'client';
  if (client && sameEndpoint(client, r.dst, r.dport)) return 'server';
  return 'client';
}

/** One summary per conversation id, in order of first appearance (records without conv skipped). */
export function summarizeConversations(records: readonly SessionRecord[]): ConversationSummary[] {
  const byId = new Map<string, ConversationSummary>();
  for (const r of records) {
    const id = convOf(r);
    if (!id) continue;
    let c = byId.get(id);
    if (!c) {
      const parsed = parseConversationId(id);
      c = {
        id,
        transport:
          parsed?.transport ??
          (r.type === 'step' ? r.transport : r.proto === 'UDP' ? 'udp' : 'tcp'),
        client: parsed?.client ?? null,
        server: parsed?.server ?? null,
        count: 0,
        firstRecNo: r.recNo,
        firstTime: r.time,
        lastTime: r.time,
        packets: 0,
      };
      byId.set(id, c);
    }
    if (!c.client || !c.server) {
      const e = endpointsOf(r);
      c.client ??= e.client;
      c.server ??= e.server;
    }
    c.count += 1;
    if (r.type === 'packet') c.packets += 1;
    c.firstTime = Math.min(c.firstTime, r.time);
    c.lastTime = Math.max(c.lastTime, r.time);
  }
  return [...byId.values()];
}

/** The records of one conversation (or all of them for `ALL`), ordered by time then record number. */
export function recordsOf(records: readonly SessionRecord[], conv: string): SessionRecord[] {
  const picked = conv === ALL ? [...records] : records.filter((r) => convOf(r) === conv);
  return picked.sort((a, b) => a.time - b.time || a.recNo - b.recNo);
}
