/**
 * Packet Ladder's reading of a capture file, as PacketViews: the same ingest chain and JSON
 * objects `packet-ladder analyze` prints, reduced to the fields tshark is compared on.
 */
import { readFileSync } from 'node:fs';
import { createCaptureIngest } from '../../core/ingest/capture-ingest.ts';
import { packetJson, type PacketJson } from '../../core/report/packet-json.ts';
import { tcpFlagBits } from './tcp-flag-bits.ts';
import { compact, type PacketView } from './packet-view.ts';

function view(p: PacketJson): PacketView {
  const v: PacketView = { no: p.no, src: p.src, dst: p.dst };
  if (p.proto === 'TCP') {
    Object.assign(v, {
      sport: p.sport,
      dport: p.dport,
      stream: p.stream,
      seq: p.seq,
      ack: p.ack,
      len: p.len,
      win: p.win,
      flags: tcpFlagBits(p.flags ?? []),
      nextSeq: p.nextSeq,
      analysis: [...(p.analysis ?? [])].sort(),
    });
  } else if (p.proto === 'UDP') {
    Object.assign(v, { sport: p.sport, dport: p.dport, stream: p.stream, len: p.len });
  }
  if (p.type !== undefined) Object.assign(v, { type: p.type, code: p.code });
  return compact(v);
}

/** The whole file through createCaptureIngest, then packetJson, like `analyze` does. */
export function ourView(file: string): { views: PacketView[]; json: PacketJson[] } {
  const ingest = createCaptureIngest();
  const bytes = readFileSync(file);
  const ingested = [...ingest.push(bytes), ...ingest.end()];
  const records = ingested.map((x) => x.record);
  // States true in hindsight, as analyze prints them.
  for (const { corrections } of ingested)
    for (const c of corrections ?? []) records[c.packet - 1]!.analysis = c.analysis;
  const first = records[0]?.time ?? 0;
  const json = records.map((r) => packetJson(r, first, undefined, 'en'));
  return { views: ourViews(json), json };
}

/** The compared fields of packets as `analyze` prints them. */
export function ourViews(json: PacketJson[]): PacketView[] {
  return json.map(view);
}
