/**
 * A real session for the export tests: the classic echo exchange captured on lo (packets and raw
 * frames through the ingest chain) plus the socket steps both sides made, on the same time axis,
 * numbered in time order like a live session.
 */
import { createCaptureIngest } from '../../ingest/capture-ingest.ts';
import { LOOPBACK_TCP_ECHO } from '../../ingest/testdata/loopback-captures.ts';
import type { WritableFrame } from '../../pcap/pcapng-writer.ts';
import type { PacketRecord, SessionRecord, Side, SocketStep, StepKind } from '../../protocol.ts';

export interface EchoSession {
  records: SessionRecord[];
  frames: { recNo: number; frame: WritableFrame }[];
  conv: string;
  startTime: number;
}

export function echoSession(clientMessage = 'hello'): EchoSession {
  const ingest = createCaptureIngest();
  const packets = [...ingest.push(LOOPBACK_TCP_ECHO), ...ingest.end()];
  const p = packets.map((x) => x.record);
  const conv = p[0]!.conv!;
  const client = { address: p[0]!.src!, port: p[0]!.sport! };
  const server = { address: p[0]!.dst!, port: p[0]!.dport! };
  const step = (kind: StepKind, side: Side, time: number, bytes = 0, text?: string) =>
    ({
      type: 'step',
      kind,
      side,
      time,
      transport: 'tcp',
      local: side === 'client' ? client : server,
      remote: side === 'client' ? server : client,
      conv,
      bytes,
      ...(text === undefined
        ? {}
        : { preview: { text, hex: Buffer.from(text).toString('hex') } }),
    }) satisfies SocketStep;
  const reply = 'Hello A, I am B. you msg is : hello\n';
  const steps: SocketStep[] = [
    step('connect', 'client', p[0]!.time - 5),
    step('accept', 'server', p[2]!.time + 2),
    step('write', 'client', p[3]!.time - 3, 5, clientMessage),
    step('read', 'server', p[3]!.time + 4, 5, clientMessage),
    step('write', 'server', p[5]!.time - 3, 36, reply),
    step('read', 'client', p[5]!.time + 4, 36, reply),
    step('end', 'server', p[7]!.time - 2),
    step('close', 'server', p[7]!.time + 1),
    step('peer-end', 'client', p[7]!.time + 3),
    step('end', 'client', p[8]!.time - 2),
  ];
  const all: (SocketStep | PacketRecord)[] = [...steps, ...p].sort((a, b) => a.time - b.time);
  const records = all.map((r, i) => ({ ...r, recNo: i + 1 }) as SessionRecord);
  const recNoOfPacket = new Map(records.filter((r) => r.type === 'packet').map((r) => [r.no, r.recNo]));
  const frames = packets.map(({ record, frame }) => ({
    recNo: recNoOfPacket.get(record.no)!,
    frame,
  }));
  return { records, frames, conv, startTime: records[0]!.time };
}
