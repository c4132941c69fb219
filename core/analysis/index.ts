/** Public API of the TCP/UDP analysis. */
export type * from './packet-analysis.ts';
export type * from './conversation-summary.ts';
export {
  createAnalyzer,
  type Analyzer,
  type AnalyzerOptions,
  type PacketResult,
} from './analyzer.ts';
export {
  nextTcpStates,
  initialTcpStates,
  timeWaitLeft,
  TIME_WAIT_US,
  type TcpConnState,
  type StateSegment,
  type StateNote,
} from './tcp-state.ts';
export { analyzeTcpSequence, type AnalyzedSegment, type SeqAnalysis } from './tcp-seq-analysis.ts';
export { newTcpDirection, type TcpDirection } from './tcp-direction.ts';
export { CLOSED_LINGER_US } from './flow-table.ts';
