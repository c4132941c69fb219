/** Evaluates the packet expectations of a scenario against a run's captured packets. */
import type { PacketRecord } from '../records.ts';
import type { Side } from '../types.ts';
import type { PacketExpectation, PacketPattern } from './expectation.ts';
import type { CheckOutcome } from './check-steps.ts';
import { describePattern } from './describe-expectation.ts';
import { convsInScope, type RunTimeline } from './run-timeline.ts';

export function checkPackets(e: PacketExpectation, t: RunTimeline): CheckOutcome {
  switch (e.check) {
    case 'icmp-unreachable':
      return t.packets.some(isPortUnreachable)
        ? { met: true, detail: 'ICMP port unreachable seen, as expected' }
        : { met: false, detail: `saw no ICMP port unreachable (${t.packets.length} packet(s))` };
    case 'ip-version': {
      const other = t.packets.filter((p) => p.ipVersion !== e.version);
      if (t.packets.length === 0) return { met: false, detail: 'saw no packets' };
      return other.length === 0
        ? { met: true }
        : { met: false, detail: `${other.length} packet(s) were not IPv${e.version}` };
    }
    case 'fewer-data-packets': {
      const a = dataPackets(ofConv(t, t.convs[e.conv ?? 0]), e.from);
      const b = dataPackets(ofConv(t, t.convs[e.than]), e.from);
      return a < b
        ? { met: true, detail: `${a} vs ${b}` }
        : { met: false, detail: `saw ${a} vs ${b}` };
    }
    default:
      break;
  }
  const convs = convsInScope(t, e.conv);
  if (convs.length === 0) return { met: false, detail: 'the run opened no such conversation' };
  let note: string | undefined;
  for (const [i, conv] of convs.entries()) {
    const r = checkConv(e, ofConv(t, conv));
    if (!r.met) {
      const which = convs.length > 1 ? `conversation ${i + 1}: ` : '';
      return { met: false, detail: which + r.detail };
    }
    note ??= r.detail;
  }
  return { met: true, detail: note };
}

function checkConv(e: PacketExpectation, ps: PacketRecord[]): CheckOutcome {
  switch (e.check) {
    case 'flow':
      return matchFlow(e.packets, ps);
    case 'first-fin': {
      const fin = ps.find((p) => p.tcp?.flags.includes('FIN'));
      if (fin && fromOf(fin) === e.from)
        return { met: true, detail: `the ${e.from} sent the first FIN, as expected` };
      const saw = fin ? `saw the ${fromOf(fin) ?? 'unknown side'}'s` : 'saw no FIN';
      return { met: false, detail: `expected a FIN from the ${e.from} first, ${saw}` };
    }
    case 'rst-not-fin': {
      const mine = ps.filter((p) => fromOf(p) === e.from && p.tcp);
      const rst = mine.findIndex((p) => p.tcp!.flags.includes('RST'));
      const fin = mine.findIndex((p) => p.tcp!.flags.includes('FIN'));
      if (rst >= 0 && (fin < 0 || fin > rst))
        return { met: true, detail: 'RST seen instead of FIN, as expected' };
      if (rst < 0)
        return {
          met: false,
          detail: `expected a RST from the ${e.from}, saw ${fin >= 0 ? 'a FIN' : 'neither RST nor FIN'}`,
        };
      return {
        met: false,
        detail: `expected a RST instead of a FIN, saw the ${e.from}'s FIN first`,
      };
    }
    case 'data-packets': {
      const n = dataPackets(ps, e.from);
      const ok = n >= (e.min ?? 0) && (e.max === undefined || n <= e.max);
      return ok ? { met: true, detail: `${n} data packet(s)` } : { met: false, detail: `saw ${n}` };
    }
    case 'analysis': {
      const n = ps.filter(
        (p) =>
          (e.from === undefined || fromOf(p) === e.from) &&
          p.analysis?.analysis?.some((f) => e.flags.includes(f)),
      ).length;
      const ok = n >= e.min && (e.max === undefined || n <= e.max);
      return ok ? { met: true, detail: `${n} seen` } : { met: false, detail: `saw ${n}` };
    }
    default:
      return { met: true };
  }
}

/** Patterns in order; one packet may satisfy consecutive patterns (data and FIN in one segment). */
function matchFlow(want: PacketPattern[], ps: PacketRecord[]): CheckOutcome {
  let i = 0;
  for (const p of ps) {
    while (i < want.length && matches(want[i]!, p)) i++;
    if (i === want.length) return { met: true };
  }
  const seen = ps.slice(0, 12).map(shortPacket).join(', ');
  return {
    met: false,
    detail: `expected ${describePattern(want[i]!)} next, saw ${seen || 'no packets'}${ps.length > 12 ? ', …' : ''}`,
  };
}

function matches(want: PacketPattern, p: PacketRecord): boolean {
  const flags = p.tcp?.flags ?? [];
  if (fromOf(p) !== want.from) return false;
  if (want.data && p.len === 0) return false;
  return (
    want.has.every((f) => flags.includes(f)) && !(want.lacks ?? []).some((f) => flags.includes(f))
  );
}

export function shortPacket(p: PacketRecord): string {
  const what = p.tcp ? p.tcp.flags.join(',') : p.proto;
  return `${fromOf(p) ?? '?'} ${what}${p.len > 0 && p.tcp ? '+data' : ''}`;
}

function fromOf(p: PacketRecord): Side | undefined {
  return p.analysis?.from;
}

function ofConv(t: RunTimeline, conv: string | undefined): PacketRecord[] {
  return conv === undefined ? [] : t.packets.filter((p) => p.conv === conv);
}

function dataPackets(ps: PacketRecord[], from: Side): number {
  return ps.filter(
    (p) => fromOf(p) === from && p.len > 0 && (p.proto === 'TCP' || p.proto === 'UDP'),
  ).length;
}

/** ICMP destination unreachable / port unreachable, or its ICMPv6 twin. @see RFC 792, RFC 4443 §3.1 */
export function isPortUnreachable(p: PacketRecord): boolean {
  if (!p.icmp) return false;
  if (p.proto === 'ICMPv6') return p.icmp.type === 1 && p.icmp.code === 4;
  return p.icmp.type === 3 && p.icmp.code === 3;
}
