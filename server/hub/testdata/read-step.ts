/** A server read step of the live session, for tests that fill a session with many records. */
import type { SocketStep } from '../../../core/protocol.ts';

export function readStep(time: number, preview?: string): SocketStep {
  return {
    type: 'step',
    kind: 'read',
    time,
    side: 'server',
    transport: 'tcp',
    local: { address: '127.0.0.1', port: 1 },
    remote: { address: '127.0.0.1', port: 2 },
    conv: 'tcp 127.0.0.1:2 > 127.0.0.1:1',
    bytes: preview?.length ?? 0,
    ...(preview === undefined ? {} : { preview: { text: preview, hex: '' } }),
  };
}
