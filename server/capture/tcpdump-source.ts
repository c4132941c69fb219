/** A live capture with tcpdump, streaming pcap on stdout one packet at a time. */
import type { CaptureSource } from './capture-source.ts';
import { findCaptureBinary } from './find-capture-tool.ts';
import { ProcessCaptureSource } from './process-capture-source.ts';

export interface ToolSourceOptions {
  iface: string;
  /** BPF filter, e.g. from captureFilter(); empty captures everything. */
  filter: string;
  /** Program to run instead of the one found on this machine. */
  binary?: string;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
}

/**
 * `-U --immediate-mode`: hand over each packet at once (without them packets come in ~1 s batches);
 * `-n`: no name lookups; `-s 262144`: whole loopback segments; `-B 16384`: a 16 MiB kernel buffer
 * (the default drops a quarter of a 1 MiB loopback transfer); `-w -`: pcap to stdout;
 * `-Z root`: as root, do not switch to user tcpdump (ignored when not started as root);
 * `--` so the filter can never be read as an option.
 */
export function tcpdumpArgs(iface: string, filter: string): string[] {
  const args = [
    '-i',
    iface,
    '-U',
    '--immediate-mode',
    '-n',
    '-s',
    '262144',
    '-B',
    '16384',
    '-w',
    '-',
    '-Z',
    'root',
  ];
  return filter === '' ? args : [...args, '--', filter];
}

export function createTcpdumpSource(opts: ToolSourceOptions): CaptureSource {
  const { iface, filter, binary, ...timeouts } = opts;
  return new ProcessCaptureSource({
    tool: 'tcpdump',
    binary: binary ?? findCaptureBinary('tcpdump') ?? 'tcpdump',
    args: tcpdumpArgs(iface, filter),
    iface,
    filter,
    statsIntervalMs: 2000,
    ...timeouts,
  }) satisfies CaptureSource;
}
