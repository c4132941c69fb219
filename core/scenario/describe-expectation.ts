/** One line per expectation, for the catalog, the verdict and the command line (English by default). */
import type { Expectation, PacketPattern } from './expectation.ts';
import { VERDICT_WORDS_EN, type VerdictWords } from './verdict-words.ts';

export function describeExpectation(e: Expectation, w: VerdictWords = VERDICT_WORDS_EN): string {
  const own = w.own(e);
  if (own) return own;
  const where = e.conv === undefined ? '' : w.inConv(e.conv + 1);
  return describeCheck(e, w) + where;
}

function describeCheck(e: Expectation, w: VerdictWords): string {
  switch (e.check) {
    case 'steps':
      return w.steps(e.side, e.kinds.join(' → '));
    case 'step-error':
      return w.stepError(e.side, e.code);
    case 'no-step':
      return w.noStep(e.side, e.kind);
    case 'step-count':
      return w.stepCount(e.side, e.kind, e);
    case 'bytes':
      return w.bytes(e.side, e.kind, e.total);
    case 'conversations':
      return w.conversations(e.count);
    case 'flow':
      return w.flow(e.packets.map((p) => describePattern(p, w)));
    case 'first-fin':
      return w.firstFin(e.from);
    case 'rst-not-fin':
      return w.rstNotFin(e.from);
    case 'data-packets':
      return w.dataPackets(e.from, { min: e.min ?? 0, max: e.max });
    case 'fewer-data-packets':
      return w.fewerDataPackets(e.from, e.than + 1);
    case 'analysis':
      return w.analysis(e.flags, e.from, e);
    case 'icmp-unreachable':
      return w.icmpUnreachable;
    case 'ip-version':
      return w.ipVersion(e.version);
  }
}

export function describePattern(p: PacketPattern, w: VerdictWords = VERDICT_WORDS_EN): string {
  return w.packet(p.from, p.has.join(','), !!p.data);
}
