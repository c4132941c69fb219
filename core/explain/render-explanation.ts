/** Words an explanation in English or Simplified Chinese. */
import type { Explanation } from './explain.ts';
import { explanationsEn } from './explanations-en.ts';
import { explanationsZh } from './explanations-zh.ts';
import { teachEn } from './explanations-teach-en.ts';
import { teachZh } from './explanations-teach-zh.ts';

/** Languages of the catalogue. */
export type Locale =
  | 'en' // English
  | 'zh-CN'; // Simplified Chinese

export function isLocale(s: unknown): s is Locale {
  return s === 'en' || s === 'zh-CN';
}

const tables: Record<Locale, Record<string, string>> = {
  en: { ...explanationsEn, ...teachEn },
  'zh-CN': { ...explanationsZh, ...teachZh },
};

/** Role names inside sentences, per language. */
const roles: Record<Locale, Record<string, string>> = {
  en: { client: 'client', server: 'server', unknown: 'sender' },
  'zh-CN': { client: '客户端', server: '服务器', unknown: '发送方' },
};

const ROLE_PARAMS = new Set(['from', 'to', 'side']);

export function renderExplanation(exp: Explanation, locale: Locale): string {
  const table = tables[locale];
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = exp.params[name];
      if (v === undefined) return `{${name}}`;
      return ROLE_PARAMS.has(name) ? (roles[locale][String(v)] ?? String(v)) : String(v);
    });
  return exp.keys.map((k) => fill(table[k] ?? tables.en[k] ?? k)).join(locale === 'en' ? ' ' : '');
}
