/**
 * A session or one conversation as pcapng, block by block: each packet's EPB carries, as
 * opt_comment options, the socket steps written on it (see stepComments), so Wireshark shows
 * `Packet Ladder step 4: client write 13 B "hello"` in the packet's comments.
 */
import { PcapngWriter } from '../pcap/pcapng-writer.ts';
import type { WritableFrame } from '../pcap/pcapng-writer.ts';

export interface ExportFrame {
  /** The packet's record number in the session. */
  recNo: number;
  frame: WritableFrame;
}

export function* annotatedPcapng(
  frames: Iterable<ExportFrame>,
  comments: ReadonlyMap<number, readonly string[]>,
  sectionComment: string,
): Generator<Uint8Array, void, undefined> {
  const writer = new PcapngWriter({ comment: sectionComment });
  yield writer.header();
  for (const { recNo, frame } of frames) {
    const texts = comments.get(recNo);
    yield writer.packet(texts ? { ...frame, comments: texts } : frame);
  }
}
