/**
 * One reference run: set up an exchange, capture it on lo into a temporary pcap, then read the
 * file both with Packet Ladder (what `analyze` prints) and with tshark.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PacketJson } from '../../core/report/packet-json.ts';
import { captureToFile } from './loopback-capture.ts';
import { ourView } from './our-view.ts';
import type { PacketView } from './packet-view.ts';
import type { Exchange } from './tcp-exchanges.ts';
import { tsharkView } from './tshark-view.ts';

export interface ReferenceRun {
  ours: PacketView[];
  tshark: PacketView[];
  /** Our full analyze output, for checks beyond the compared fields. */
  json: PacketJson[];
}

export async function referenceRun(setup: () => Promise<Exchange>): Promise<ReferenceRun> {
  const dir = mkdtempSync(join(tmpdir(), 'pl-reference-'));
  try {
    const file = join(dir, 'capture.pcap');
    const exchange = await setup();
    try {
      await captureToFile(file, exchange.filter, exchange.run);
    } finally {
      await exchange.close();
    }
    const { views, json } = ourView(file);
    return { ours: views, tshark: tsharkView(file), json };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Frames as `no: field=value…` lines, so a failing comparison reads like a packet list. */
export function describeFrames(views: PacketView[]): string[] {
  return views.map((v) => {
    const { no, ...rest } = v;
    return `${no}: ${JSON.stringify(rest)}`;
  });
}

/** Analysis flag names that appear anywhere in the run. */
export function flagsSeen(views: PacketView[]): Set<string> {
  return new Set(views.flatMap((v) => v.analysis ?? []));
}
