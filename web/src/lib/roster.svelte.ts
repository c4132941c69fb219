/**
 * The presenter's class roster in the page: rows kept as the server sends them (whole, then the
 * changed ones: O(changes) each), listed as the panel asks, with a "new" mark on the machines
 * that appeared since the presenter last looked; clearing, archiving, and archived rosters.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { RosterArchiveInfo, RosterUpdate } from '../../../core/class/class-protocol.ts';
import type { ClassCalls } from './classroom.svelte.ts';
import type { RosterRow } from '../../../core/class/roster.ts';
import { rosterRows, type RosterSort } from './roster-view.ts';

/** The slice of the socket.io link the roster needs. */
export type RosterLink = ClassCalls;

export class RosterState {
  /** Rows by key, as the server last said. */
  rows = new SvelteMap<string, RosterRow>();
  archives = $state.raw<RosterArchiveInfo[]>([]);
  /** An archived roster shown instead of the live one (read only). */
  archived = $state.raw<{ info: RosterArchiveInfo; rows: RosterRow[] } | null>(null);
  filter = $state('');
  own = $state(false);
  sort = $state<RosterSort>('last');
  desc = $state(true);
  /** The row whose conversations are listed. */
  selected = $state<string | null>(null);
  /** Students' machines (rows of outside clients) that appeared after `seen`. */
  fresh = $state(0);
  error = $state<string | null>(null);

  /** Rows up to this order of appearance were there when the presenter last looked. */
  #seen = 0;
  #maxOrder = 0;
  #first = true;
  #link: RosterLink;
  #off: () => void;

  constructor(link: RosterLink) {
    this.#link = link;
    this.#off = link.on('roster', (u) => this.apply(u));
  }

  /** Stops listening to the server. */
  dispose(): void {
    this.#off();
  }

  /** The rows the panel lists, as the filter and sort ask. */
  listed = $derived.by(() =>
    rosterRows(this.archived?.rows ?? this.rows.values(), {
      filter: this.filter,
      own: this.own,
      sort: this.sort,
      desc: this.desc,
    }),
  );

  /** Rows in the roster shown (live or archived). */
  total = $derived(this.archived?.rows.length ?? this.rows.size);

  selectedRow = $derived(
    this.selected === null
      ? null
      : ((this.archived ? this.archived.rows.find((r) => r.key === this.selected) : undefined) ??
          this.rows.get(this.selected) ??
          null),
  );

  /** Whether `r` appeared since the presenter last looked. */
  isNew(r: RosterRow): boolean {
    return !this.archived && this.#fresh(r);
  }

  #fresh(r: RosterRow): boolean {
    return r.origin === 'outside' && r.order > this.#seen;
  }

  /** Takes an update from the server. */
  apply(u: RosterUpdate): void {
    if (u.reset) {
      this.rows.clear();
      this.#maxOrder = 0;
    }
    for (const k of u.removed) {
      const r = this.rows.get(k);
      if (r && this.#fresh(r)) this.fresh--;
      this.rows.delete(k);
    }
    for (const r of u.rows) {
      if (!u.reset && !this.rows.has(r.key) && this.#fresh(r)) this.fresh++;
      this.rows.set(r.key, r);
      this.#maxOrder = Math.max(this.#maxOrder, r.order);
    }
    if (u.archives) this.archives = u.archives;
    if (u.reset) {
      // What is there when the page opens is not new; after a clear, every machine is.
      if (this.#first) this.#seen = this.#maxOrder;
      else if (u.rows.length === 0) this.#seen = 0;
      this.#first = false;
      this.fresh = 0;
      for (const r of this.rows.values()) if (this.#fresh(r)) this.fresh++;
    }
  }

  /** The presenter has looked: no machine is new any more. */
  markSeen(): void {
    this.#seen = this.#maxOrder;
    this.fresh = 0;
  }

  sortBy(col: RosterSort): void {
    if (this.sort === col) this.desc = !this.desc;
    else {
      this.sort = col;
      this.desc = col !== 'address' && col !== 'order';
    }
  }

  /** Empties the roster for every presenter; `archive` puts its rows aside first. */
  async clear(archive: boolean): Promise<void> {
    const res = await this.#link.request('rosterClear', { archive });
    this.error = res.ok ? null : res.error;
    if (res.ok) this.selected = null;
  }

  /** Shows an archived roster (null: the live one). */
  async showArchive(id: string | null): Promise<void> {
    const info = this.archives.find((a) => a.id === id);
    if (!info) {
      this.archived = null;
      return;
    }
    const res = await this.#link.request('rosterArchive', { id: info.id });
    this.error = res.ok ? null : res.error;
    this.archived = res.ok ? { info, rows: res.rows } : null;
    this.selected = null;
  }
}
