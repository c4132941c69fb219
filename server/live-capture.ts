/**
 * Live capture into a session: capture source → pcap reader → decoders → TCP/UDP analysis →
 * packet records, appended in arrival order beside the socket steps on the same µs axis.
 */
import { createCaptureIngest } from '../core/ingest/capture-ingest.ts';
import { CaptureFormatError } from '../core/pcap/index.ts';
import type { CaptureStatus } from '../core/protocol.ts';
import {
  captureFilter,
  createCaptureSource,
  interfaceFor,
  type CapturePorts,
  type CaptureSource,
} from './capture/index.ts';
import { packetAppender } from './hub/packet-appender.ts';
import type { Session } from './hub/session.ts';

export interface LiveCaptureOptions {
  tool: 'auto' | 'tcpdump' | 'dumpcap';
  /** Interface to capture on; default: the one that carries `host`. */
  iface?: string;
  host: string;
  ports: CapturePorts;
  /** The session packets go to now (the live one may be renewed while capture runs). */
  session: () => Session;
  onStatus: (s: CaptureStatus) => void;
  /** Program to run instead of the installed tool (tests of the failure path). */
  binary?: string;
}

export interface LiveCapture {
  status(): CaptureStatus;
  stop(): Promise<void>;
}

/** Starts capturing; resolves once the capture is live, or with a failed status (never rejects). */
export async function startLiveCapture(opts: LiveCaptureOptions): Promise<LiveCapture> {
  const iface = opts.iface ?? interfaceFor(opts.host) ?? 'any';
  const filter = captureFilter(opts.ports);
  const source: CaptureSource = createCaptureSource({
    tool: opts.tool,
    iface,
    filter,
    binary: opts.binary,
  });
  const ingest = createCaptureIngest({
    serverPorts: [...(opts.ports.tcp ?? []), ...(opts.ports.udp ?? [])],
  });
  let status: CaptureStatus = { state: 'starting', tool: source.tool, iface, filter };
  const publish = (s: CaptureStatus) => {
    status = { ...s, packets: ingest.count };
    opts.onStatus(status);
  };
  publish(status);

  let broken = false;
  const append = packetAppender(opts.session);
  source.on('data', (chunk) => {
    if (broken) return;
    try {
      append(ingest.push(chunk));
    } catch (err) {
      // A broken pcap stream from the tool: stop reading it and say so, keep the rest running.
      broken = true;
      const why = err instanceof CaptureFormatError ? err.message : String(err);
      publish({
        ...status,
        state: 'failed',
        message: `The capture stream could not be read: ${why}.`,
      });
      void source.stop();
    }
  });
  source.on('status', (s) => {
    if (!broken) publish({ ...status, ...s });
  });

  try {
    await source.start();
  } catch (err) {
    publish({ ...status, state: 'failed', message: (err as Error).message });
  }
  return {
    status: () => status,
    stop: async () => {
      await source.stop();
      if (status.state !== 'failed')
        publish({ ...status, state: 'stopped', dropped: source.dropped });
    },
  };
}
