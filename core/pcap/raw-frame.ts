/** One captured frame as read from a capture file, before any decoding. */

/** Capture file formats the reader understands. */
export type CaptureFormat =
  | 'pcap' // libpcap savefile, any byte order, µs or ns timestamps
  | 'pcapng'; // pcap next generation (sections, interfaces, blocks)

export interface RawFrame {
  /** LINKTYPE_* number of the interface the frame was captured on. */
  linkType: number;
  /** Capture time, integer microseconds since the Unix epoch (finer units are floored). */
  time: number;
  /** Bytes present in `data`. */
  caplen: number;
  /** Length of the frame on the wire. */
  origlen: number;
  /** A view that may share its ArrayBuffer with nearby frames: slice() it to keep one frame for long. */
  data: Uint8Array;
  /** Interface number within its pcapng section, like Wireshark's frame.interface_id (0 for pcap). */
  interfaceId: number;
  /** pcapng opt_comment of the packet block. */
  comment?: string;
}
