/** What an analyzer is asked to do (its options) and what it offers (see analyzer.ts). */
import type { DecodedPacket } from '../decode/decoded-packet.ts';
import type { ConversationSummary } from './conversation-summary.ts';
import type { PacketResult } from './packet-result.ts';

export interface AnalyzerOptions {
  /** Ports known to be servers' (the echo endpoints): decide sides when no SYN was seen. */
  serverPorts?: number[];
  /** Flows tracked at once (default 10,000); past it the least recently used is dropped. */
  maxFlows?: number;
  /** Summaries kept by conversations(), live and finished (default 10,000; oldest dropped). */
  maxConversations?: number;
  /**
   * add() fills one result and one TCP analysis again for every packet instead of new ones, for a
   * caller done with each before it adds the next (`analyze` prints it at once): what it keeps
   * must be copied. What the analyzer itself keeps (a SYN's row, open to correction) it copies.
   * With `maxConversations` 0 as well, dropped flows are made into new ones (flow-reuse.ts).
   */
  reuse?: boolean;
  /**
   * false: flows carry '' instead of their conversation id, for a caller that shows none
   * (`analyze`): one string per flow less to make and keep (default true).
   */
  conversationIds?: boolean;
}

export interface Analyzer {
  /** Packets are numbered in the order given, from 1 (the numbers corrections refer to). */
  add(p: DecodedPacket): PacketResult;
  /** The lowest packet number a later packet may still correct (undefined when none). */
  oldestOpen(): number | undefined;
  /** Summaries of tracked and recently finished conversations, in order of first packet. */
  conversations(): ConversationSummary[];
}
