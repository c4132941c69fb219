/** What the hub is built with: the server's offers, limits and hooks told to pages. */
import type {
  CaptureStatus,
  ClusterStatus,
  EchoInfo,
  SendRequest,
  SendResult,
} from '../../core/protocol.ts';
import type { GuardedEvents } from './guarded-events.ts';
import type { HubSocket } from './hub-server.ts';

export interface HubOptions {
  echo: EchoInfo;
  capture: () => CaptureStatus;
  send: (req: SendRequest) => Promise<SendResult>;
  maxRecords: number;
  /** Shared capture files held at once (each bounded by maxRecords). */
  maxFileSessions: number;
  /** Largest shared file, in bytes (told to pages so they say so before sending). */
  maxUploadBytes?: number;
  /** Registers every event handler: role check, rates, validation, errors as replies. */
  events: GuardedEvents;
  /** --private: pages are told exports are for the presenter only. */
  private?: boolean;
  /** Whether this page reconnects after being dropped for not reading (see slow-readers.ts). */
  fellBehind?: (socket: HubSocket) => boolean;
  /** The id of this process's live session (told to pages in `hello`). */
  live?: string;
  /** With --redis: the link's state, for `hello`. */
  cluster?: () => ClusterStatus;
}
