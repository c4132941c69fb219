/**
 * States true in hindsight. A SYN's row says the server moved to SYN_RECEIVED, which only the
 * answer can confirm: an RST shows nothing listened (the server never left CLOSED), the same SYN
 * sent again shows the first one was never answered (the server was still in LISTEN), and a SYN
 * from the other side shows a simultaneous open (that side was itself in SYN_SENT). Those rows
 * are corrected. @see RFC 9293 §3.5 (Figures 7, 8, 9) and §3.10.7.1
 */
import type { TcpFlag } from '../decode/decoded-packet.ts';
import type { Side } from '../types.ts';
import type { PacketAnalysis, PacketCorrection, TcpState } from './packet-analysis.ts';

/** A client SYN's row, open to correction until the server answers. */
export interface OpenRow {
  packet: number;
  analysis: PacketAnalysis;
}

/** SYN rows of one connection kept open at most (Linux sends a SYN 7 times before it gives up). */
export const MAX_OPEN_ROWS = 8;

/**
 * Corrections of earlier SYN rows that this segment proves wrong; updates `rows` (the client
 * SYNs not yet answered) and returns the rows still open.
 */
export function reviseEarlierRows(
  rows: OpenRow[] | undefined,
  flags: readonly TcpFlag[],
  from: Side,
  packet: number,
  analysis: PacketAnalysis,
): { rows: OpenRow[] | undefined; corrections?: PacketCorrection[] } {
  const syn = flags.includes('SYN');
  const ack = flags.includes('ACK');
  const rst = flags.includes('RST');
  const clientSyn = syn && !ack && from === 'client';
  if (!rows && !clientSyn) return { rows };
  let corrections: PacketCorrection[] | undefined;
  if (rows) {
    if (rst && from === 'server') {
      // Refused: the RST answers a SYN that no socket took (RFC 9293 §3.10.7.1, CLOSED).
      return { rows: undefined, corrections: correct(rows, 'SYN_SENT', 'CLOSED') };
    }
    if (syn && !ack && from === 'server') {
      // Crossing SYNs: the other side was opening too, not listening (RFC 9293 Figure 8).
      return { rows: undefined, corrections: correct(rows, 'SYN_SENT', 'SYN_SENT') };
    }
    if (clientSyn) {
      // Sent again: no SYN,ACK came back, so the server never took the earlier ones.
      const unanswered = rows.filter((r) => !r.analysis.corrected);
      if (unanswered.length) corrections = correct(unanswered, 'SYN_SENT', 'LISTEN');
    } else if (ack || rst) {
      // Answered (SYN,ACK or anything acknowledging): the rows stand.
      return { rows: undefined };
    }
  }
  if (clientSyn) {
    rows = rows ?? [];
    if (rows.length >= MAX_OPEN_ROWS) rows.shift();
    rows.push({ packet, analysis });
  }
  return corrections ? { rows, corrections } : { rows };
}

function correct(rows: OpenRow[], client: TcpState, server: TcpState): PacketCorrection[] {
  return rows.map((r) => {
    r.analysis = { ...r.analysis, states: { client, server }, corrected: true };
    return { packet: r.packet, analysis: r.analysis };
  });
}
