// The extraction gazetteers (countries, places, organisations, well-known people, first names), read once from data/gazetteers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import type { EntityType } from '../model.ts';

export type GazetteerKind = 'country' | 'place' | 'organization' | 'person';

export interface GazetteerEntry {
  /** The canonical name ("USA", "Det Hvide Hus"). */
  readonly name: string;
  readonly kind: GazetteerKind;
  /** Countries are typed by context (Government or Place); everything else has a fixed type. */
  readonly type: EntityType;
  readonly media: boolean;
  readonly forum: boolean;
  readonly court: boolean;
  /** For institutions: the canonical name of the state they belong to. */
  readonly parent: string | null;
}

/** A surface form of an entry, split in words the way the tokenizer splits them. */
export interface GazetteerForm {
  readonly words: readonly string[];
  readonly entry: GazetteerEntry;
  /**
   * The form is also a Danish word ("Skat" for the tax authority, "Andel", "Visa"): it names the entry only where a
   * capital says it is a name, mid-sentence.
   */
  readonly common?: boolean;
}

export interface Gazetteer {
  /** Surface forms indexed by their first word (exact case). */
  readonly formsByFirstWord: ReadonlyMap<string, readonly GazetteerForm[]>;
  /** Lowercased name or alias -> entry, for resolution. */
  readonly byKey: ReadonlyMap<string, GazetteerEntry>;
  /** "amerikansk", "amerikanske" -> "USA". */
  readonly countryByAdjective: ReadonlyMap<string, string>;
  /** Lowercased surname -> full name, for well-known people; ambiguous surnames are left out. */
  readonly personBySurname: ReadonlyMap<string, string>;
  /** Full name -> the country/organisation they are identified with. */
  readonly affiliationOf: ReadonlyMap<string, string>;
  readonly firstNames: ReadonlySet<string>;
  /** A Danish party's letter as written after a politician's name ("S", "V", "SF", "Ø") -> the party's entry. */
  readonly partyByLetter: ReadonlyMap<string, GazetteerEntry>;
}

const GAZETTEER_DIR = join(PROJECT_ROOT, 'data', 'gazetteers');

function dataLines(file: string): string[] {
  return readFileSync(join(GAZETTEER_DIR, file), 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '' && !line.startsWith('#'));
}

/** White space other than single spaces inside the text. */
const UNEVEN_WHITE_SPACE = /[^\S ]|\s\s|^\s|\s$/;

/** Splits a name into words the way the tokenizer would see them ("Det Hvide Hus" -> 3 words, "TV 2" -> 2). */
export function nameWords(name: string): string[] {
  // Most names have single spaces only: split on them without the expression.
  if (name === '') return [];
  return UNEVEN_WHITE_SPACE.test(name) ? name.split(/\s+/).filter(Boolean) : name.split(' ');
}

function buildGazetteer(): Gazetteer {
  const formsByFirstWord = new Map<string, GazetteerForm[]>();
  const byKey = new Map<string, GazetteerEntry>();
  const countryByAdjective = new Map<string, string>();
  const personBySurname = new Map<string, string>();
  const affiliationOf = new Map<string, string>();
  const ambiguousSurnames = new Set<string>();
  const partyByLetter = new Map<string, GazetteerEntry>();

  const addForms = (entry: GazetteerEntry, names: readonly string[], common: readonly string[] = []): void => {
    for (const surface of names) {
      const words = nameWords(surface);
      if (words.length === 0) continue;
      const list = formsByFirstWord.get(words[0]) ?? [];
      list.push(common.includes(surface) ? { words, entry, common: true } : { words, entry });
      formsByFirstWord.set(words[0], list);
      if (!byKey.has(surface.toLowerCase())) byKey.set(surface.toLowerCase(), entry);
    }
  };
  const entry = (
    name: string,
    kind: GazetteerKind,
    type: EntityType,
    tags: readonly string[] = [],
  ): GazetteerEntry => ({
    name,
    kind,
    type,
    media: tags.includes('media'),
    forum: tags.includes('forum'),
    court: tags.includes('court'),
    parent: tags.find((t) => t.startsWith('parent='))?.slice('parent='.length) ?? null,
  });

  for (const line of dataLines('countries.tsv')) {
    const [name, others = '', adjectives = ''] = line.split('\t');
    const e = entry(name, 'country', 'Government');
    addForms(e, [name, ...others.split('|').filter(Boolean)]);
    for (const stem of adjectives.split('|').filter(Boolean)) {
      countryByAdjective.set(stem, name);
      countryByAdjective.set(`${stem}e`, name);
    }
  }
  for (const line of dataLines('places.txt')) {
    const names = line
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
    addForms(entry(names[0], 'place', 'Place'), names);
  }
  for (const line of dataLines('organizations.tsv')) {
    const [name, type, others = '', tags = ''] = line.split('\t');
    const tagList = tags.split('|').filter(Boolean);
    const e = entry(name, 'organization', type as EntityType, tagList);
    const common = tagList.filter((t) => t.startsWith('common=')).map((t) => t.slice('common='.length));
    addForms(e, [name, ...others.split('|').filter(Boolean)], common);
    for (const tag of tagList) if (tag.startsWith('party=')) partyByLetter.set(tag.slice('party='.length), e);
  }
  for (const line of dataLines('leaders.tsv')) {
    const [name, affiliation] = line.split('\t');
    addForms(entry(name, 'person', 'Person'), [name]);
    affiliationOf.set(name, affiliation);
    const surname = nameWords(name).at(-1)!.toLowerCase();
    if (personBySurname.has(surname)) ambiguousSurnames.add(surname);
    personBySurname.set(surname, name);
  }
  for (const s of ambiguousSurnames) personBySurname.delete(s);
  // Longest forms first, so "Det Hvide Hus" is tried before a one-word form with the same first word.
  for (const list of formsByFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

  const firstNames = new Set<string>();
  for (const line of dataLines('first-names.txt')) for (const n of nameWords(line)) firstNames.add(n);

  return { formsByFirstWord, byKey, countryByAdjective, personBySurname, affiliationOf, firstNames, partyByLetter };
}

let cached: Gazetteer | undefined;

/** The gazetteer, read from data/gazetteers on first use (a few milliseconds) and shared afterwards. */
export function gazetteer(): Gazetteer {
  cached ??= buildGazetteer();
  return cached;
}
