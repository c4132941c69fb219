/** Words an explanation in English or Simplified Chinese. */
import type { Explanation } from './explain.ts';
import { paramValue, slotOf, type Slot } from './param-slots.ts';
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

/**
 * A sentence split at its slots: `parts` is literal, slot name, literal, … (odd indexes are
 * names), `slots` the slots in that order, ready for paramValue.
 */
export interface Sentence {
  readonly parts: readonly string[];
  readonly slots: readonly Slot[];
}
const compiled: Record<Locale, Map<string, Sentence>> = { en: new Map(), 'zh-CN': new Map() };

/** How a slot's value reads in a sentence: role names in the language, the rest as String(). */
export function slotText(name: string, v: string | number, locale: Locale): string {
  return ROLE_PARAMS.has(name) ? (roles[locale][String(v)] ?? String(v)) : String(v);
}

/** The sentence of `key`, compiled once per key and language. */
export function explanationSentence(key: string, locale: Locale): Sentence {
  let t = compiled[locale].get(key);
  if (!t) {
    const parts = (tables[locale][key] ?? tables.en[key] ?? key).split(/\{(\w+)\}/);
    t = { parts, slots: parts.filter((_, i) => i % 2).map(slotOf) };
    compiled[locale].set(key, t);
  }
  return t;
}

// Compiled once per key: analyze words every packet of a file.
export function renderExplanation(exp: Explanation, locale: Locale): string {
  const names = roles[locale];
  let out = '';
  for (let k = 0; k < exp.keys.length; k++) {
    if (k) out += locale === 'en' ? ' ' : '';
    const { parts, slots } = explanationSentence(exp.keys[k]!, locale);
    out += parts[0]!;
    for (let j = 0; j < slots.length; j++) {
      const name = slots[j]!.name;
      const v = paramValue(exp.params, slots[j]!);
      if (v === undefined) out += `{${name}}`;
      else out += ROLE_PARAMS.has(name) ? (names[String(v)] ?? String(v)) : String(v);
      out += parts[2 * j + 2]!;
    }
  }
  return out;
}
