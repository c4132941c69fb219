/** Capture files: streaming pcap/pcapng reader and pcap/pcapng writers. */
export { CaptureReader } from './capture-reader.ts';
export { CaptureFormatError } from './capture-format-error.ts';
export { readCapture } from './read-capture.ts';
export { PcapngWriter, writePcapng } from './pcapng-writer.ts';
export type { PcapngWriterOptions, WritableFrame } from './pcapng-writer.ts';
export { writePcap } from './pcap-writer.ts';
export type { CaptureFormat, RawFrame } from './raw-frame.ts';
export type { SectionInfo } from './pcapng-section.ts';
