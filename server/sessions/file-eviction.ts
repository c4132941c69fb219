/**
 * Room for one more shared file under the cap: only file sessions nobody is watching may go, the
 * least recently watched first. A file someone has open (the presenter's own, or the one the class
 * follows) is never removed because of someone else's share; when every one is watched, the new
 * share is refused instead.
 */

export interface FileSlot {
  id: string;
  title: string;
  /** Pages showing it now. */
  watchers: number;
  /** When a page last showed it (or when it was shared), any clock. */
  lastUsed: number;
}

/** The file sessions to remove so one more fits under `max`, oldest use first; null if it cannot. */
export function filesToEvict(files: readonly FileSlot[], max: number): FileSlot[] | null {
  const over = files.length + 1 - max;
  if (over <= 0) return [];
  const idle = files.filter((f) => f.watchers === 0).sort((a, b) => a.lastUsed - b.lastUsed);
  return idle.length >= over ? idle.slice(0, over) : null;
}

export function noRoomText(max: number): string {
  return `All ${max} shared files are open on someone's page; one must be closed (shown by nobody) before another can be shared.`;
}
