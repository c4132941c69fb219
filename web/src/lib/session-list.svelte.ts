/**
 * The session list's state: every session the server keeps with its counts and size (from
 * `GET /api/sessions`, asked again whenever the server says the list changed), and the
 * presenter's actions on it — new, rename, delete — with one line for what went wrong or what
 * the server pruned.
 */
import type { SessionListEntry } from '../../../core/session-list-entry.ts';
import type { Connection } from './connection.svelte.ts';
import { t } from './messages.ts';
import { sessionTitle } from './session-title.ts';
import { refusalText } from './refusal-text.ts';

type Fetch = (input: string) => Promise<Response>;

/** Newest first, the sessions still live on top. */
export function sortEntries(list: readonly SessionListEntry[]): SessionListEntry[] {
  const live = (e: SessionListEntry) => Number(e.kind === 'live' && !e.closed);
  return [...list].sort((a, b) => live(b) - live(a) || b.startTime - a.startTime);
}

export class SessionList {
  open = $state(false);
  entries = $state.raw<readonly SessionListEntry[]>([]);
  /** One line: a refused action, or the sessions the server pruned. */
  notice = $state<{ text: string; error: boolean } | null>(null);
  busy = $state(false);

  #conn: Connection;
  #fetch: Fetch;

  constructor(conn: Connection, fetchFn: Fetch = (u) => fetch(u)) {
    this.#conn = conn;
    this.#fetch = fetchFn;
  }

  /** Listens to the server's list changes and prunes; returns the function that stops. */
  listen(): () => void {
    const offs = [
      this.#conn.on('sessions', () => {
        if (this.open) void this.refresh();
      }),
      this.#conn.on('sessionsPruned', (sessions) => {
        this.notice = {
          text: t('list.pruned', { names: sessions.map((s) => sessionTitle(s)).join(', ') }),
          error: false,
        };
        if (this.open) void this.refresh();
      }),
    ];
    return () => offs.forEach((off) => off());
  }

  get presenter(): boolean {
    return this.#conn.role === 'presenter';
  }

  toggle(): void {
    this.open = !this.open;
    if (this.open) void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      const res = await this.#fetch('/api/sessions');
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      this.entries = sortEntries((await res.json()) as SessionListEntry[]);
    } catch (err) {
      this.notice = { text: t('list.failed', { why: String(err) }), error: true };
    }
  }

  /** Starts a new live session; true when the server did. */
  async create(name: string): Promise<boolean> {
    const trimmed = name.trim();
    return this.#act(() => this.#conn.act('newSession', trimmed ? { name: trimmed } : {}));
  }

  async rename(id: string, name: string): Promise<boolean> {
    return this.#act(() => this.#conn.act('renameSession', { session: id, name }));
  }

  async remove(id: string): Promise<boolean> {
    return this.#act(() => this.#conn.act('deleteSession', { session: id }));
  }

  async #act(run: () => ReturnType<Connection['act']>): Promise<boolean> {
    this.busy = true;
    try {
      const res = await run();
      if (!res.ok) {
        this.notice = { text: t('list.failed', { why: refusalText(res) }), error: true };
        return false;
      }
      this.notice = null;
      await this.refresh();
      return true;
    } finally {
      this.busy = false;
    }
  }
}
