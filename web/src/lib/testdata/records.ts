/** Small record builders shared by the web tests. */
import type { PacketRecord, SessionRecord, SocketStep } from '../../../../core/protocol.ts';
import type { TcpFlag } from '../../../../core/decode/decoded-packet.ts';

export const CLIENT = { address: '127.0.0.1', port: 50000 };
export const SERVER = { address: '127.0.0.1', port: 23400 };
export const CONV = 'tcp 127.0.0.1:50000 > 127.0.0.1:23400';

export function step(recNo: number, over: Partial<SocketStep> = {}): SessionRecord {
  return {
    type: 'step',
    kind: 'write',
    time: 1_000_000 + recNo * 1000,
    side: 'client',
    transport: 'tcp',
    local: CLIENT,
    remote: SERVER,
    conv: CONV,
    bytes: 0,
    recNo,
    ...over,
  };
}

export function tcp(
  recNo: number,
  flags: TcpFlag[],
  over: Partial<PacketRecord> = {},
  fromClient = true,
): SessionRecord {
  const [a, b] = fromClient ? [CLIENT, SERVER] : [SERVER, CLIENT];
  return {
    type: 'packet',
    no: recNo,
    time: 1_000_000 + recNo * 1000,
    caplen: 66,
    origlen: 66,
    linkType: 1,
    proto: 'TCP',
    ipVersion: 4,
    src: a.address,
    sport: a.port,
    dst: b.address,
    dport: b.port,
    len: 0,
    tcp: { seq: 1000, ack: 0, flags, window: 65495, urgent: 0, headerLength: 40, options: {} },
    conv: CONV,
    recNo,
    ...over,
  };
}

export function recNos(records: readonly SessionRecord[]): number[] {
  return records.map((r) => r.recNo);
}
