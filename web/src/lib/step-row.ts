/** The cells of one steps-table row, for a socket step or a packet. */
import type { Endpoint, SessionRecord, SocketStep } from '../../../core/protocol.ts';
import { formatEndpoint } from '../../../core/conversation-id.ts';
import { packetFrom } from './packet-from.ts';
import { hasAck, packetInfo, packetStep, tcpNumbers } from './packet-label.ts';
import { stepText } from './step-label.ts';
import { t } from './messages.ts';

export interface StepRow {
  recNo: number;
  side: string;
  step: string;
  bytes: number;
  info: string;
  isPacket: boolean;
  tcpSeq?: number;
  tcpAck?: number;
  len?: number;
  win?: number;
  clientState?: string;
  serverState?: string;
  phase?: string;
  analysis?: string;
}

function endpoints(s: SocketStep): string {
  return s.remote
    ? `${formatEndpoint(s.local)} ↔ ${formatEndpoint(s.remote)}`
    : formatEndpoint(s.local);
}

export function stepRow(r: SessionRecord, client: Endpoint | null): StepRow {
  if (r.type === 'step') {
    const text = stepText(r);
    return {
      recNo: r.recNo,
      side: t(`role.${r.side}`),
      step: r.kind,
      bytes: r.bytes,
      info: r.kind === 'error' ? `${r.code ?? ''} ${text}`.trim() : text || endpoints(r),
      isPacket: false,
    };
  }
  const n = tcpNumbers(r);
  const a = r.analysis;
  return {
    recNo: r.recNo,
    side: packetFrom(r, client) === 'client' ? '→' : '←',
    step: packetStep(r),
    bytes: r.len,
    info: packetInfo(r),
    isPacket: true,
    ...(n ? { tcpSeq: n.seq, win: n.win, ...(hasAck(r) ? { tcpAck: n.ack } : {}) } : {}),
    len: r.len,
    ...(a?.states ? { clientState: a.states.client, serverState: a.states.server } : {}),
    ...(a?.phase ? { phase: a.phase } : {}),
    ...(a?.analysis?.length ? { analysis: a.analysis.join(', ') } : {}),
  };
}
