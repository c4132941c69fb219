/**
 * Which records belong together: socket calls and the packets they caused (core's correlate, per
 * conversation), and an ICMP error with the datagram it answers.
 */
import type { PacketRecord, SessionRecord } from '../../../core/protocol.ts';
import { correlate, type Links } from '../../../core/correlate/correlate.ts';

type Packet = PacketRecord & { recNo: number };

/** Links among `records`, whatever conversations they hold. */
export function linksOf(records: readonly SessionRecord[]): Links {
  const byConv = new Map<string, SessionRecord[]>();
  for (const r of records) {
    if (!r.conv) continue;
    const list = byConv.get(r.conv) ?? [];
    list.push(r);
    byConv.set(r.conv, list);
  }
  const links: Links = new Map();
  const tie = (a: number, b: number) => {
    for (const [k, v] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = links.get(k) ?? [];
      if (!list.includes(v)) list.push(v);
      links.set(k, list);
    }
  };
  for (const list of byConv.values()) {
    for (const [k, vs] of correlate(list)) for (const v of vs) tie(k, v);
    for (const r of list) {
      if (r.type !== 'packet' || !r.icmp?.inner) continue;
      const cause = icmpCause(list, r);
      if (cause) tie(r.recNo, cause.recNo);
    }
  }
  return links;
}

/** The datagram an ICMP error answers: the last one before it from the side it goes back to. */
export function icmpCause(records: readonly SessionRecord[], icmp: Packet): Packet | null {
  const inner = icmp.icmp?.inner;
  if (!inner) return null;
  let found: Packet | null = null;
  for (const r of records) {
    if (r.type !== 'packet' || r.recNo === icmp.recNo || r.time > icmp.time) continue;
    if (r.proto !== inner.proto || r.sport !== inner.sport || r.dport !== inner.dport) continue;
    found = r;
  }
  return found;
}

/** The records tied to any of `recNos` (the records themselves excluded). */
export function linkedTo(links: Links, recNos: readonly (number | null)[]): Set<number> {
  const out = new Set<number>();
  for (const s of recNos) if (s !== null) for (const l of links.get(s) ?? []) out.add(l);
  for (const s of recNos) if (s !== null) out.delete(s);
  return out;
}
