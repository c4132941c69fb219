/**
 * The one typed contract between server and web: record types pushed over socket.io and the
 * event maps used as generics on both ends (`Server<ClientToServerEvents, ServerToClientEvents>`).
 */
import type { ConversationSummary } from './analysis/conversation-summary.ts';
import type { PacketAnalysis } from './analysis/packet-analysis.ts';
import type { SessionRecord } from './records.ts';
import type { PackedBatch } from './packed-batch.ts';
import type { Transport } from './types.ts';
import type { ClassClientEvents, ClassServerEvents } from './class/class-protocol.ts';
import type { Refusal } from './limit-kind.ts';
import type { SessionClientEvents, SessionServerEvents } from './session-actions.ts';
import type { ShareServerEvents } from './share-protocol.ts';
import type { SessionTitleKey } from './session-title.ts';
import type {
  RunScenarioRequest,
  RunScenarioResult,
  ScenarioCatalog,
  ScenarioStatus,
} from './scenario/scenario-status.ts';

export type { Endpoint, PayloadPreview, Side, StepKind, Transport } from './types.ts';
export type { PacketRecord, SessionRecord, SocketStep } from './records.ts';

export type SessionKind =
  | 'live' // the echo endpoints of this server
  | 'file'; // a capture file opened by someone

export interface SessionInfo {
  id: string;
  kind: SessionKind;
  /** In English; the page shows `titleKey` instead when there is one. */
  title: string;
  /** While the title is one of the server's defaults: its key, shown in the page's language. */
  titleKey?: SessionTitleKey;
  /** Microseconds since the epoch of the first record, or of the session's creation. */
  startTime: number;
  /** Highest record number so far (0 when empty). */
  lastRecNo: number;
  /** Lowest record number still held (older ones were dropped to bound memory). */
  firstRecNo: number;
  /** From an earlier run of the server, read back from --data-dir: nothing more arrives. */
  closed?: boolean;
  /** One line about the stored copy: what a cut file lost, or why recording stopped. */
  storeNote?: string;
  /** The oldest records dropped (on disk and in memory) to keep the session under its size cap. */
  storeDropped?: number;
}

export type CaptureState =
  | 'off' // capture not asked for
  | 'starting' // tool spawned, no bytes yet
  | 'running' // pcap stream flowing
  | 'failed' // could not start or died; `message` says why and how to fix
  | 'stopped'; // ended on request

export interface CaptureStatus {
  state: CaptureState;
  tool?: string;
  iface?: string;
  filter?: string;
  message?: string;
  /** Packets the kernel dropped, as the capture tool reported them. */
  dropped?: number;
  packets?: number;
}

/** The link to the other server processes through Redis (only with --redis). */
export type ClusterState =
  | 'connecting' // first try under way
  | 'up' // sessions, records and the presenter's view are shared with the other processes
  | 'down'; // Redis cannot be reached: this process serves its own pages alone, retrying

export interface ClusterStatus {
  state: ClusterState;
  /** Where Redis is (without its password). */
  redis: string;
  /** Why it is down, as the Redis client said. */
  message?: string;
}

export interface EchoInfo {
  host: string;
  port: number;
}

/** What a page may do: presenters act (send, run scenarios…), viewers watch. */
export type Role =
  | 'presenter' // holds the token, or the single user at the desk when roles are off
  | 'viewer'; // watches; every privileged event is refused on the server

/** Sent once on connection: what the server offers. */
export interface Hello {
  echo: EchoInfo;
  capture: CaptureStatus;
  sessions: SessionInfo[];
  /** Largest number of records a session keeps; older ones are dropped. */
  maxRecords: number;
  /** This page's role ('presenter' when roles are off). */
  role: Role;
  /** This page's last connection was cut because it did not read what was sent to it. */
  fellBehind?: boolean;
  /** --private: exports and packet bytes are for the presenter only. */
  private?: boolean;
  /** The id of this process's live session ('live' unless several processes share Redis). */
  live?: string;
  /** Present when processes share Redis (--redis). */
  cluster?: ClusterStatus;
  /** Largest capture file the server takes from a page (--max-upload-mb), in bytes. */
  maxUploadBytes?: number;
}

export interface JoinRequest {
  session: string;
  /** Records with a record number greater than this are wanted (0 for all). */
  after: number;
  /** Whether the reply carries every summary (default true; a page catching up has them). */
  summaries?: boolean;
}

/** Records numbered from…to of a session, of one conversation or all (older ones a page let go). */
export interface RangeRequest {
  session: string;
  from: number;
  to: number;
  conv?: string;
}

export type RangeResult =
  | {
      ok: true;
      records: SessionRecord[];
      /** Where to ask from next when the reply stopped short of `to` (null when it did not). */
      next: number | null;
    }
  | Refusal;

export type JoinResult =
  | {
      ok: true;
      session: SessionInfo;
      records: SessionRecord[];
      /** Every conversation's summary (newest MAX_JOIN_SUMMARIES when there are more). */
      summaries: ConversationSummary[];
      /** True when records after `after` were already dropped: the page must start over. */
      gap: boolean;
    }
  | Refusal;

export interface SendRequest {
  transport: Transport;
  message: string;
}

export type SendResult = { ok: true; conv: string; reply: string } | (Refusal & { conv?: string });

/**
 * Records of a session in the order they were made, with the summaries they changed, whole
 * (replace by `conv`): packed once for every viewer (see packed-batch.ts; unpack-batch.ts).
 */
export interface RecordBatch {
  session: string;
  packed: PackedBatch;
}

/** Earlier packet records whose analysis a later packet corrected (states true in hindsight). */
export interface CorrectionBatch {
  session: string;
  /** Each record's record number and its whole corrected analysis. */
  records: { recNo: number; analysis: PacketAnalysis }[];
}

export interface ServerToClientEvents
  extends ClassServerEvents, SessionServerEvents, ShareServerEvents {
  hello: (h: Hello) => void;
  sessions: (list: SessionInfo[]) => void;
  records: (batch: RecordBatch) => void;
  /** Replace the analysis of records already sent (a later packet proved it wrong). */
  corrections: (batch: CorrectionBatch) => void;
  capture: (status: CaptureStatus) => void;
  /** The link to the other server processes changed (only with --redis). */
  cluster: (status: ClusterStatus) => void;
  /** A scenario run was queued, started or finished (sent to every page). */
  scenario: (status: ScenarioStatus) => void;
}

export interface ClientToServerEvents extends ClassClientEvents, SessionClientEvents {
  join: (req: JoinRequest, ack: (res: JoinResult) => void) => void;
  /** Records a page no longer holds (or never held), by record number. */
  range: (req: RangeRequest, ack: (res: RangeResult) => void) => void;
  send: (req: SendRequest, ack: (res: SendResult) => void) => void;
  /** The scenario catalog and the runs queued or running now. */
  scenarios: (ack: (res: ScenarioCatalog) => void) => void;
  /** Queue a scenario run; its records arrive in the live session, its status as `scenario`. */
  runScenario: (req: RunScenarioRequest, ack: (res: RunScenarioResult) => void) => void;
}

export type { LimitKind, Refusal } from './limit-kind.ts';
export type {
  RunScenarioRequest,
  RunScenarioResult,
  ScenarioCatalog,
  ScenarioStatus,
} from './scenario/scenario-status.ts';

/** Summaries sent with a join reply, at most (the newest conversations). */
export const MAX_JOIN_SUMMARIES = 20_000;

/** Largest message the send form and the TCP echo accept, in bytes (one read of 1024). */
export const MAX_MESSAGE_BYTES = 1024;
