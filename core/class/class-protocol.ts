/**
 * The classroom's part of the socket.io contract: the presenter's view that following pages
 * mirror, and the "what comes next?" quiz.
 */
import type { QuizChoice } from './quiz.ts';
import type { RosterRow } from './roster.ts';

/** Packets, socket calls or both (the page's show filter). */
export type FollowShow = 'both' | 'packets' | 'steps';

/** Where the presenter's replay stands (see the page's replay controls). */
export interface ReplayPosition {
  /** Record number of the current step, or null before the first. */
  recNo: number | null;
  playing: boolean;
  /** Playback speed, 0.25 to 4. */
  speed: number;
  /** Only the steps up to the current one are drawn. */
  reveal: boolean;
}

/** What the presenter looks at; following pages show the same. */
export interface PresenterView {
  /** Server session id (a file opened only in the presenter's page cannot be followed). */
  session: string;
  /** Conversation id, or '*' for every record. */
  conv: string;
  /** Record number of the selected step. */
  selected: number | null;
  replay: ReplayPosition | null;
  show: FollowShow;
}

/** A question as pages see it; the answer travels only once revealed. */
export interface QuizView {
  id: string;
  session: string;
  conv: string;
  /** The question is asked after this record: which packet comes next? */
  afterRecNo: number;
  choices: QuizChoice[];
  state: QuizState;
  /** Viewers who answered so far. */
  answered: number;
  /** Answers per choice: sent to presenters while open, to everyone once revealed. */
  counts?: number[];
  /** Index of the right choice, once revealed. */
  answer?: number;
  /** Record number of the packet that came next, once revealed (the ladder draws it). */
  nextRecNo?: number;
}

export type QuizState =
  | 'open' // viewers may answer
  | 'revealed' // the answer and the tally are shown
  | 'closed'; // taken off the screens

export interface QuizAskRequest {
  session: string;
  conv: string;
  afterRecNo: number;
  /** The packet that really came next, as the presenter's page found it. */
  next: QuizChoice & { recNo: number };
}

export type QuizAskResult = { ok: true; quiz: QuizView } | { ok: false; error: string };

export interface QuizAnswerRequest {
  id: string;
  choice: number;
}

export type QuizAnswerResult =
  { ok: true; outcome: 'counted' | 'again'; choice: number } | { ok: false; error: string };

export type ClassResult = { ok: true } | { ok: false; error: string };

/** Where viewers open the page (shown as text and as a QR code on the presenter's screen). */
export interface ViewerUrls {
  /** URLs to show and encode, the most useful first. */
  urls: string[];
  /** Bound to loopback: only this machine can open them. */
  loopbackOnly: boolean;
}

/** A roster the presenter put aside (kept by the server while it runs). */
export interface RosterArchiveInfo {
  id: string;
  /** When it was put aside, ms since the Unix epoch. */
  at: number;
  rows: number;
}

/** The class roster as presenters get it: whole on connection and after a clear, then changes. */
export interface RosterUpdate {
  /** Replace every row with `rows`; otherwise change `rows` and drop `removed`. */
  reset: boolean;
  rows: RosterRow[];
  /** Keys of rows gone. */
  removed: string[];
  /** Rosters put aside, newest first (with every reset). */
  archives?: RosterArchiveInfo[];
}

export type RosterArchiveResult = { ok: true; rows: RosterRow[] } | { ok: false; error: string };

/** Classroom events the server sends (merged into ServerToClientEvents). */
export interface ClassServerEvents {
  /** Once on connection: where viewers join. */
  viewerUrls: (v: ViewerUrls) => void;
  /** The presenter's view changed (and once on connection, when there is one). */
  presenterView: (v: PresenterView) => void;
  /** The question on the screens changed; null when none. */
  quiz: (q: QuizView | null) => void;
  /** Presenters only: the class roster (the students' clients by address). */
  roster: (u: RosterUpdate) => void;
}

/** Classroom events a page sends (merged into ClientToServerEvents). */
export interface ClassClientEvents {
  /** Presenter only: publish the view following pages mirror. */
  presenterView: (v: PresenterView, ack: (res: ClassResult) => void) => void;
  /** Presenter only: ask "what comes next?" after a step. */
  quizAsk: (req: QuizAskRequest, ack: (res: QuizAskResult) => void) => void;
  /** Viewers: answer the open question (one answer per viewer). */
  quizAnswer: (req: QuizAnswerRequest, ack: (res: QuizAnswerResult) => void) => void;
  /** Presenter only: show the answer and the tally. */
  quizReveal: (req: { id: string }, ack: (res: QuizAskResult) => void) => void;
  /** Presenter only: take the question off the screens. */
  quizClose: (req: { id: string }, ack: (res: QuizAskResult) => void) => void;
  /** Presenter only: empty the roster, putting its rows aside first when `archive`. */
  rosterClear: (req: { archive: boolean }, ack: (res: ClassResult) => void) => void;
  /** Presenter only: the rows of a roster put aside. */
  rosterArchive: (req: { id: string }, ack: (res: RosterArchiveResult) => void) => void;
}
