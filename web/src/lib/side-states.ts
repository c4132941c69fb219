/**
 * Each side's TCP state after a record: from the packet analysis when packets were captured,
 * else derived from the socket calls (core's deriveStates), marked as derived.
 */
import type { SessionRecord } from '../../../core/protocol.ts';
import type { TcpState } from '../../../core/analysis/packet-analysis.ts';
import { deriveStates, type DerivedStates } from '../../../core/analysis/derived-states.ts';

export interface SideStates {
  client: TcpState;
  server: TcpState;
  /** True when derived from socket calls, not read from packets. */
  derived: boolean;
  /** True when a later packet corrected these states (see core/analysis/hindsight.ts). */
  corrected?: boolean;
}

/** States derived from socket calls, for the TCP conversations without any analysed packet. */
export function derivedStatesOf(records: readonly SessionRecord[]): Map<number, DerivedStates> {
  const byConv = new Map<string, SessionRecord[]>();
  const captured = new Set<string>();
  for (const r of records) {
    if (!r.conv) continue;
    if (r.type === 'packet' && r.analysis?.states) captured.add(r.conv);
    if (r.type === 'step' && r.transport === 'tcp') {
      const list = byConv.get(r.conv) ?? [];
      list.push(r);
      byConv.set(r.conv, list);
    }
  }
  const out = new Map<number, DerivedStates>();
  for (const [conv, list] of byConv) {
    if (captured.has(conv)) continue;
    for (const [recNo, s] of deriveStates(list)) out.set(recNo, s);
  }
  return out;
}

/** The states after `r`: its packet's, else the derived ones, else none. */
export function statesOf(
  r: SessionRecord,
  derived: ReadonlyMap<number, DerivedStates>,
): SideStates | null {
  if (r.type === 'packet') {
    const s = r.analysis?.states;
    if (!s) return null;
    return r.analysis?.corrected
      ? { ...s, derived: false, corrected: true }
      : { ...s, derived: false };
  }
  const d = derived.get(r.recNo);
  return d ? { ...d, derived: true } : null;
}

/** When each side of each conversation entered TIME_WAIT (µs), from the first record showing it. */
export function timeWaitStarts(
  records: readonly SessionRecord[],
  derived: ReadonlyMap<number, DerivedStates>,
): Map<string, { client?: number; server?: number }> {
  const out = new Map<string, { client?: number; server?: number }>();
  for (const r of records) {
    const s = statesOf(r, derived);
    if (!s || !r.conv) continue;
    for (const side of ['client', 'server'] as const) {
      if (s[side] !== 'TIME_WAIT') continue;
      const since = out.get(r.conv) ?? {};
      since[side] ??= r.time;
      out.set(r.conv, since);
    }
  }
  return out;
}
