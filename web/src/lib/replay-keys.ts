/**
 * Keys that drive the replay from anywhere on the page, as a presentation clicker sends them:
 * ← → and PageUp/PageDown step, Space plays or pauses, Home/End go to the first/last step.
 * Form fields keep their keys (typing a message, choosing in a list).
 */

/** What a key asks the replay to do. */
export type ReplayAction =
  | 'prev' // one step back
  | 'next' // one step forward
  | 'toggle' // play or pause
  | 'first' // the first step
  | 'last'; // the last step

const ACTIONS: Record<string, ReplayAction> = {
  ArrowLeft: 'prev',
  PageUp: 'prev',
  ArrowRight: 'next',
  PageDown: 'next',
  ' ': 'toggle',
  Home: 'first',
  End: 'last',
};

/** The element that had the key, as far as this decision needs it. */
export interface KeyTarget {
  tagName?: string;
  isContentEditable?: boolean;
}

/** The action for a key press, or null when the key is not ours or the focus keeps it. */
export function replayAction(
  e: { key: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean },
  target: KeyTarget | null,
): ReplayAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const tag = target?.tagName?.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target?.isContentEditable)
    return null;
  return ACTIONS[e.key] ?? null;
}
