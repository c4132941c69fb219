/**
 * How the roster panel lists rows: filtered by address or error code (and with or without the
 * server's own clients), sorted by a column; and each address's colour.
 */
import type { RosterRow } from '../../../core/class/roster.ts';

/** Columns the roster sorts by. */
export type RosterSort =
  | 'order' // first to appear first
  | 'address' // numerically for IPv4, else as text
  | 'conversations'
  | 'last' // last activity
  | 'bytes' // both ways together
  | 'failed'; // conversations with errors

export interface RosterQuery {
  /** Text the address or an error code contains (any case); empty lets every row through. */
  filter: string;
  /** List the send form's and the scenarios' clients too. */
  own: boolean;
  sort: RosterSort;
  /** Largest first. */
  desc: boolean;
}

/** Rows as `q` asks, in a new array (rows are at most a few thousand: one sort per change). */
export function rosterRows(rows: Iterable<RosterRow>, q: RosterQuery): RosterRow[] {
  const text = q.filter.trim().toLowerCase();
  const out: RosterRow[] = [];
  for (const r of rows) {
    if (!q.own && r.origin !== 'outside') continue;
    if (
      text &&
      !r.address.toLowerCase().includes(text) &&
      !r.errors.some((e) => e.toLowerCase().includes(text))
    )
      continue;
    out.push(r);
  }
  const key = KEYS[q.sort];
  const sign = q.desc ? -1 : 1;
  return out.sort((a, b) => sign * compare(key(a), key(b)) || a.order - b.order);
}

const KEYS: Record<RosterSort, (r: RosterRow) => number | string> = {
  order: (r) => r.order,
  address: (r) => addressKey(r.address),
  conversations: (r) => r.conversations,
  last: (r) => r.lastTime,
  bytes: (r) => r.bytesC2S + r.bytesS2C,
  failed: (r) => r.failed,
};

function compare(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** IPv4 addresses sort by their numbers (10.0.0.9 before 10.0.0.10); others after, as text. */
function addressKey(address: string): string {
  const parts = address.split('.');
  if (parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p)))
    return `0${parts.map((p) => p.padStart(3, '0')).join('.')}`;
  return `1${address}`;
}

/** A colour of its own for each address (the same on every page and after reloads). */
export function addressColour(address: string): string {
  let h = 2166136261;
  for (let i = 0; i < address.length; i++) h = Math.imul(h ^ address.charCodeAt(i), 16777619);
  return `hsl(${(h >>> 0) % 360} 65% 42%)`;
}
