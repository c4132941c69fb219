/** Bigger captures for share tests: the real loopback echo capture, repeated. */
import { LOOPBACK_TCP_ECHO } from '../../../core/ingest/testdata/loopback-captures.ts';
import { readCapture, writePcap } from '../../../core/pcap/index.ts';

/** The real echo capture (10 packets) repeated `n` times, each copy a new client port, 1 s later. */
export function echoCopies(n: number): Uint8Array {
  const { frames } = readCapture(LOOPBACK_TCP_ECHO);
  const client = 40370;
  const out = [];
  for (let i = 0; i < n; i++) {
    for (const f of frames) {
      const data = f.data.slice();
      const view = new DataView(data.buffer);
      // Ethernet (14) + IPv4 (20): TCP source port at 34, destination port at 36.
      for (const at of [34, 36]) {
        if (view.getUint16(at) === client) view.setUint16(at, 1024 + (i % 60000));
      }
      out.push({ time: f.time + i * 1_000_000, data, origlen: f.origlen });
    }
  }
  return writePcap(out, 1);
}
