/**
 * Which session the page shows (live, a shared file, a file opened here) and the file actions:
 * open a capture file in the page, share it with the class, save the shown session as pcapng.
 */
import type { SessionInfo } from '../../../core/protocol.ts';
import type { ShareProgress } from '../../../core/share-protocol.ts';
import type { Connection } from './connection.svelte.ts';
import { ALL_WINDOW, type RecordStore } from './record-store.svelte.ts';
import { downloadBlob } from './download-blob.ts';
import {
  addLocalSession,
  isLocalId,
  LOCAL_PREFIX,
  localPcapng,
  makeLocalSession,
  showWindow,
  pcapngName,
  windowFor,
  type LocalSession,
} from './local-session.ts';
import { t } from './messages.ts';
import { PacketColumns } from './packet-columns.ts';
import { openErrorText } from './read-capture-file.ts';
import { readInWorker, type ColumnsReader } from './read-in-worker.ts';
import { fetchPcapng, MAX_SHARE_BYTES, shareCapture } from './session-api.ts';
import { sessionOptions } from './session-options.ts';
import type { RecordSource } from './view-state.svelte.ts';

/** Files opened here held at once (each holds all its packets, in columns). */
const MAX_LOCAL_SESSIONS = 4;
/** Records of a file the views get at once: what "All records" draws (others are a goTo away). */
const FILE_WINDOW = ALL_WINDOW;
const MIB = 1024 * 1024;

export interface OpenProgress {
  name: string;
  loaded: number;
  total: number;
}

export class Sessions implements RecordSource {
  local = $state.raw<readonly LocalSession[]>([]);
  opening = $state.raw<OpenProgress | null>(null);
  openError = $state<string | null>(null);
  /** One line about the last share or save: what happened or what went wrong. */
  notice = $state<{ text: string; error: boolean } | null>(null);
  sharing = $state(false);
  /** How far the server got with the file this page is sharing (null when not sharing). */
  shareProgress = $state.raw<ShareProgress | null>(null);
  /** Called after the shown session changed (the view starts over: follow newest, no selection). */
  onswitch: () => void = () => {};

  #conn: Connection;
  #localPicked = $state<string | null>(null);
  #abort: AbortController | null = null;
  #opened = 0;

  #read: ColumnsReader;

  /** `read` turns a file into columns: in a Web Worker unless a test says otherwise. */
  constructor(conn: Connection, read: ColumnsReader = readInWorker) {
    this.#conn = conn;
    this.#read = read;
  }

  /** Records the views get at once; a file's other packets are a goTo away. */
  get window(): number {
    return Math.min(this.#conn.hello?.maxRecords ?? FILE_WINDOW, FILE_WINDOW);
  }

  /** The shown session's id: a local one, or the server session the connection shows. */
  current = $derived.by(() => this.#localPicked ?? this.#conn.sessionId);
  currentLocal = $derived(this.local.find((s) => s.id === this.#localPicked) ?? null);
  store = $derived.by((): RecordStore =>
    this.currentLocal ? this.currentLocal.held : this.#conn.store,
  );
  session = $derived.by((): SessionInfo | null =>
    this.currentLocal ? this.currentLocal.info : this.#conn.session,
  );
  options = $derived.by(() => sessionOptions(this.#conn.sessions, this.local, this.#conn.liveId));

  choose(id: string): void {
    if (id === this.current) return;
    if (isLocalId(id)) {
      if (!this.local.some((s) => s.id === id)) return;
      this.#localPicked = id;
    } else {
      this.#localPicked = null;
      this.#conn.view(id);
    }
    this.notice = null;
    this.onswitch();
  }

  /**
   * Reads the file in a worker; its first packets are shown as soon as they are read, and the
   * session then holds every packet of the file.
   */
  async open(file: File): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.#abort = abort;
    this.openError = null;
    this.opening = { name: file.name, loaded: 0, total: file.size };
    const n = ++this.#opened;
    const id = `${LOCAL_PREFIX}${n}`;
    const window = this.window;
    const show = (store: PacketColumns, start: number) => {
      const session = makeLocalSession(n, file.name, file, store, window);
      this.local = addLocalSession(
        this.local,
        start > 0 ? windowFor(session, start + 1, window) : session,
        MAX_LOCAL_SESSIONS,
      );
      if (this.current !== id) this.choose(id);
    };
    try {
      const data = await this.#read(file, {
        headPackets: window,
        signal: abort.signal,
        onProgress: (loaded, total) => (this.opening = { name: file.name, loaded, total }),
        onHead: (head) => {
          if (!abort.signal.aborted) show(new PacketColumns(head), 0);
        },
      });
      abort.signal.throwIfAborted();
      const shown = this.local.find((s) => s.id === id);
      show(new PacketColumns(data), shown?.start ?? 0);
    } catch (err) {
      // A file cancelled or unreadable leaves nothing behind, not even its first packets.
      this.local = this.local.filter((s) => s.id !== id);
      if (this.#localPicked === id) this.#localPicked = null;
      if (!abort.signal.aborted) this.openError = openErrorText(file.name, err);
    } finally {
      if (this.#abort === abort) {
        this.#abort = null;
        this.opening = null;
      }
    }
  }

  /** "All records" at an edge: the next half window of the file, or of the server's session. */
  async pageAll(dir: -1 | 1): Promise<boolean> {
    const s = this.currentLocal;
    if (!s) return this.#conn.pageAll(dir);
    if (dir < 0 ? s.start === 0 : s.start + s.records.length >= s.total) return false;
    const start = s.start + dir * Math.floor(this.window / 2);
    this.local = addLocalSession(this.local, showWindow(s, start, this.window), MAX_LOCAL_SESSIONS);
    return true;
  }

  /** Shows the window of the local file holding packet number `no` (from 1); false if none. */
  goTo(no: number): boolean {
    const s = this.currentLocal;
    if (!s || !Number.isInteger(no) || no < 1 || no > s.total) return false;
    const inside = no > s.start && no <= s.start + s.records.length;
    if (!inside)
      this.local = addLocalSession(this.local, windowFor(s, no, this.window), MAX_LOCAL_SESSIONS);
    return true;
  }

  cancel(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.opening = null;
  }

  /**
   * Sends the shown local file to the server, which makes it a session every page can pick; the
   * server says how far it got (bytes received, packets read) while it reads the file.
   */
  async share(): Promise<void> {
    const s = this.currentLocal;
    if (!s || this.sharing) return;
    const max = this.#conn.hello?.maxUploadBytes ?? MAX_SHARE_BYTES;
    if (s.file.size > max) {
      const text = t('sessions.tooBig', {
        name: s.info.title,
        mb: (s.file.size / MIB).toFixed(1),
        max: Math.floor(max / MIB),
      });
      this.notice = { text, error: true };
      return;
    }
    this.sharing = true;
    this.notice = null;
    this.shareProgress = { name: s.info.title, bytes: 0, total: s.file.size, packets: 0 };
    const stop = this.#conn.on('shareProgress', (p) => {
      if (this.sharing) this.shareProgress = p;
    });
    try {
      const res = await shareCapture(s.file, s.info.title, fetch, this.#conn.socketId);
      if (!res.ok) {
        // The refusals a class meets, in its own language; any other in the server's words.
        const why =
          res.status === 413
            ? t('sessions.tooBig', {
                name: s.info.title,
                mb: (s.file.size / MIB).toFixed(1),
                max: Math.floor(max / MIB),
              })
            : res.status === 409
              ? t('sessions.noRoom')
              : t('sessions.shareFailed', { why: res.error });
        this.notice = { text: why, error: true };
        return;
      }
      const shared = t('sessions.sharedAs', { title: res.value.title });
      const evicted = res.value.evicted.map((title) => `“${title}”`).join(', ');
      this.notice = {
        text: evicted ? `${shared} ${t('sessions.evicted', { titles: evicted })}` : shared,
        error: false,
      };
    } finally {
      stop();
      this.sharing = false;
      this.shareProgress = null;
    }
  }

  /** Downloads the shown session as pcapng: built here for a local file, else from the server. */
  async save(): Promise<void> {
    this.notice = null;
    const local = this.currentLocal;
    if (local) {
      const bytes = localPcapng(local);
      const blob = new Blob([new Uint8Array(bytes)], { type: 'application/vnd.tcpdump.pcap' });
      downloadBlob(blob, pcapngName(local.info.title));
      return;
    }
    const id = this.#conn.sessionId;
    const res = await fetchPcapng(id);
    if (!res.ok) {
      this.notice = { text: t('sessions.saveFailed', { why: res.error }), error: true };
      return;
    }
    const title =
      this.#conn.session?.kind === 'file' ? this.#conn.session.title : `packet-ladder-${id}`;
    downloadBlob(res.value, pcapngName(title));
  }
}
