/**
 * What a scenario expects to see, as data: checks on socket steps (always run) and on captured
 * packets (run only when capture was on). The verdict evaluates them against a run's timeline.
 */
import type { Side, StepKind } from '../types.ts';
import type { TcpFlag } from '../decode/decoded-packet.ts';
import type { AnalysisFlag } from '../analysis/packet-analysis.ts';

/** Fields every expectation may carry. */
export interface ExpectationScope {
  /** Only this conversation of the run (index in the order the run opened them); default all. */
  conv?: number;
  /** Reported, but does not change the verdict (things loopback shows only sometimes). */
  optional?: boolean;
  /** Wording for people; generated from the check when absent. */
  text?: string;
  /** The same wording in Simplified Chinese (given with `text`). */
  textZh?: string;
}

/** Checks on socket steps. */
export type StepCheck =
  | { check: 'steps'; side: Side; kinds: StepKind[] } // in this order in each conversation (others may come between)
  | { check: 'step-error'; side: Side; code: string } // an error step with this errno code
  | { check: 'no-step'; side: Side; kind: StepKind } // this step never happens
  | { check: 'step-count'; side: Side; kind: StepKind; min: number; max?: number } // per conversation
  | { check: 'bytes'; side: Side; kind: 'read' | 'write'; total: number } // bytes moved, per conversation
  | { check: 'conversations'; count: number }; // how many conversations the run opened

/** One packet in a `flow`: sent by `from`, with all of `has`, none of `lacks`, data when `data`. */
export interface PacketPattern {
  from: Side;
  has: TcpFlag[];
  lacks?: TcpFlag[];
  data?: boolean;
}

/** Checks on captured packets. */
export type PacketCheck =
  | { check: 'flow'; packets: PacketPattern[] } // in this order in each conversation (others may come between)
  | { check: 'first-fin'; from: Side } // who sends the first FIN
  | { check: 'rst-not-fin'; from: Side } // this side ends with RST and sends no FIN before it
  | { check: 'data-packets'; from: Side; min?: number; max?: number } // TCP/UDP packets with payload, per conversation
  | { check: 'fewer-data-packets'; from: Side; than: number } // conversation `conv` needs fewer than conversation `than`
  | { check: 'analysis'; from?: Side; flags: AnalysisFlag[]; min: number; max?: number } // packets with any of the flags (from either side when `from` is absent)
  | { check: 'icmp-unreachable' } // ICMP port unreachable (3/3) or ICMPv6 (1/4)
  | { check: 'ip-version'; version: 4 | 6 }; // every packet of the run

export type StepExpectation = ExpectationScope & StepCheck;
export type PacketExpectation = ExpectationScope & PacketCheck;
export type Expectation = StepExpectation | PacketExpectation;

const STEP_CHECKS = new Set<string>([
  'steps',
  'step-error',
  'no-step',
  'step-count',
  'bytes',
  'conversations',
]);

/** Step checks can always run; packet checks need a capture. */
export function isStepExpectation(e: Expectation): e is StepExpectation {
  return STEP_CHECKS.has(e.check);
}
