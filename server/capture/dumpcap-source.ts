/** A live capture with Wireshark's dumpcap, streaming pcap on stdout in ~100 ms batches. */
import type { CaptureSource } from './capture-source.ts';
import { findCaptureBinary } from './find-capture-tool.ts';
import { ProcessCaptureSource } from './process-capture-source.ts';
import type { ToolSourceOptions } from './tcpdump-source.ts';

/** `-P`: pcap, not pcapng; `-w -`: to stdout; `-q`: no running packet count on stderr. */
export function dumpcapArgs(iface: string, filter: string): string[] {
  // -B 16: a 16 MiB kernel buffer, so bursts on loopback are not dropped.
  const args = ['-i', iface, '-B', '16', '-P', '-w', '-', '-q'];
  return filter === '' ? args : [...args, '-f', filter];
}

export function createDumpcapSource(opts: ToolSourceOptions): CaptureSource {
  const { iface, filter, binary, ...timeouts } = opts;
  return new ProcessCaptureSource({
    tool: 'dumpcap',
    binary: binary ?? findCaptureBinary('dumpcap') ?? 'dumpcap',
    args: dumpcapArgs(iface, filter),
    iface,
    filter,
    ...timeouts,
  }) satisfies CaptureSource;
}
