/**
 * Which session the page shows (live, a shared file, a file opened here) and the file actions:
 * open a capture file in the page, share it with the class, save the shown session as pcapng.
 */
import type { SessionInfo, SessionRecord } from '../../../core/protocol.ts';
import { LIVE_SESSION, type Connection } from './connection.svelte.ts';
import { downloadBlob } from './download-blob.ts';
import {
  addLocalSession,
  isLocalId,
  localPcapng,
  makeLocalSession,
  pcapngName,
  type LocalSession,
} from './local-session.ts';
import { t } from './messages.ts';
import { openErrorText, readCaptureFile } from './read-capture-file.ts';
import { fetchPcapng, MAX_SHARE_BYTES, shareCapture } from './session-api.ts';
import { sessionOptions } from './session-options.ts';
import type { RecordSource } from './view-state.svelte.ts';

/** Files opened here held at once (each holds up to maxRecords records and their frames). */
const MAX_LOCAL_SESSIONS = 4;
/** Records kept of a file when the server has not said its bound yet. */
const DEFAULT_MAX_RECORDS = 10_000;
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
  /** Called after the shown session changed (the view starts over: follow newest, no selection). */
  onswitch: () => void = () => {};

  #conn: Connection;
  #localPicked = $state<string | null>(null);
  #abort: AbortController | null = null;
  #opened = 0;

  constructor(conn: Connection) {
    this.#conn = conn;
  }

  /** The shown session's id: a local one, or the server session the connection shows. */
  current = $derived.by(() => this.#localPicked ?? this.#conn.sessionId);
  currentLocal = $derived(this.local.find((s) => s.id === this.#localPicked) ?? null);
  records = $derived.by((): readonly SessionRecord[] =>
    this.currentLocal ? this.currentLocal.records : this.#conn.records,
  );
  session = $derived.by((): SessionInfo | null =>
    this.currentLocal ? this.currentLocal.info : this.#conn.session,
  );
  options = $derived.by(() => sessionOptions(this.#conn.sessions, this.local, LIVE_SESSION));

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

  /** Reads the file in the page; on success it becomes a session of its own and is shown. */
  async open(file: File): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.#abort = abort;
    this.openError = null;
    this.opening = { name: file.name, loaded: 0, total: file.size };
    try {
      const read = await readCaptureFile(file, {
        maxRecords: this.#conn.hello?.maxRecords ?? DEFAULT_MAX_RECORDS,
        signal: abort.signal,
        onProgress: (loaded, total) => (this.opening = { name: file.name, loaded, total }),
      });
      const session = makeLocalSession(++this.#opened, file.name, file, read);
      this.local = addLocalSession(this.local, session, MAX_LOCAL_SESSIONS);
      this.choose(session.id);
    } catch (err) {
      if (!abort.signal.aborted) this.openError = openErrorText(file.name, err);
    } finally {
      if (this.#abort === abort) {
        this.#abort = null;
        this.opening = null;
      }
    }
  }

  cancel(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.opening = null;
  }

  /** Sends the shown local file to the server, which makes it a session every page can pick. */
  async share(): Promise<void> {
    const s = this.currentLocal;
    if (!s || this.sharing) return;
    if (s.file.size > MAX_SHARE_BYTES) {
      const text = t('sessions.tooBig', {
        name: s.info.title,
        mb: (s.file.size / MIB).toFixed(1),
        max: MAX_SHARE_BYTES / MIB,
      });
      this.notice = { text, error: true };
      return;
    }
    this.sharing = true;
    try {
      const res = await shareCapture(s.file, s.info.title);
      this.notice = res.ok
        ? { text: t('sessions.sharedAs', { title: res.value.title }), error: false }
        : { text: t('sessions.shareFailed', { why: res.error }), error: true };
    } finally {
      this.sharing = false;
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
