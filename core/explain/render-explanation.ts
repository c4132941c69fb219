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

/** A sentence split at its slots: literal, slot name, literal, … (odd indexes are names). */
type Template = string[];
const compiled: Record<Locale, Map<string, Template>> = { en: new Map(), 'zh-CN': new Map() };

/** The sentence of `key` split at its slots: literal, slot name, literal, … (made once per key). */
export function explanationTemplate(key: string, locale: Locale): readonly string[] {
  return template(key, locale);
}

/** How a slot's value reads in a sentence: role names in the language, the rest as String(). */
export function slotText(name: string, v: string | number, locale: Locale): string {
  return ROLE_PARAMS.has(name) ? (roles[locale][String(v)] ?? String(v)) : String(v);
}

function template(key: string, locale: Locale): Template {
  let t = compiled[locale].get(key);
  if (!t) {
    t = (tables[locale][key] ?? tables.en[key] ?? key).split(/\{(\w+)\}/);
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
    const t = template(exp.keys[k]!, locale);
    out += t[0]!;
    for (let i = 1; i < t.length; i += 2) {
      const name = t[i]!;
      const v = exp.params[name];
      if (v === undefined) out += `{${name}}`;
      else out += ROLE_PARAMS.has(name) ? (names[String(v)] ?? String(v)) : String(v);
      out += t[i + 1]!;
    }
  }
  return out;
}
