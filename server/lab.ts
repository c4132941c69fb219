/**
 * The lab: both echo endpoints, the live session their taps write to, the built-in clients and,
 * when asked, live capture. The page server and the scenario command both stand on it.
 */
import type { CaptureStatus, Endpoint, SendRequest, SendResult } from '../core/protocol.ts';
import { LIVE_TITLE_KEY, type SessionTitleKey } from '../core/session-title.ts';
import { ClientError, tcpExchange } from './clients/tcp-client.ts';
import { udpExchange } from './clients/udp-client.ts';
import { nowMicros, type Tap } from './echo/tap.ts';
import { startTcpEcho } from './echo/tcp-echo.ts';
import type { EchoLimits } from './echo/connection-caps.ts';
import { startUdpEcho } from './echo/udp-echo.ts';
import { Session } from './hub/session.ts';
import { ConversationNames } from '../core/conversation-names.ts';
import type { CaptureToolPreference } from './capture/find-capture-tool.ts';
import { startLiveCapture } from './live-capture.ts';
import { FrameRing } from './sessions/frame-ring.ts';

/** Bytes of raw live frames kept for saving the session as pcapng. */
const LIVE_FRAME_BYTES = 256 * 1024 * 1024;

/** The lab's share of the server's flags (ServeOptions takes these as they are). */
export interface LabFlags {
  echoHost: string;
  echoPort: number;
  capture: boolean;
  captureTool: CaptureToolPreference;
  captureInterface?: string;
  maxRecords: number;
}

export interface LabOptions extends LabFlags {
  /** Caps and idle timeout of the TCP echo (none when absent). */
  limits?: EchoLimits;
  /** More ports to capture besides the echo port (endpoints that scenarios use). */
  extraPorts?: { tcp: number[]; udp: number[] };
  /** The live session's id and title ('live' unless several processes share Redis). */
  live?: { id: string; title: SessionTitleKey };
}

export interface Lab {
  echo: Endpoint;
  /** The session the taps and the capture write to now. */
  readonly live: Session;
  /**
   * Starts a new, empty live session: the taps and the capture write to it from now on. Returns
   * the one it replaces (the caller files it away).
   */
  renewLive(): Session;
  tap: Tap;
  capture(): CaptureStatus;
  onCapture(listener: (s: CaptureStatus) => void): void;
  send(req: SendRequest): Promise<SendResult>;
  close(): Promise<void>;
}

/** Which flag a failed listen belongs to, for a one-line message. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly flag: string,
  ) {
    super(`Port ${port} is already in use; choose another with ${flag} <port>.`);
  }
}

export async function startLab(opts: LabOptions): Promise<Lab> {
  let live = newLive(opts);
  const tap: Tap = (s) => live.append(s);
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  };
  try {
    const tcp = await inUse(
      startTcpEcho(opts.echoHost, opts.echoPort, tap, opts.limits),
      opts.echoPort,
      '--echo-port',
    );
    closers.push(() => tcp.close());
    const udp = await inUse(
      startUdpEcho(opts.echoHost, tcp.address.port, tap),
      tcp.address.port,
      '--echo-port',
    );
    closers.push(() => udp.close());
    const echo = tcp.address;
    let capture: CaptureStatus = { state: 'off' };
    const captureListeners = new Set<(s: CaptureStatus) => void>();
    const setCapture = (s: CaptureStatus) => {
      capture = s;
      for (const l of captureListeners) l(s);
    };
    if (opts.capture) {
      live.frames = new FrameRing(opts.maxRecords, LIVE_FRAME_BYTES);
      // Resolves once packets flow (or with a failed status: the socket-level view keeps working).
      const cap = await startLiveCapture({
        tool: opts.captureTool,
        iface: opts.captureInterface,
        host: opts.echoHost,
        ports: {
          tcp: [echo.port, ...(opts.extraPorts?.tcp ?? [])],
          udp: [echo.port, ...(opts.extraPorts?.udp ?? [])],
        },
        session: () => live,
        onStatus: setCapture,
      });
      closers.push(() => cap.stop());
    }

    const send = (req: SendRequest): Promise<SendResult> => {
      const bytes = Buffer.from(req.message, 'utf8');
      const run =
        req.transport === 'tcp' ? tcpExchange(echo, bytes, tap) : udpExchange(echo, bytes, tap);
      // The client knows its pair's plain id; the session named the connection.
      const named = (conv: string) => live.names?.current(conv, 'client') ?? conv;
      return run.then(
        (r) => ({ ok: true, conv: named(r.conv), reply: r.reply }),
        (err: Error) => ({
          ok: false,
          error: err.message,
          conv: err instanceof ClientError && err.conv ? named(err.conv) : undefined,
        }),
      );
    };
    return {
      echo,
      get live() {
        return live;
      },
      renewLive() {
        const old = live;
        live = newLive(opts);
        if (old.frames) {
          // Packet numbers go on from the capture's count, so the new ring starts there.
          live.frames = new FrameRing(opts.maxRecords, LIVE_FRAME_BYTES, old.frames.nextNo);
        }
        return old;
      },
      tap,
      capture: () => capture,
      onCapture: (l) => void captureListeners.add(l),
      send,
      close: closeAll,
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

/** The live session's id stays the same: pages showing it go on to the new one. */
export const LIVE_ID = 'live';

function newLive(opts: LabOptions): Session {
  const { id, title } = opts.live ?? { id: LIVE_ID, title: LIVE_TITLE_KEY };
  // The taps and the capture name each connection on a reused address and port apart.
  const names = new ConversationNames();
  return new Session(id, 'live', title, nowMicros(), opts.maxRecords, undefined, names);
}

export async function inUse<T>(p: Promise<T>, port: number, flag: string): Promise<T> {
  try {
    return await p;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new PortInUseError(port, flag);
    if (code === 'EADDRNOTAVAIL')
      throw new PortInUseError(port, flag === '--port' ? '--host' : '--echo-host');
    throw err;
  }
}
