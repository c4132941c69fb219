/** Records and a round trip for the tests of packed batches. */
import type { PackedBatch } from '../packed-batch.ts';
import type { SessionRecord, SocketStep } from '../records.ts';
import { unpackBatch } from '../unpack-batch.ts';

/** A UDP step of the echo endpoint, as the fan-out sends thousands of them. */

export const udpStep = (recNo: number, time: number, text = 'fan-out'): SessionRecord =>
  ({
    type: 'step',
    kind: recNo % 2 ? 'udp-recv' : 'udp-send',
    time,
    side: 'server',
    transport: 'udp',
    local: { address: '127.0.0.1', port: 23333 },
    remote: { address: '127.0.0.1', port: 40000 + (recNo % 3) },
    conv: 'udp 127.0.0.1:40000 > 127.0.0.1:23333',
    bytes: text.length,
    preview: { text, hex: Buffer.from(text).toString('hex') },
    recNo,
  }) satisfies SocketStep & { recNo: number };

/** Through the wire as socket.io sends it (JSON), and back. */
export const roundTrip = (p: PackedBatch) =>
  unpackBatch(JSON.parse(JSON.stringify(p)) as PackedBatch);
