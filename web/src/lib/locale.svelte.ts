/**
 * The page's language, reactive: `t()` reads it, so every text re-renders when it changes.
 * Remembered in localStorage.
 */
import type { Locale } from '../../../core/explain/render-explanation.ts';

export type { Locale };

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
const STORAGE_KEY = 'packet-ladder.locale';

/** The current language; a $state object so readers re-run when it changes. */
export const locale = $state<{ current: Locale }>({ current: 'en' });

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

/** The language remembered in `storage`, else English. */
export function storedLocale(storage: Pick<Storage, 'getItem'> | undefined): Locale {
  try {
    const v = storage?.getItem(STORAGE_KEY);
    return isLocale(v) ? v : 'en';
  } catch {
    return 'en';
  }
}

export function storeLocale(storage: Pick<Storage, 'setItem'> | undefined, l: Locale): void {
  try {
    storage?.setItem(STORAGE_KEY, l);
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
}
