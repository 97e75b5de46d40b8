// Name normalisation shared by resolution, ids and evaluation: case, genitive, legal suffixes, subsidiaries, slugs.
import type { EntityType } from '../model.ts';
import { isLegalSuffix } from './danish.ts';
import { gazetteer } from './gazetteer.ts';

const LEGAL_SUFFIX_RE =
  /\s+(?:a\/s|aps|a\.s\.|i\/s|k\/s|p\/s|ivs|amba|a\.m\.b\.a\.|ab|as|asa|oyj?|gmbh|ag|inc\.?|ltd\.?|llc|plc|corp\.?|s\.a\.|sa|n\.?v\.?|b\.?v\.?|se|co\.)$/i;

/** Most names each memo below holds: names repeat across articles, but a huge input must not grow a cache without limit. */
const NAME_MEMO_MAX = 100_000;

/** `compute(name)`, remembered: the keys are pure functions of the name and resolution asks for them many times. */
function memoised<T>(compute: (name: string) => T): (name: string) => T {
  const memo = new Map<string, T>();
  return (name) => {
    const cached = memo.get(name);
    if (cached !== undefined) return cached;
    const value = compute(name);
    if (memo.size > NAME_MEMO_MAX) memo.clear();
    memo.set(name, value);
    return value;
  };
}

/** Lowercase, NFC, one space, straight apostrophes, no surrounding punctuation. */
export const normaliseName: (name: string) => string = memoised(normaliseUncached);

function normaliseUncached(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'«»“”([]+|[\s"'«»“”)\].,:;!?]+$/g, '')
    .toLowerCase();
}

/** Characters no name is made of: control and format characters (stray bytes of saved pages) and backticks. */
const NOT_IN_NAMES = /[\p{Cc}\p{Cf}`]/u;
const NOT_IN_NAMES_ALL = /[\p{Cc}\p{Cf}`]/gu;
/** Those of them that break a line or separate words: they part words rather than join them. */
const SEPARATING = /[\s\u0085]/u;

/**
 * A name as it may be shown: control and format characters and backticks left out (one that breaks a line becomes
 * a space), white space collapsed. "Nordhavn Data\u0007 A/S" -> "Nordhavn Data A/S", "Nord`havn" -> "Nordhavn".
 */
export function cleanName(text: string): string {
  const kept = NOT_IN_NAMES.test(text) ? text.replace(NOT_IN_NAMES_ALL, (c) => (SEPARATING.test(c) ? ' ' : '')) : text;
  return kept.replace(/\s+/g, ' ').trim();
}

/** True when the text names nothing: no letter or digit ("`", a control character, "–"). */
export function isEmptyName(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** Longest text isBareLegalForm reads: two legal forms and the space between them ("A.M.B.A. ApS"). */
const BARE_LEGAL_FORM_MAX_LENGTH = 24;

/**
 * True for a text made only of legal forms ("A/S", "ApS", "GmbH", "Inc."): a suffix left alone by a line break or a
 * list ("… og A/S"), never a company's name.
 */
export function isBareLegalForm(text: string): boolean {
  if (text.length > BARE_LEGAL_FORM_MAX_LENGTH) return false;
  const words = cleanName(text).split(' ');
  return (
    words[0] !== '' &&
    words.every((w) => isLegalSuffix(w) || isLegalSuffix(`${w}.`) || isLegalSuffix(w.replace(/[.,:;!?]+$/u, '')))
  );
}

/** Removes a trailing legal form: "Norriq Danmark A/S" -> "Norriq Danmark". */
export function stripLegalSuffix(name: string): string {
  let out = name;
  for (let i = 0; i < 2; i++) out = out.replace(LEGAL_SUFFIX_RE, '');
  return out;
}

/** Removes a genitive from the last word: "Huaweis" -> "Huawei", "USA's" -> "USA", "Jens'" -> "Jens". */
export function stripGenitiveEnding(name: string): string {
  if (/'s$/i.test(name)) return name.slice(0, -2);
  if (/[sxz]'$/i.test(name)) return name.slice(0, -1);
  if (/\p{L}{2,}s$/u.test(name) && !/ss$/i.test(name)) return name.slice(0, -1);
  return name;
}

/** True when the name ends in a legal form ("Norriq Danmark A/S"). */
export function hasLegalForm(name: string): boolean {
  return nameKey(name) !== normaliseName(name);
}

/** Region words that make a national or regional subsidiary when they follow a company name ("Nokia Danmark A/S"). */
const REGION_WORDS = new Set([
  'norden',
  'nordic',
  'nordics',
  'skandinavien',
  'scandinavia',
  'europa',
  'europe',
  'emea',
  'denmark',
  'sweden',
  'norway',
  'finland',
  'germany',
  'deutschland',
  'uk',
]);

function isCountryWord(word: string): boolean {
  if (REGION_WORDS.has(word)) return true;
  const entry = gazetteer().byKey.get(word);
  return entry !== undefined && entry.kind === 'country';
}

/**
 * The key of the parent of a national subsidiary: "Nokia Danmark A/S" -> "nokia", "Visma Norge" -> "visma"; null
 * for other names. Such a subsidiary is its own company (PART_OF the parent), never a name of the parent.
 */
export function subsidiaryParentKey(name: string): string | null {
  const words = nameKey(name).split(' ');
  if (words.length < 2 || !isCountryWord(words[words.length - 1])) return null;
  return words.slice(0, -1).join(' ');
}

/** True for a name the organisation gazetteer lists ("Nokia"): a company in its own right. */
export function isListedOrganisation(key: string): boolean {
  return gazetteer().byKey.get(key)?.kind === 'organization';
}

/** True when the words of `key` after its first `k` words start with a country or region word. */
export function countryFollows(words: readonly string[], k: number): boolean {
  return k < words.length && isCountryWord(words[k]);
}

/** The identity key of a name as written: case-folded, legal suffix removed. */
export const nameKey: (name: string) => string = memoised((name) => stripLegalSuffix(normaliseName(name)));

/** Removes a genitive apostrophe after s, x or z: "Jones'" -> "Jones", "Mercedes’" -> "Mercedes". */
export function stripGenitiveApostrophe(name: string): string {
  return /[sxz]['’]$/iu.test(name) ? name.slice(0, -1) : name;
}

/**
 * Removes the genitive "'s" Danish writes after abbreviations and names ending in a vowel ("Isefjord FC's",
 * "3F's", "USA's"): no part of the name. (A listed name such as "McDonald's" keeps it: lists decide those.)
 */
export function stripApostropheS(name: string): string {
  return /\S['’]s$/u.test(name) ? name.slice(0, -2) : name;
}

/** Most words a country's name has ("de forenede stater"), for nationalitiesOf. */
const COUNTRY_NAME_MAX_WORDS = 3;

/**
 * The countries a name ties itself to by a nationality adjective, a country's name or its genitive: "det kinesiske
 * handelsministerium" -> ["Kina"], "Kinas udenrigsministerium" -> ["Kina"], "Nokia Danmark A/S" -> ["Danmark"],
 * "Netcompany" -> [].
 */
export const nationalitiesOf: (name: string) => readonly string[] = memoised((name) => {
  const gaz = gazetteer();
  const words = normaliseName(name)
    .split(/[\s-]+/)
    .filter(Boolean);
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const adjective = gaz.countryByAdjective.get(words[i]);
    if (adjective) {
      found.add(adjective);
      continue;
    }
    for (let n = Math.min(COUNTRY_NAME_MAX_WORDS, words.length - i); n >= 1; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const entry = gaz.byKey.get(phrase) ?? gaz.byKey.get(stripGenitiveEnding(phrase));
      if (entry?.kind === 'country') {
        found.add(entry.name);
        i += n - 1;
        break;
      }
    }
  }
  return [...found];
});

/** The countries any of `names` ties itself to (nationalitiesOf), each once. */
export function nationalitiesOfAll(names: Iterable<string>): readonly string[] {
  const found = new Set<string>();
  for (const name of names) for (const country of nationalitiesOf(name)) found.add(country);
  return [...found];
}

/**
 * True when two things are tied to countries and to no common one: "det kinesiske handelsministerium" is not "det
 * amerikanske handelsministerium", "Finsk Telekom" not "Fransk Telekom", whatever their shared words or spelling.
 */
export function nationalitiesDiffer(a: readonly string[], b: readonly string[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((country) => b.includes(country));
}

/** The key with a possible genitive removed; used only to find an entity the plain key does not. */
export const genitiveKey: (name: string) => string = memoised((name) =>
  stripLegalSuffix(stripGenitiveEnding(normaliseName(name))),
);

/** Keys the evaluation compares names by (gold/README.md): case-insensitive, genitive and legal suffix removed. */
export function matchKeys(name: string): string[] {
  const plain = nameKey(name);
  const gen = genitiveKey(name);
  return plain === gen ? [plain] : [plain, gen];
}

/** A URL- and Cypher-safe slug: "Brøchner Hotels" -> "broechner-hotels". */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .replace(/ß/g, 'ss')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

const TYPE_PREFIX: Record<EntityType, string> = {
  Person: 'person',
  Company: 'company',
  Government: 'government',
  Organization: 'organization',
  Place: 'place',
};

/**
 * Stable id of an entity: type prefix + slug of the canonical name without legal suffix ("company:norriq-danmark").
 * Countries use the prefix "country:" whatever their type in one article, because the same country is
 * a Government in one article and a Place in another.
 */
export function entityId(type: EntityType, canonicalName: string, isCountry = false): string {
  return `${isCountry ? 'country' : TYPE_PREFIX[type]}:${keySlug(nameKey(canonicalName))}`;
}

/** Slugs of name keys, remembered: every article asks for the ids of the same names again. */
const keySlug = memoised(slugify);
