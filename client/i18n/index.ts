// The UI language: which dictionary is in use, how it is chosen and remembered, and t() to read it.
import { useCallback, useSyncExternalStore } from 'react';
import { da, type MessageKey } from './da.ts';
import { en } from './en.ts';

export type Lang = 'da' | 'en';

const DICTIONARIES: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = { da, en };

/** Keys whose text is the same in both languages on purpose (a name, an abbreviation); every other key differs. */
export const SAME_IN_BOTH: ReadonlySet<MessageKey> = new Set<MessageKey>([
  'type.Person',
  'props.url',
  'props.id',
  'details.supportShort',
  'feeds.title',
]);

/** localStorage key that remembers the choice made with the switch in the top bar. */
export const LANG_STORAGE_KEY = 'newsgraph.lang';

export function isLang(value: unknown): value is Lang {
  return value === 'da' || value === 'en';
}

/**
 * Danish when the browser ranks Danish (or Norwegian, which reads it) above English, English otherwise. Only the first
 * of da/nb/nn/no/en in `languages` counts, so "en-US, da" stays English.
 */
export function preferredLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'da' || base === 'nb' || base === 'nn' || base === 'no') return 'da';
    if (base === 'en') return 'en';
  }
  return 'en';
}

/** `?lang=da|en` in the address, then the remembered choice, then the browser's languages. */
function initialLang(): Lang {
  if (typeof window === 'undefined') return 'en';
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(LANG_STORAGE_KEY);
    if (isLang(stored)) return stored;
  } catch {
    // Storage can be switched off; the browser's preference still applies.
  }
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];
  return preferredLang(languages);
}

let current: Lang = initialLang();
const listeners = new Set<() => void>();
if (typeof document !== 'undefined') document.documentElement.lang = current;

export function getLang(): Lang {
  return current;
}

/** Switches the whole UI and remembers the choice in this browser. */
export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Vars = Readonly<Record<string, string | number>>;

/** Fills "{name}" slots; a number is written the way the language writes numbers (1.234 / 1,234). */
export function format(template: string, vars: Vars | undefined, lang: Lang = current): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = vars[name];
    if (value === undefined) return slot;
    return typeof value === 'number' ? value.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB') : value;
  });
}

/**
 * An ISO date (or date-time) as the UI shows it: day-first dd-mm-åååå in Danish, ISO åååå-mm-dd in English; never
 * month-first. Text that is not an ISO date is shown as it is.
 */
export function showDate(iso: string, lang: Lang = current): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return lang === 'da' ? `${m[3]}-${m[2]}-${m[1]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** The message `key` in the current language, with its slots filled. */
export function t(key: MessageKey, vars?: Vars): string {
  return format(DICTIONARIES[current][key], vars);
}

/** `one` when count is 1, else `other` (both languages pluralise the same way). */
export function plural(count: number, one: MessageKey, other: MessageKey, vars?: Vars): string {
  return t(count === 1 ? one : other, { count, ...vars });
}

/** The dictionary of a language, for tests and for the PNG legend. */
export function dictionary(lang: Lang): Readonly<Record<MessageKey, string>> {
  return DICTIONARIES[lang];
}

/** Re-renders the calling component when the language changes; returns the language and t(). */
export function useI18n(): { lang: Lang; t: typeof t; setLang: typeof setLang } {
  const lang = useSyncExternalStore(subscribe, getLang, getLang);
  // A new function per language, so effects and memos that depend on it rerun on a switch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: lang is the reason to make a new t
  const translate = useCallback((key: MessageKey, vars?: Vars) => t(key, vars), [lang]);
  return { lang, t: translate, setLang };
}

export type { MessageKey };
