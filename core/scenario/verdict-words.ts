/**
 * The words of expectations, check results and verdicts, one set per language: the checks pass
 * numbers and names, the words put them in a sentence. English here, Chinese beside it.
 */
import type { Side } from '../types.ts';

/** How many of something an expectation allows. */
export interface Range {
  min: number;
  max?: number | undefined;
}

export interface VerdictWords {
  side(s: Side | undefined): string;
  range(r: Range): string;
  /** An expectation's own wording (`text` / `textZh`), when it has one. */
  own(e: { text?: string; textZh?: string }): string | undefined;
  inConv(n: number): string;
  // What is expected.
  steps(side: Side, kinds: string): string;
  stepError(side: Side, code: string): string;
  noStep(side: Side, kind: string): string;
  stepCount(side: Side, kind: string, r: Range): string;
  bytes(side: Side, kind: 'read' | 'write', total: number): string;
  conversations(n: number): string;
  flow(patterns: string[]): string;
  firstFin(from: Side): string;
  rstNotFin(from: Side): string;
  dataPackets(from: Side, r: Range): string;
  fewerDataPackets(from: Side, than: number): string;
  analysis(flags: string[], from: Side | undefined, r: Range): string;
  icmpUnreachable: string;
  ipVersion(v: number): string;
  /** A packet: who sent it, its flags or protocol, and whether it carries data. */
  packet(from: Side | undefined, what: string, data: boolean): string;
  // What was seen.
  convPrefix(n: number): string;
  noSuchConv: string;
  sawConvs(n: number): string;
  sawSteps(side: Side, kinds: string[]): string;
  sawCodes(codes: string[]): string;
  sawNoError(side: Side): string;
  sawStepTimes(kind: string, n: number): string;
  saw(n: number): string;
  sawBytes(n: number): string;
  icmpSeen: string;
  sawNoIcmp(packets: number): string;
  sawNoPackets: string;
  notIpVersion(n: number, v: number): string;
  versus(a: number, b: number, met: boolean): string;
  firstFinMet(from: Side): string;
  firstFinOther(from: Side, saw: Side | undefined | null): string;
  rstMet: string;
  rstMissing(from: Side, sawFin: boolean): string;
  finBeforeRst(from: Side): string;
  dataPacketCount(n: number): string;
  seen(n: number): string;
  flowNext(pattern: string, seen: string[], more: boolean): string;
  // The capture.
  gapsLost(packets: number): string;
  gapsTail: string;
  // The summary line.
  /** The detail already says "expected … saw …". */
  saysExpected(detail: string): boolean;
  gapAndDetail(gaps: string, detail: string): string;
  expectedButSaw(text: string, detail: string | undefined): string;
  notChecked(n: number, gaps: string | undefined): string;
  differs(what: string, more: number, notRun: string): string;
  asExpected(optionalDiffs: number, ran: number, all: number, notRun: string): string;
}

export const VERDICT_WORDS_EN: VerdictWords = {
  side: (s) => s ?? 'unknown side',
  range: ({ min, max }) => {
    if (max === undefined) return `at least ${min}`;
    if (max === min) return `exactly ${min}`;
    return min === 0 ? `at most ${max}` : `${min} to ${max}`;
  },
  own: (e) => e.text,
  inConv: (n) => ` (conversation ${n})`,
  steps: (side, kinds) => `${side}: ${kinds}`,
  stepError: (side, code) => `${side} gets ${code}`,
  noStep: (side, kind) => `${side} never does ${kind}`,
  stepCount: (side, kind, r) => `${side} does ${kind} ${VERDICT_WORDS_EN.range(r)} time(s)`,
  bytes: (side, kind, total) => `${side} ${kind === 'read' ? 'reads' : 'writes'} ${total} bytes`,
  conversations: (n) => `${n} conversation(s)`,
  flow: (patterns) => `packets: ${patterns.join(', ')}`,
  firstFin: (from) => `the ${from} sends the first FIN`,
  rstNotFin: (from) => `the ${from} sends RST instead of FIN`,
  dataPackets: (from, r) => `${VERDICT_WORDS_EN.range(r)} data packet(s) from the ${from}`,
  fewerDataPackets: (from, than) =>
    `fewer data packets from the ${from} than in conversation ${than}`,
  analysis: (flags, from, r) =>
    `${flags.join(' or ')}${from ? ` from the ${from}` : ''} (${VERDICT_WORDS_EN.range(r)})`,
  icmpUnreachable: 'an ICMP port unreachable comes back',
  ipVersion: (v) => `every packet is IPv${v}`,
  packet: (from, what, data) => `${from ?? '?'} ${what}${data ? (what ? '+data' : 'data') : ''}`,
  convPrefix: (n) => `conversation ${n}: `,
  noSuchConv: 'the run opened no such conversation',
  sawConvs: (n) => `saw ${n} conversation(s)`,
  sawSteps: (side, kinds) => `saw ${side}: ${kinds.join(' → ') || 'no steps'}`,
  sawCodes: (codes) => `saw ${codes.join(', ')} instead`,
  sawNoError: (side) => `saw no error on the ${side}`,
  sawStepTimes: (kind, n) => `saw ${kind} ${n} time(s)`,
  saw: (n) => `saw ${n}`,
  sawBytes: (n) => `saw ${n} bytes`,
  icmpSeen: 'ICMP port unreachable seen, as expected',
  sawNoIcmp: (n) => `saw no ICMP port unreachable (${n} packet(s))`,
  sawNoPackets: 'saw no packets',
  notIpVersion: (n, v) => `${n} packet(s) were not IPv${v}`,
  versus: (a, b, met) => `${met ? '' : 'saw '}${a} vs ${b}`,
  firstFinMet: (from) => `the ${from} sent the first FIN, as expected`,
  firstFinOther: (from, saw) =>
    `expected a FIN from the ${from} first, ${saw === null ? 'saw no FIN' : `saw the ${saw ?? 'unknown side'}'s`}`,
  rstMet: 'RST seen instead of FIN, as expected',
  rstMissing: (from, sawFin) =>
    `expected a RST from the ${from}, saw ${sawFin ? 'a FIN' : 'neither RST nor FIN'}`,
  finBeforeRst: (from) => `expected a RST instead of a FIN, saw the ${from}'s FIN first`,
  dataPacketCount: (n) => `${n} data packet(s)`,
  seen: (n) => `${n} seen`,
  flowNext: (pattern, seen, more) =>
    `expected ${pattern} next, saw ${seen.join(', ') || 'no packets'}${more ? ', …' : ''}`,
  gapsLost: (n) => `the capture missed segments before ${n} packet(s) (dropped by the kernel?)`,
  gapsTail: 'the capture missed the last packets (dropped by the kernel?)',
  saysExpected: (detail) => detail.startsWith('expected'),
  gapAndDetail: (gaps, detail) => `${gaps}; ${detail}`,
  expectedButSaw: (text, detail) => `expected ${text}; ${detail ?? 'not seen'}`,
  notChecked: (n, gaps) =>
    n ? ` ${n} packet expectation(s) not checked: ${gaps ?? 'capture was off'}.` : '',
  differs: (what, more, notRun) => `Differs: ${what}${more ? ` (and ${more} more)` : ''}.${notRun}`,
  asExpected: (optional, ran, all, notRun) => {
    const aside = optional
      ? `, with ${optional} optional difference${optional > 1 ? 's' : ''}`
      : '';
    return `As expected${aside} (${ran} of ${all} checks ran).${notRun}`;
  },
};
