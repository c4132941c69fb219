/** Evaluates the packet expectations of a scenario against a run's captured packets. */
import type { PacketRecord } from '../records.ts';
import type { Side } from '../types.ts';
import type { PacketExpectation, PacketPattern } from './expectation.ts';
import type { CheckOutcome } from './check-steps.ts';
import { describePattern } from './describe-expectation.ts';
import { convsInScope, type RunTimeline } from './run-timeline.ts';
import { VERDICT_WORDS_EN, type VerdictWords } from './verdict-words.ts';

export function checkPackets(
  e: PacketExpectation,
  t: RunTimeline,
  w: VerdictWords = VERDICT_WORDS_EN,
): CheckOutcome {
  switch (e.check) {
    case 'icmp-unreachable':
      return t.packets.some(isPortUnreachable)
        ? { met: true, detail: w.icmpSeen }
        : { met: false, detail: w.sawNoIcmp(t.packets.length) };
    case 'ip-version': {
      const other = t.packets.filter((p) => p.ipVersion !== e.version);
      if (t.packets.length === 0) return { met: false, detail: w.sawNoPackets };
      return other.length === 0
        ? { met: true }
        : { met: false, detail: w.notIpVersion(other.length, e.version) };
    }
    case 'fewer-data-packets': {
      const a = dataPackets(ofConv(t, t.convs[e.conv ?? 0]), e.from);
      const b = dataPackets(ofConv(t, t.convs[e.than]), e.from);
      return a < b
        ? { met: true, detail: w.versus(a, b, true) }
        : { met: false, detail: w.versus(a, b, false) };
    }
    default:
      break;
  }
  const convs = convsInScope(t, e.conv);
  if (convs.length === 0) return { met: false, detail: w.noSuchConv };
  let note: string | undefined;
  for (const [i, conv] of convs.entries()) {
    const r = checkConv(e, ofConv(t, conv), w);
    if (!r.met) {
      const which = convs.length > 1 ? w.convPrefix(i + 1) : '';
      return { met: false, detail: which + r.detail };
    }
    note ??= r.detail;
  }
  return { met: true, detail: note };
}

function checkConv(e: PacketExpectation, ps: PacketRecord[], w: VerdictWords): CheckOutcome {
  switch (e.check) {
    case 'flow':
      return matchFlow(e.packets, ps, w);
    case 'first-fin': {
      const fin = ps.find((p) => p.tcp?.flags.includes('FIN'));
      if (fin && fromOf(fin) === e.from) return { met: true, detail: w.firstFinMet(e.from) };
      return { met: false, detail: w.firstFinOther(e.from, fin ? fromOf(fin) : null) };
    }
    case 'rst-not-fin': {
      const mine = ps.filter((p) => fromOf(p) === e.from && p.tcp);
      const rst = mine.findIndex((p) => p.tcp!.flags.includes('RST'));
      const fin = mine.findIndex((p) => p.tcp!.flags.includes('FIN'));
      if (rst >= 0 && (fin < 0 || fin > rst)) return { met: true, detail: w.rstMet };
      if (rst < 0) return { met: false, detail: w.rstMissing(e.from, fin >= 0) };
      return { met: false, detail: w.finBeforeRst(e.from) };
    }
    case 'data-packets': {
      const n = dataPackets(ps, e.from);
      const ok = n >= (e.min ?? 0) && (e.max === undefined || n <= e.max);
      return ok ? { met: true, detail: w.dataPacketCount(n) } : { met: false, detail: w.saw(n) };
    }
    case 'analysis': {
      const n = ps.filter(
        (p) =>
          (e.from === undefined || fromOf(p) === e.from) &&
          p.analysis?.analysis?.some((f) => e.flags.includes(f)),
      ).length;
      const ok = n >= e.min && (e.max === undefined || n <= e.max);
      return ok ? { met: true, detail: w.seen(n) } : { met: false, detail: w.saw(n) };
    }
    default:
      return { met: true };
  }
}

/** Patterns in order; one packet may satisfy consecutive patterns (data and FIN in one segment). */
function matchFlow(want: PacketPattern[], ps: PacketRecord[], w: VerdictWords): CheckOutcome {
  let i = 0;
  for (const p of ps) {
    while (i < want.length && matches(want[i]!, p)) i++;
    if (i === want.length) return { met: true };
  }
  const seen = ps.slice(0, 12).map((p) => shortPacket(p, w));
  return { met: false, detail: w.flowNext(describePattern(want[i]!, w), seen, ps.length > 12) };
}

function matches(want: PacketPattern, p: PacketRecord): boolean {
  const flags = p.tcp?.flags ?? [];
  if (fromOf(p) !== want.from) return false;
  if (want.data && p.len === 0) return false;
  return (
    want.has.every((f) => flags.includes(f)) && !(want.lacks ?? []).some((f) => flags.includes(f))
  );
}

export function shortPacket(p: PacketRecord, w: VerdictWords = VERDICT_WORDS_EN): string {
  const what = p.tcp ? p.tcp.flags.join(',') : p.proto;
  return w.packet(fromOf(p), what, p.len > 0 && !!p.tcp);
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
