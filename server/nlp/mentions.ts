// Finds entity mentions in cleaned sentences: announcement grammar, government phrases, gazetteers, titles, the NER tagger, capitalisation.
import type { EntityType, Section, Sentence } from '../model.ts';
import {
  COMPANY_NAME_ENDINGS,
  COURT_ENDINGS,
  ENGLISH_OF_NAME_HEADS,
  FINITE_AUXILIARIES,
  GOVERNMENT_COMPOUND_HEADS,
  GOVERNMENT_WORDS,
  INSTITUTION_ENDINGS,
  isLegalSuffix,
  isPersonTitle,
  isTradeWord,
  KIND_FIRST_NAMES,
  LEGAL_SUFFIXES,
  NAME_CONNECTORS,
  NEVER_NAMES,
  ORGANIZATION_WORDS,
  PLACE_NAME_PARTS,
  SHORT_NAME_ENDINGS,
  STATE_HEAD_TITLES,
  STATE_NOUNS,
} from './danish.ts';
import { type GazetteerEntry, type GazetteerForm, gazetteer, nameWords } from './gazetteer.ts';
import { isBareLegalForm, isEmptyName, subsidiaryParentKey } from './names.ts';
import { type AnnouncementFact, parseAnnouncement } from './navnenyt.ts';
import { type Token, tokenize } from './tokenizer.ts';

export type NerLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** A tagger span over character offsets of the sentence text. */
export interface NerSpan {
  readonly start: number;
  readonly end: number;
  readonly label: NerLabel;
}

/**
 * Tags one sentence (already tokenized) and returns its entity spans; `isCommonWord`, when the tagger has a lexicon,
 * says whether a lowercased word is a plain common word (never a name or name part in its training data).
 */
export type SentenceTagger = ((tokens: readonly Token[]) => NerSpan[]) & {
  readonly isCommonWord?: (lower: string) => boolean;
  /** Whether a lowercased word is unknown to the tagger's lexicon but as a possible organisation name. */
  readonly isUnknownWord?: (lower: string) => boolean;
};

export type MentionSource = 'announcement' | 'government' | 'gazetteer' | 'title' | 'tagger' | 'capitalised' | 'echo';

/** Where a mention sits and what the finding rule already knows about it. Offsets are into the sentence text. */
export interface Mention {
  readonly sentenceIndex: number;
  /** The section of the sentence (set when mention finding finishes). */
  readonly section?: Section;
  readonly start: number;
  readonly end: number;
  /** The surface form as written. */
  readonly text: string;
  readonly source: MentionSource;
  readonly label: NerLabel | null;
  /** Set when the rule that found the mention knows the type (announcements, government phrases, gazetteer). */
  readonly type?: EntityType;
  /** Canonical name the mention stands for ("den amerikanske regering" -> "USA"). */
  readonly canonical?: string;
  /** Forced stable id (institutions such as "det amerikanske handelsministerium"). */
  readonly id?: string;
  readonly gazetteer?: GazetteerEntry;
  /** For government institutions: the state they belong to. */
  readonly parent?: string;
  readonly court?: boolean;
  /** True for a country named as a place only ("i Japan"); decides Place vs Government per entity. */
  readonly locative?: boolean;
  /** Extra surface forms to keep as aliases ("handelsministeriet" for "det amerikanske handelsministerium"). */
  readonly aliases?: readonly string[];
  /** The sentence-start word of a run, kept only when the name is known elsewhere in the article. */
  readonly sentenceInitial?: boolean;
  /**
   * A single capitalised word that is no word the tagger's lexicon knows nor one the article writes in lowercase. At a
   * sentence start ("Wupti blev opkøbt af …") it is a name if what follows says what it is (typing's company
   * predicates); mid-sentence, if it is listed beside a company (typing's coordinatedWithBusiness).
   */
  readonly unfamiliar?: boolean;
  /** For 'echo' mentions: the mention whose name this repeats. */
  readonly echoOf?: Mention;
  /** Whether a person title ("præsident", "landechef") stands right before the mention. */
  readonly titled?: boolean;
  /** Not kept as an alias of its entity ("den kinesiske præsident" mentions Kina but is no name for it). */
  readonly silent?: boolean;
  /** For "den kinesiske præsident": the title word, so relations can link the following person to the state. */
  readonly headTitle?: string;
  /** A party letter after a name: "Troels Lund Poulsen (V)" mentions Venstre, and the person is a member. */
  readonly partyLetter?: boolean;
}

/** What mention finding hands on: mentions per sentence plus the parsed announcements. */
export interface MentionSet {
  readonly tokens: readonly (readonly Token[])[];
  readonly mentions: readonly Mention[];
  readonly announcements: ReadonlyMap<number, AnnouncementFact>;
}

// Priority of the finding rules when spans overlap: exact grammar beats lists beats statistics beats guesses.
const PRIORITY: Record<MentionSource, number> = {
  announcement: 100,
  government: 90,
  gazetteer: 80,
  title: 70,
  tagger: 60,
  echo: 55,
  capitalised: 40,
};

// Capitalised common nouns that open a sentence before a name ("Selskabet", "Datterselskabet", "Softwarehuset").
// Also the roles a company plays in a story ("Konkurrenten Nørreå Byg", "Kapitalfonden Nordkap Partners").
const COMMON_NOUN_START =
  /^\p{Lu}\p{Ll}+(?:selskabet|virksomheden|firmaet|huset|koncernen|producenten|giganten|leverandøren|bureauet|kæden|klubben|fonden|rederiet|operatøren|udbyderen|entreprenøren|platformen|tjenesten|forbundet|foreningen|organisationen)$|^(?:Selskabet|Virksomheden|Firmaet|Koncernen|Producenten|Giganten|Leverandøren|Nyhedsbureauet|Avisen|Mediet|Banken|Konkurrenten|Rivalen|Kunden|Ejeren|Køberen|Sælgeren|Investoren|Rederiet|Kæden|Fonden|Startuppen)$/u;

/** Lowercase particles inside personal names ("Pieter van Dam", "Ursula von der Leyen", "Lula da Silva"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'van',
  'von',
  'de',
  'der',
  'den',
  'da',
  'du',
  'la',
  'le',
  'del',
  'di',
]);

/** True when the particles from token j on ("van der") are followed by a capitalised name word. */
function particlesLeadToName(tokens: readonly Token[], j: number): boolean {
  let k = j;
  while (k < tokens.length && NAME_PARTICLES.has(tokens[k].text)) k++;
  return k < tokens.length && k - j <= 2 && isCapitalised(tokens[k].text);
}

/**
 * A capitalised compound naming what kind of firm the next name is ("Lyngby-virksomheden Nanolux ApS",
 * "Aarhus-firmaet X"): never part of the name, wherever it stands.
 */
const DESCRIPTOR_COMPOUND =
  /^\p{Lu}[\p{L}.]*-(?:virksomheden|selskabet|firmaet|koncernen|producenten|giganten|leverandøren|startuppen|kæden|banken|fonden|rederiet|huset|klubben|foreningen)$/u;

const OPENERS = new Set([':', '‘', '“', '"', '«', '»', '(', '-', '–', '—', '.', '?', '!', "'", '„', ';']);

export function isCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  // ASCII fast path: this runs for every token several times.
  if (c >= 65 && c <= 90) return true;
  if ((c >= 97 && c <= 122) || c < 48) return false;
  if (c <= 57) return /^\d+\p{Lu}/u.test(word);
  return c >= 128 && /^\p{Lu}/u.test(word);
}

/** Removes a Danish genitive: "Huaweis" -> "Huawei", "USA's"/"USA’s" -> "USA", "Mercedes'" -> "Mercedes". */
export function stripGenitive(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  // Fast exit: only words ending in s or an apostrophe can be genitives.
  if (last !== 0x73 && last !== 0x27 && last !== 0x2019) return word;
  if (/['’]s$/u.test(word)) return word.slice(0, -2);
  if (/[sxz]['’]$/u.test(word)) return word.slice(0, -1);
  if (/\p{L}{3,}s$/u.test(word) && !/ss$/u.test(word)) return word.slice(0, -1);
  // Two capitals and a genitive s: "FNs", "EUs", "DRs".
  if (/^\p{Lu}{2}s$/u.test(word)) return word.slice(0, -1);
  return word;
}

/** /^\p{Ll}/u.test(word), with the ASCII answer without the expression. */
function startsLowercase(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return /^\p{Ll}/u.test(word);
}

/** The last code units of the gazetteer's nationality adjectives ("k", "e"): other words need no lowercasing and lookup. */
let adjectiveEndings: Set<number> | undefined;
function mayBeCountryAdjective(word: string): boolean {
  adjectiveEndings ??= new Set([...gazetteer().countryByAdjective.keys()].map((a) => a.charCodeAt(a.length - 1)));
  let c = word.charCodeAt(word.length - 1);
  // Lowercasing changes the last character only for A-Z among ASCII; other characters are looked up in full.
  if (c >= 65 && c <= 90) c += 32;
  return c >= 128 || adjectiveEndings.has(c);
}

function isSentenceStart(tokens: readonly Token[], i: number): boolean {
  return i === 0 || OPENERS.has(tokens[i - 1].text);
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "handelsministeriet" -> "handelsministerium", "domstolen" -> "domstol": the indefinite form used in ids. */
export function institutionLemma(noun: string): string {
  const w = noun.toLowerCase();
  if (w.endsWith('iets')) return `${w.slice(0, -4)}ium`;
  if (w.endsWith('iet')) return `${w.slice(0, -3)}ium`;
  if (/(?:ene|erne)$/.test(w)) return w.replace(/(?:ene|erne)$/, '');
  if (/(?:domstole|myndigheder)$/.test(w)) return w.replace(/(?:e|er)$/, '');
  if (
    /(?:styrelsen|kommissionen|regeringen|ambassaden|efterretningstjenesten|anklagemyndigheden|myndigheden|domstolen|kongressen|højesteretten|byretten|landsretten|nationalbanken|centralbanken)$/.test(
      w,
    )
  )
    return w.replace(/en$/, '').replace(/(?<=[^e])$/, '');
  if (/(?:tilsynet|agenturet|parlamentet|senatet|politiet|departementet)$/.test(w)) return w.slice(0, -2);
  return w;
}

function endsWithInstitution(word: string): string | undefined {
  const w = word.toLowerCase();
  return INSTITUTION_ENDINGS.find((e) => w.endsWith(e));
}

// ---------------------------------------------------------------------------------------------------------------------
// The finding rules, one function each. Each returns mentions for one sentence.

function announcementMentions(sentenceIndex: number, fact: AnnouncementFact): Mention[] {
  const out: Mention[] = [];
  if (fact.person) {
    out.push({
      sentenceIndex,
      start: fact.person.start,
      end: fact.person.end,
      text: fact.person.text,
      source: 'announcement',
      label: 'PER',
      type: 'Person',
    });
  }
  if (fact.organization) {
    const words = nameWords(fact.organization.text).map((w) => w.toLowerCase());
    const type: EntityType =
      fact.kind === 'EDUCATED_AT' || words.some((w) => ORGANIZATION_WORDS.has(w))
        ? 'Organization'
        : words.some((w) => GOVERNMENT_WORDS.has(w))
          ? 'Government'
          : 'Company';
    out.push({
      sentenceIndex,
      start: fact.organization.start,
      end: fact.organization.end,
      text: fact.organization.text,
      source: 'announcement',
      label: 'ORG',
      type,
    });
  }
  if (fact.unit) {
    out.push({
      sentenceIndex,
      start: fact.unit.start,
      end: fact.unit.end,
      text: fact.unit.text,
      source: 'announcement',
      label: 'ORG',
      type: 'Company',
    });
  }
  return out;
}

/**
 * "den amerikanske regering", "De amerikanske myndigheder", "det kinesiske militær" -> the state itself;
 * "det amerikanske handelsministerium", "en amerikansk distriktsdomstol" -> an institution of that state;
 * "Trump-regeringen" -> the state the leader heads.
 */
function governmentMentions(sentenceIndex: number, text: string, tokens: readonly Token[]): Mention[] {
  const gaz = gazetteer();
  const out: Mention[] = text.includes('kommuner') ? sharedKindBodies(sentenceIndex, tokens) : [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].text;
    const capital = isCapitalised(word);
    const compound = capital && word.includes('-') ? /^(\p{Lu}[\p{L}.]*)-(\p{Ll}+)$/u.exec(word) : null;
    if (compound && GOVERNMENT_COMPOUND_HEADS.has(compound[2])) {
      const leader = gaz.personBySurname.get(compound[1].toLowerCase());
      const country = leader
        ? gaz.affiliationOf.get(leader)
        : gaz.byKey.get(compound[1].toLowerCase())?.kind === 'country'
          ? gaz.byKey.get(compound[1].toLowerCase())!.name
          : undefined;
      if (country && gaz.byKey.get(country.toLowerCase())?.kind === 'country') {
        out.push({
          sentenceIndex,
          start: tokens[i].start,
          end: tokens[i].end,
          text: word,
          source: 'government',
          label: 'ORG',
          type: 'Government',
          canonical: country,
          gazetteer: gaz.byKey.get(country.toLowerCase()),
        });
      }
      continue;
    }
    // "Kinas udenrigsministerium", "USA's handelsministerium": a state's institution named with the genitive.
    const owner =
      capital && word !== stripGenitive(word) ? gaz.byKey.get(stripGenitive(word).toLowerCase()) : undefined;
    if (
      owner?.kind === 'country' &&
      i + 1 < tokens.length &&
      /^\p{Ll}/u.test(tokens[i + 1].text) &&
      endsWithInstitution(tokens[i + 1].text) &&
      !STATE_NOUNS.has(tokens[i + 1].text.toLowerCase())
    ) {
      const noun = tokens[i + 1].text;
      const lemma = institutionLemma(noun);
      const surface = text.slice(tokens[i].start, tokens[i + 1].end);
      out.push({
        sentenceIndex,
        start: tokens[i].start,
        end: tokens[i + 1].end,
        text: surface,
        source: 'government',
        label: 'ORG',
        type: 'Government',
        canonical: surface,
        id: `government:${slug(owner.name)}-${slug(lemma)}`,
        parent: owner.name,
        court: COURT_ENDINGS.some((e) => noun.toLowerCase().endsWith(e)),
        aliases: [noun, lemma],
      });
      i += 1;
      continue;
    }
    const country = mayBeCountryAdjective(word) ? gaz.countryByAdjective.get(word.toLowerCase()) : undefined;
    if (!country || i + 1 >= tokens.length) continue;
    const countryEntry = gaz.byKey.get(country.toLowerCase());
    let j = i + 1;
    // One more adjective may sit between: "den amerikanske føderale regering".
    if (
      j + 1 < tokens.length &&
      /^\p{Ll}+e$/u.test(tokens[j].text) &&
      !STATE_NOUNS.has(tokens[j].text) &&
      !endsWithInstitution(tokens[j].text)
    )
      j++;
    const noun = tokens[j].text;
    const lowerNoun = noun.toLowerCase();
    // Also ministers and commissioners: "den svenske digitaliseringsminister Erik Slottner".
    if (
      (STATE_HEAD_TITLES.has(lowerNoun) ||
        /(?:minister|ministeren|kommissær|kommissæren|ambassadør|ambassadøren)$/u.test(lowerNoun)) &&
      j + 1 < tokens.length &&
      isCapitalised(tokens[j + 1].text)
    ) {
      // "den kinesiske præsident Xi Jinping": the adjective names the state the person heads.
      const article = i > 0 && /^(?:den|det)$/i.test(tokens[i - 1].text) ? tokens[i - 1] : undefined;
      const start = article ? article.start : tokens[i].start;
      out.push({
        sentenceIndex,
        start,
        end: tokens[j].end,
        text: text.slice(start, tokens[j].end),
        source: 'government',
        label: 'ORG',
        type: 'Government',
        canonical: country,
        gazetteer: countryEntry,
        silent: true,
        headTitle: lowerNoun,
      });
      i = j;
      continue;
    }
    const isState = STATE_NOUNS.has(lowerNoun);
    const institution = !isState ? endsWithInstitution(noun) : undefined;
    if (!isState && !institution) continue;
    if (!/^\p{Ll}/u.test(noun)) continue;
    const article = i > 0 && /^(?:den|det|de|en|et)$/i.test(tokens[i - 1].text) ? tokens[i - 1] : undefined;
    const start = article ? article.start : tokens[i].start;
    const surface = text.slice(start, tokens[j].end);
    const withoutArticle = text.slice(tokens[i].start, tokens[j].end);
    if (isState) {
      out.push({
        sentenceIndex,
        start,
        end: tokens[j].end,
        text: surface,
        source: 'government',
        label: 'ORG',
        type: 'Government',
        canonical: country,
        gazetteer: countryEntry,
        aliases: [withoutArticle],
      });
    } else {
      const lemma = institutionLemma(noun);
      // Indefinite articles are dropped from the name; a definite one belongs to it ("det amerikanske handelsministerium").
      const name =
        article && /^(?:den|det|de)$/i.test(article.text)
          ? `${article.text.toLowerCase()} ${withoutArticle}`
          : withoutArticle;
      const court = COURT_ENDINGS.some((e) => lowerNoun.endsWith(e));
      out.push({
        sentenceIndex,
        start,
        end: tokens[j].end,
        text: surface,
        source: 'government',
        label: 'ORG',
        type: 'Government',
        canonical: name,
        id: `government:${slug(country)}-${slug(lemma)}`,
        parent: country,
        court,
        aliases: [withoutArticle, noun, lemma],
      });
    }
    i = j;
  }
  return out;
}

const NO_FORMS: readonly GazetteerForm[] = [];

/** Gazetteer names, including genitives ("Huaweis", "USA's") and compound prefixes ("Huawei-sanktioner", "G20-møde"). */
/** "Nordisk-direktør" for "Nordisk": the word, a hyphen and a lowercase part. */
function isCompoundOf(token: string, word: string): boolean {
  return (
    token.length > word.length + 1 &&
    token.charCodeAt(word.length) === 45 &&
    token.startsWith(word) &&
    /^\p{Ll}/u.test(token.slice(word.length + 1))
  );
}

function gazetteerMentions(sentenceIndex: number, text: string, tokens: readonly Token[]): Mention[] {
  const gaz = gazetteer();
  const out: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].text;
    let matched = false;
    // "Danmarks" may start "Danmarks Radio" or be the genitive of "Danmark": try both readings.
    const stripped = stripGenitive(word);
    const exact = gaz.formsByFirstWord.get(word);
    const genitive = stripped !== word ? gaz.formsByFirstWord.get(stripped) : undefined;
    const forms = exact && genitive ? [...exact, ...genitive] : (exact ?? genitive ?? NO_FORMS);
    for (const form of forms) {
      const n = form.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      // "Novo Nordisk-direktør": a name of several words compounded with a title at its last word.
      let compounded = false;
      for (let k = 0; k < n && ok; k++) {
        const t = tokens[i + k].text;
        ok = t === form.words[k] || (k === n - 1 && stripGenitive(t) === form.words[k]);
        if (!ok && k === n - 1 && n > 1 && isCompoundOf(t, form.words[k])) ok = compounded = true;
      }
      if (!ok) continue;
      // "Skat på arv", "Andel i overskuddet": at a sentence start the capital says nothing; inside a run of capitals
      // ("Omegns Andels Electricitetsforsyning") the word is part of another name.
      if (
        form.common &&
        (isSentenceStart(tokens, i) ||
          (i > 0 && isCapitalised(tokens[i - 1].text) && !isSentenceStart(tokens, i - 1)) ||
          isCapitalised(tokens[i + n]?.text ?? ''))
      )
        continue;
      const end = compounded ? tokens[i + n - 1].start + form.words[n - 1].length : tokens[i + n - 1].end;
      const prev = i > 0 ? tokens[i - 1].text.toLowerCase() : '';
      // "Region Nordjylland" is the region (a Government body named after the place), not the place.
      if (form.entry.type === 'Place' && i > 0 && tokens[i - 1].text === 'Region') continue;
      // "Aalborg Portland", "Silkeborg Data": a town's name opening a longer name is no mention of the town (not
      // "København K", "Aarhus Øst", nor a genitive "Aarhus' borgmester").
      if (form.entry.kind === 'place' && !compounded && namesOnAfterPlace(tokens, i + n)) continue;
      // "Mette Greve", "Søren Hammel": a town's name after a first name is a surname.
      if (form.entry.kind === 'place' && i > 0 && gaz.firstNames.has(tokens[i - 1].text)) continue;
      // "i Japan" is a location; "i USA's …" (genitive) is not, and "pres fra USA" or "eksport til Kina" name an actor.
      // … and so is a country listed right after one: "datterselskaber i Norge og Finland".
      const listedAfterLocative =
        (prev === 'og' || prev === ',' || prev === 'eller') &&
        out.at(-1)?.locative === true &&
        out.at(-1)?.end === tokens[i - 2]?.end;
      const locative =
        form.entry.kind === 'country' &&
        n === 1 &&
        word === form.words[0] &&
        (prev === 'i' || prev === 'på' || listedAfterLocative);
      out.push({
        sentenceIndex,
        start: tokens[i].start,
        end,
        text: text.slice(tokens[i].start, end),
        source: 'gazetteer',
        label: form.entry.type === 'Person' ? 'PER' : form.entry.type === 'Place' ? 'LOC' : 'ORG',
        type: form.entry.type,
        canonical: form.entry.name,
        gazetteer: form.entry,
        locative,
        ...(form.entry.parent ? { parent: form.entry.parent } : {}),
        ...(form.entry.court ? { court: true } : {}),
      });
      i += n - 1;
      matched = true;
      break;
    }
    if (matched) continue;
    // Compound prefix: "Huawei-forbud" mentions Huawei.
    const dash = word.indexOf('-');
    if (dash > 0) {
      const prefix = word.slice(0, dash);
      const entry = gaz.formsByFirstWord.get(prefix)?.find((f) => f.words.length === 1)?.entry;
      if (entry && entry.kind !== 'person') {
        out.push({
          sentenceIndex,
          start: tokens[i].start,
          end: tokens[i].start + dash,
          text: prefix,
          source: 'gazetteer',
          label: entry.type === 'Place' ? 'LOC' : 'ORG',
          type: entry.type,
          canonical: entry.name,
          gazetteer: entry,
          ...(entry.parent ? { parent: entry.parent } : {}),
        });
      }
    }
  }
  return out;
}

/** True when the word at `next` goes on with a name after a place: capitalised, mid-sentence, not a place part. */
function namesOnAfterPlace(tokens: readonly Token[], next: number): boolean {
  const t = tokens[next];
  if (
    !t ||
    tokens[next - 1].end !== t.start - 1 ||
    !/^\p{Lu}\p{Ll}/u.test(t.text) ||
    PLACE_NAME_PARTS.has(t.text.toLowerCase())
  )
    return false;
  // A first name after a place starts a person ("i Aarhus Lars Hansen …" is rare; "Herning Kommune" is handled as a
  // body by the government rules before this).
  return !gazetteer().firstNames.has(t.text);
}

/** The plural kind nouns that follow a list of local bodies' names, and the name each body gets. */
const SHARED_KIND_PLURALS: ReadonlyMap<string, (name: string) => string> = new Map([
  ['kommuner', (name) => `${name} Kommune`],
  ['kommunerne', (name) => `${name} Kommune`],
]);

/**
 * "Assens og Faaborg-Midtfyn kommuner", "Aarhus, Odense og Aalborg kommuner": names listed before a plural kind noun
 * are the bodies of that kind ("Assens Kommune", …), not the towns.
 */
function sharedKindBodies(sentenceIndex: number, tokens: readonly Token[]): Mention[] {
  const out: Mention[] = [];
  for (let k = 2; k < tokens.length; k++) {
    const named = SHARED_KIND_PLURALS.get(tokens[k].text);
    if (!named || !isCapitalised(tokens[k - 1].text)) continue;
    // Walk back over "X, Y og Z": names with "," or "og" between them.
    const names = [k - 1];
    let j = k - 2;
    while (j >= 1 && (tokens[j].text === ',' || tokens[j].text === 'og') && isCapitalised(tokens[j - 1].text)) {
      names.unshift(j - 1);
      j -= 2;
    }
    // A list of two or more, joined by "og" somewhere: "Assens og Faaborg-Midtfyn kommuner".
    if (names.length < 2 || !tokens.slice(names[0], k).some((t) => t.text === 'og')) continue;
    for (const n of names) {
      const word = tokens[n].text;
      out.push({
        sentenceIndex,
        start: tokens[n].start,
        end: tokens[n].end,
        text: word,
        source: 'government',
        label: 'ORG',
        type: 'Government',
        canonical: named(word),
      });
    }
  }
  return out;
}

/**
 * A party letter in brackets right after a name, as Danish papers write politicians: "Mette Frederiksen (S)",
 * "Pia Olsen Dyhr (SF)", and the older abbreviations ("Hans Engell (kons.)"). The letter alone says nothing; in brackets after a capitalised word it names the party.
 */
function partyLetterMentions(sentenceIndex: number, tokens: readonly Token[]): Mention[] {
  const parties = gazetteer().partyByLetter;
  const out: Mention[] = [];
  for (let i = 1; i + 2 < tokens.length; i++) {
    if (tokens[i].text !== '(' || !isCapitalised(tokens[i - 1].text)) continue;
    // "(S)", "(kons.)", and the abbreviation the tokenizer split from its full stop: "(soc .)".
    const dotted = tokens[i + 2].text === '.' && tokens[i + 3]?.text === ')';
    if (tokens[i + 2].text !== ')' && !dotted) continue;
    const t = tokens[i + 1];
    const end = dotted ? tokens[i + 2].end : t.end;
    const party = parties.get(dotted ? `${t.text}.` : t.text);
    if (!party) continue;
    out.push({
      sentenceIndex,
      start: t.start,
      end,
      text: dotted ? `${t.text}.` : t.text,
      source: 'gazetteer',
      label: 'ORG',
      type: party.type,
      canonical: party.name,
      gazetteer: party,
      partyLetter: true,
      silent: true,
    });
  }
  return out;
}

/** Capitalised words after a person title are a person: "præsident Donald Trump", "landechef, Ren Ke,". */
function titledPersonMentions(sentenceIndex: number, text: string, tokens: readonly Token[]): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    // The capital test first: it is cheaper than the title lookup and rules out names mid-sentence.
    if ((isCapitalised(tokens[i].text) && i > 0 && !isSentenceStart(tokens, i)) || !isPersonTitle(tokens[i].text))
      continue;
    let j = i + 1;
    if (tokens[j].text === ',') j++;
    const first = j;
    while (
      j < tokens.length &&
      j - first < 5 &&
      ((isCapitalised(tokens[j].text) && !NEVER_NAMES.has(tokens[j].text) && !isLegalSuffix(tokens[j].text)) ||
        // "Pieter van Dam": a particle inside the name, never at its ends.
        (j > first && NAME_PARTICLES.has(tokens[j].text) && particlesLeadToName(tokens, j)))
    )
      j++;
    if (j === first) continue;
    // A person's name is at most four words and never a country or organisation listed in the gazetteer.
    const name = text.slice(tokens[first].start, tokens[j - 1].end);
    const entry = gazetteer().byKey.get(stripGenitive(name).toLowerCase());
    if (entry && entry.kind !== 'person') continue;
    out.push({
      sentenceIndex,
      start: tokens[first].start,
      end: tokens[j - 1].end,
      text: name,
      source: 'title',
      label: 'PER',
      titled: true,
    });
    i = j - 1;
  }
  return out;
}

/**
 * A name that starts with a digit: "3F", "3Shape", "3F's". It opens a run like a capitalised word; typing keeps it only
 * where the context says what it is ("fagforbundet 3F"), so "5G" or "3D" alone name nothing.
 */
const DIGIT_LED_NAME = /^\d{1,2}\p{Lu}\p{L}*(?:'s|’s)?$/u;

/** Runs of capitalised words that no other rule explains; typed later from context, or dropped. */
function capitalisedMentions(sentenceIndex: number, text: string, tokens: readonly Token[]): Mention[] {
  const out: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i].text) && !DIGIT_LED_NAME.test(tokens[i].text)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j].text;
      if ((isCapitalised(t) || DIGIT_LED_NAME.test(t)) && !NEVER_NAMES.has(t)) {
        j++;
        continue;
      }
      if (isLegalSuffix(t) || (/^\d+$/.test(t) && j - i <= 2)) {
        j++;
        continue;
      }
      if (
        NAME_CONNECTORS.has(t) &&
        t !== 'for' &&
        t !== 'af' &&
        j + 1 < tokens.length &&
        isCapitalised(tokens[j + 1].text)
      ) {
        j += 2;
        continue;
      }
      break;
    }
    // "Byretten i Aalborg", "Retten i Glostrup", "Aarhus Kommune": a court or body named by its seat.
    if (
      /(?:retten|domstolen|tinget)$/iu.test(tokens[j - 1].text) &&
      j + 1 < tokens.length &&
      tokens[j].text === 'i' &&
      isCapitalised(tokens[j + 1].text)
    )
      j += 2;
    let start = i;
    const initial = isSentenceStart(tokens, i);
    // Mid-sentence "Den"/"Det", a sentence-start function word or a capitalised common noun ("Selskabet Nordlys
    // ApS") is not part of the name; what follows it is read as if mid-sentence.
    while (
      start < j &&
      (NEVER_NAMES.has(tokens[start].text) ||
        (j - start > 1 && DESCRIPTOR_COMPOUND.test(tokens[start].text)) ||
        (start === i && initial && j - i > 1 && COMMON_NOUN_START.test(tokens[start].text)))
    )
      start++;
    if (start < j) {
      const startsAtSentenceStart = start === i && initial;
      out.push({
        sentenceIndex,
        start: tokens[start].start,
        end: tokens[j - 1].end,
        text: text.slice(tokens[start].start, tokens[j - 1].end),
        source: 'capitalised',
        label: null,
        sentenceInitial: startsAtSentenceStart,
      });
    }
    i = j;
  }
  return out;
}

function taggerMentions(
  sentenceIndex: number,
  text: string,
  spans: readonly NerSpan[],
  tokens: readonly Token[],
): Mention[] {
  return spans.flatMap(splitAtLink(tokens)).map((s) => {
    const start = afterCommonNoun(s, tokens);
    return {
      sentenceIndex,
      start,
      end: s.end,
      text: text.slice(start, s.end),
      source: 'tagger' as const,
      label: s.label,
    };
  });
}

/**
 * Lowercase words that never stand inside a name: a tagger span across one is two names ("X hos Y A/S", "Kunderne hos
 * Skanlog tæller Lindholm Data": a finite verb between two names).
 */
const NEVER_INSIDE_NAMES: ReadonlySet<string> = new Set([
  'hos',
  'ifølge',
  'blandt',
  'samt',
  'via',
  'mens',
  'men',
  ...FINITE_AUXILIARIES,
  'blev',
  'bliver',
  'tæller',
  'køber',
  'købte',
  'ejer',
  'ejede',
  'sælger',
  'solgte',
  'leverer',
  'overtager',
  'overtog',
  'siger',
  'sagde',
]);

/** The last word of a venue's name: "Vestre Stadion", "Solvang Arena", "Jyske Bank Boxen", "Sjørring Hallen". */
export const VENUE_NAME_END = /^(?:Stadion|Stadium|Arena|Hallen|Hal|Park|Parken|Boxen|Idrætspark|Idrætscenter)$/u;

/** Prepositions inside names only before a place ("Retten i Glostrup", "Kinas ambassade i Danmark"). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['i', 'på', 'fra', 'til']);

/**
 * Splits a tagger span that runs over a link between two names: a word no name holds ("Norden hos Cloudnær A/S"), or a
 * preposition before a firm or an institution rather than a place ("Leveso i Beskæftigelsesministeriet"). Both parts
 * must start with a capital, so "Center for Proteindesign" and "Kinas ambassade i Danmark" stay whole.
 */
function splitAtLink(tokens: readonly Token[]): (span: NerSpan) => NerSpan[] {
  return (span) => {
    const first = tokens.findIndex((t) => t.start === span.start);
    if (first < 0) return [span];
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1].end <= span.end) last++;
    for (let k = first + 1; k < last; k++) {
      const link = tokens[k].text;
      // "Vestre Stadion i Kystby": a venue and the town it stands in are two places.
      const venue = PLACE_PREPOSITIONS.has(link) && VENUE_NAME_END.test(tokens[k - 1].text);
      const breaks =
        NEVER_INSIDE_NAMES.has(link) ||
        venue ||
        (PLACE_PREPOSITIONS.has(link) &&
          (isLegalSuffix(tokens[last].text) || endsWithInstitution(tokens[last].text) !== undefined));
      if (!breaks || !isCapitalised(tokens[k - 1].text) || !isCapitalised(tokens[k + 1].text)) continue;
      const head: NerSpan = venue
        ? { ...span, end: tokens[k - 1].end, label: 'LOC' }
        : { ...span, end: tokens[k - 1].end };
      const tail: NerSpan = venue
        ? { ...span, start: tokens[k + 1].start, label: 'LOC' }
        : { ...span, start: tokens[k + 1].start };
      return [head, ...splitAtLink(tokens)(tail)];
    }
    return [span];
  };
}

/**
 * Names written with a shared ending ("Sø- og Handelsretten", "Udviklings- og Forenklingsstyrelsen"): a mention right
 * after a capitalised word ending in a hyphen and "og"/"eller" starts at that word, and mentions of the hyphenated
 * word alone are dropped.
 */
function joinHyphenCoordination(candidates: readonly Mention[], text: string, tokens: readonly Token[]): Mention[] {
  const starts = new Map<number, number>();
  for (let i = 2; i < tokens.length; i++) {
    const link = tokens[i - 1].text;
    const part = tokens[i - 2].text;
    if ((link === 'og' || link === 'eller') && part.length > 2 && part.endsWith('-') && isCapitalised(part))
      starts.set(tokens[i].start, tokens[i - 2].start);
  }
  if (starts.size === 0) return [...candidates];
  const joined = candidates.map((m) => {
    const start = starts.get(m.start);
    return start === undefined ? m : { ...m, start, text: text.slice(start, m.end) };
  });
  const heads = new Set(starts.values());
  // The hyphenated word alone (the tagger's or capitalisation's "Sø-") names nothing once its name is joined.
  return joined.filter((m) => !(heads.has(m.start) && text[m.end - 1] === '-'));
}

/**
 * "ledes af Pieter van der Lind": a person's name with lowercase particles inside, which the tagger may cut into two
 * people ("Pieter", "Lind"). Two person spans with only one or two particles between them are one name.
 */
function joinParticleNames(candidates: readonly Mention[], text: string, tokens: readonly Token[]): Mention[] {
  if (!tokens.some((t) => NAME_PARTICLES.has(t.text))) return [...candidates];
  const people = candidates.filter((m) => m.label === 'PER').sort((a, b) => a.start - b.start);
  const joined: Mention[] = [];
  const gone = new Set<Mention>();
  for (let k = 0; k + 1 < people.length; k++) {
    const a = people[k];
    const b = people[k + 1];
    const between = tokens.filter((t) => t.start >= a.end && t.end <= b.start);
    if (between.length === 0 || between.length > 2 || !between.every((t) => NAME_PARTICLES.has(t.text))) continue;
    if (between[0].start !== a.end + 1 || text.slice(a.end, b.start).trim() !== between.map((t) => t.text).join(' '))
      continue;
    joined.push({ ...a, end: b.end, text: text.slice(a.start, b.end) });
    gone.add(a).add(b);
  }
  return joined.length === 0 ? [...candidates] : [...candidates.filter((m) => !gone.has(m)), ...joined];
}

/**
 * Where a span's name starts once a capitalised common noun opening the sentence is left out ("Sportstøjsfirmaet
 * Skarv Sport" -> "Skarv Sport"), as capitalisedMentions does; the span's own start otherwise.
 */
function afterCommonNoun(span: { start: number; end: number }, tokens: readonly Token[]): number {
  const i = tokens.findIndex((t) => t.start === span.start);
  if (i < 0 || i + 1 >= tokens.length || tokens[i + 1].start >= span.end || !isCapitalised(tokens[i + 1].text))
    return span.start;
  const descriptor =
    DESCRIPTOR_COMPOUND.test(tokens[i].text) || (isSentenceStart(tokens, i) && COMMON_NOUN_START.test(tokens[i].text));
  if (!descriptor) return span.start;
  return tokens[i + 1].start;
}

// ---------------------------------------------------------------------------------------------------------------------

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A two-word run of a listed company and a country, each matched by the lists on its own ("Visma Danmark"). */
function isNationalUnitOfListed(c: Mention, kept: readonly Mention[]): boolean {
  const words = nameWords(c.text);
  if (words.length !== 2 || subsidiaryParentKey(c.text) === null) return false;
  const clashes = kept.filter((k) => overlaps(k, c));
  const company = clashes.find(
    (k) => k.start === c.start && k.gazetteer?.kind === 'organization' && k.type === 'Company',
  );
  if (!company || nameWords(company.text).length !== 1) return false;
  return clashes.every(
    (k) => k === company || (k.end === c.end && k.gazetteer?.kind === 'country' && nameWords(k.text).length === 1),
  );
}

/**
 * "Golfens Samarbejdsråd (GCC)", "Styrelsen for It og Læring (STIL)": an abbreviation in brackets right after a name
 * is another name of it, when it starts with the first letter of one of the name's words. It takes the name as its
 * canonical name, so that resolution makes one entity of the two. `mentions` are in text order.
 */
function nameAbbreviations(mentions: Mention[], text: string): Mention[] {
  for (let i = 1; i < mentions.length; i++) {
    const a = mentions[i - 1];
    const b = mentions[i];
    if (b.canonical || b.type || a.type === 'Person' || a.label === 'PER' || !ABBREVIATION.test(b.text)) continue;
    if (!/^\s*\(\s*$/u.test(text.slice(a.end, b.start)) || !/^\s*\)/u.test(text.slice(b.end))) continue;
    const words = nameWords(a.text);
    if (words.length < 2 || !words.some((w) => w[0] === b.text[0])) continue;
    mentions[i] = { ...b, canonical: a.canonical ?? a.text };
  }
  return mentions;
}

const ABBREVIATION = /^\p{Lu}[\p{Lu}\d&-]{1,6}$/u;

/** "University of Edinburgh", "Bank of England": a kind word, "of", and what it is of. */
export function isEnglishOfName(words: readonly string[]): boolean {
  return words.length >= 3 && words[1] === 'of' && ENGLISH_OF_NAME_HEADS.has(words[0].toLowerCase());
}

/**
 * Two-word names that open with a listed name, which the list alone would cut short: a listed company and a trade
 * word ("Jysk Fiber", "Ørsted Data": a business of its own, as "Novo Holdings" is not Novo) and a place in the genitive
 * and a common noun ("Sjællands Bredbånd", "Danmarks Radio"; not "Kinas Xi", whose second word is a name). The run
 * then stands as the tagger's organisation, and the listed word inside it is dropped.
 */
function namesBuiltOnListedWord(
  candidates: readonly Mention[],
  isCommonWord: ((lower: string) => boolean) | undefined,
): Mention[] {
  let out: Mention[] | null = null;
  for (const c of candidates) {
    if (c.source !== 'capitalised') continue;
    // The listed word first: most capitalised runs open with none, and their words need not be read.
    const listed = candidates.find((g) => g.start === c.start && g.source === 'gazetteer' && g.end < c.end);
    if (!listed) continue;
    const words = nameWords(c.text);
    if (words.length !== 2 || nameWords(listed.text).length !== 1) continue;
    const second = words[1].toLowerCase();
    const kind = listed.gazetteer?.kind;
    const builtOn =
      kind === 'organization'
        ? listed.type === 'Company' && isTradeWord(second)
        : /s$/u.test(listed.text) &&
          listed.type === 'Place' &&
          isCommonWord?.(second) === true &&
          !gazetteer().firstNames.has(words[1]);
    if (!builtOn) continue;
    out ??= [...candidates];
    out.splice(out.indexOf(listed), 1);
    out.splice(out.indexOf(c), 1, { ...c, source: 'tagger', label: 'ORG' });
  }
  return out ?? (candidates as Mention[]);
}

/** Keeps the best of overlapping mentions: higher-priority rule first, then the longer span. */
function selectMentions(candidates: readonly Mention[]): Mention[] {
  const ranked = [...candidates].sort(
    (a, b) => PRIORITY[b.source] - PRIORITY[a.source] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Mention[] = [];
  for (const c of ranked) {
    const clash = kept.find((k) => overlaps(k, c));
    if (!clash) {
      kept.push(c);
      continue;
    }
    // "Direktør Anders Kolding": a titled person whose surname is a listed place is the person, not the place.
    if (
      c.source === 'title' &&
      clash.source === 'gazetteer' &&
      clash.type === 'Place' &&
      c.start < clash.start &&
      clash.end <= c.end &&
      kept.filter((k) => overlaps(k, c)).length === 1
    ) {
      kept.splice(kept.indexOf(clash), 1, c);
      continue;
    }
    // "Visma Danmark", "Microsoft Norge": a listed company's national unit is a company of its own (PART_OF the
    // parent), not the parent followed by a country.
    if (c.source === 'capitalised' && isNationalUnitOfListed(c, kept)) {
      for (const k of kept.filter((k) => overlaps(k, c))) kept.splice(kept.indexOf(k), 1);
      // As the tagger would read it: a sentence-initial run is kept only with the tagger's (or a rule's) support.
      kept.push({ ...c, source: 'tagger', label: 'ORG' });
      continue;
    }
    // "University of Edinburgh", "Bank of England": the whole name beats the tagger's and the place list's pieces of
    // it ("University", "England"), unless a piece is a listed organisation.
    if (c.source === 'capitalised' && isEnglishOfName(nameWords(c.text))) {
      const clashes = kept.filter((k) => overlaps(k, c));
      if (
        clashes.every(
          (k) =>
            c.start <= k.start &&
            k.end <= c.end &&
            (k.source === 'tagger' || (k.source === 'gazetteer' && k.gazetteer?.kind !== 'organization')),
        )
      ) {
        for (const k of clashes) kept.splice(kept.indexOf(k), 1);
        kept.push(c);
        continue;
      }
    }
    // "Region Syddanmark", "Vejle Kommune": the body named after a place, though the tagger marked the place inside;
    // "Ravnsborg IT A/S": a company whose legal form ends the run, though the tagger split it in two; "Isefjord FC",
    // "Aarhus Universitet": a club or body whose kind word ends the run, though the tagger kept only part of it.
    if (
      clash.source === 'tagger' &&
      c.source === 'capitalised' &&
      c.start <= clash.start &&
      c.end >= clash.end &&
      c.end - c.start > clash.end - clash.start
    ) {
      const words = nameWords(c.text);
      const last = words[words.length - 1];
      const clashes = kept.filter((k) => overlaps(k, c));
      const inside = clashes.every((k) => k.source === 'tagger' && c.start <= k.start && c.end >= k.end);
      // "Pieter van Dam": a name particle joins what the tagger may have cut at it.
      const particle = words.some((w) => NAME_PARTICLES.has(w));
      if (
        words[0] === 'Region' ||
        GOVERNMENT_WORDS.has(last.toLowerCase()) ||
        (inside && (isLegalSuffix(last) || particle || ORGANIZATION_WORDS.has(last.toLowerCase())))
      ) {
        if (inside) for (const k of clashes) kept.splice(kept.indexOf(k), 1);
        else kept.splice(kept.indexOf(clash), 1);
        kept.push(c);
        continue;
      }
    }
    // A longer company/university name from the tagger or capitalisation beats a place inside it ("Norriq Danmark A/S", "Aarhus University").
    if (
      clash.source === 'gazetteer' &&
      clash.gazetteer?.kind !== 'organization' &&
      c.start <= clash.start &&
      c.end >= clash.end &&
      c.end - c.start > clash.end - clash.start
    ) {
      const words = nameWords(c.text);
      const last = words[words.length - 1];
      // "Visma Danmark", "Google Norge": a company's national unit, when the first word is no listed name.
      const nationalUnit =
        c.source === 'capitalised' &&
        !c.sentenceInitial &&
        clash.end === c.end &&
        words.length === 2 &&
        clash.gazetteer?.kind === 'country' &&
        !gazetteer().formsByFirstWord.has(words[0]);
      if (
        isLegalSuffix(last) ||
        ORGANIZATION_WORDS.has(last.toLowerCase()) ||
        GOVERNMENT_WORDS.has(last.toLowerCase()) ||
        c.label === 'ORG' ||
        /(?:retten|domstolen|tinget)$/iu.test(words[0]) ||
        nationalUnit
      ) {
        kept.splice(kept.indexOf(clash), 1, c);
      }
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * True for a candidate that can name nothing: only control characters, backticks or punctuation, or a legal form left
 * alone ("… og A/S", "GmbH" opening a line). Dropped before overlaps are settled, so that such a span (the tagger's)
 * never hides the name it belongs to ("Kessler Lufttechnik GmbH"). A listed name is the gazetteer's to judge.
 */
function namesNothing(m: Mention): boolean {
  return !m.gazetteer && (isEmptyName(m.text) || isBareLegalForm(m.text) || DEGREES.has(m.text));
}

/** Degrees written as capitals, which the tagger and the capital runs take for names: "en MBA fra INSEAD". */
const DEGREES: ReadonlySet<string> = new Set([
  'MBA',
  'EMBA',
  'HD',
  'PhD',
  'Ph.d.',
  'Ph.D.',
  'BSc',
  'MSc',
  'LLM',
  'MPA',
  'HA',
]);

function insideAny(m: { start: number; end: number }, spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((s) => m.start >= s.start && m.end <= s.end);
}

/**
 * "Mette Greve … Greve kommer fra Ørsted": a town's name the article also uses as a person's surname is the person
 * where it stands alone (echoMentions then finds it as the surname).
 */
function dropTownsThatAreSurnames(selected: Mention[][]): void {
  const surnames = new Set<string>();
  for (const list of selected)
    for (const m of list) {
      if (m.label !== 'PER' && m.type !== 'Person') continue;
      const words = nameWords(m.text);
      if (words.length >= 2) surnames.add(stripGenitive(words[words.length - 1]));
    }
  if (surnames.size === 0) return;
  for (let k = 0; k < selected.length; k++)
    selected[k] = selected[k].filter(
      (m) => !(m.source === 'gazetteer' && m.gazetteer?.kind === 'place' && surnames.has(stripGenitive(m.text))),
    );
}

/** Names repeated elsewhere in the article: sentence-initial words, genitives, surname-only and all-caps forms. */
function echoMentions(
  sentences: readonly Sentence[],
  tokens: readonly (readonly Token[])[],
  selected: Mention[][],
): void {
  // Index the names the first pass found with confidence, by lowercased word form.
  const byWord = new Map<string, Mention>();
  for (const list of selected) {
    for (const m of list) {
      if (m.source === 'capitalised' && m.sentenceInitial) continue;
      const words = nameWords(m.text);
      if (m.source === 'capitalised' && words.length > 1) continue;
      const full = stripGenitive(m.text).toLowerCase();
      if (!byWord.has(full)) byWord.set(full, m);
      if (m.type === 'Person' || m.label === 'PER') {
        if (words.length >= 2) {
          const surname = words[words.length - 1].toLowerCase();
          if (!byWord.has(surname)) byWord.set(surname, m);
        }
      }
      // "Pensionskassen Nordlys", "Rederiet Skagerak": a business named by its kind first is called by the rest.
      if (words.length === 2 && KIND_FIRST_NAMES.has(words[0].toLowerCase()) && !byWord.has(words[1].toLowerCase()))
        byWord.set(words[1].toLowerCase(), m);
      // "Norriq Danmark A/S" may be called "Norriq" or "NORRIQ", "Skyvane Technologies" "Skyvane".
      const last = words[words.length - 1];
      if (
        words.length >= 2 &&
        (isLegalSuffix(last) ||
          (SHORT_NAME_ENDINGS.has(last.toLowerCase()) && m.label !== 'PER' && m.type !== 'Person')) &&
        words[0].length >= 4 &&
        !byWord.has(words[0].toLowerCase())
      ) {
        byWord.set(words[0].toLowerCase(), m);
      }
    }
  }
  const gaz = gazetteer();
  for (let s = 0; s < sentences.length; s++) {
    const list = selected[s];
    const text = sentences[s].text;
    for (const t of tokens[s]) {
      // A legal form repeats no name, though a "person" ending in one ("Kessler GmbH" as PER) lists it as a surname.
      if (!isCapitalised(t.text) || isLegalSuffix(t.text)) continue;
      const key = stripGenitive(t.text).toLowerCase();
      let source = byWord.get(key) ?? byWord.get(t.text.toLowerCase());
      // A bare capitalised word is weaker evidence than the list of well-known people ("Trumps" -> Donald Trump).
      if (source?.source === 'capitalised' && gaz.personBySurname.has(key)) source = undefined;
      // Surname of a well-known person: "Trump" -> "Donald Trump" even before the full name appears.
      const blocking = list.find((m) => overlaps(m, t));
      if (
        !source &&
        gaz.personBySurname.has(key) &&
        (!blocking || (blocking.source === 'capitalised' && blocking.start === t.start && blocking.end === t.end))
      ) {
        if (blocking) list.splice(list.indexOf(blocking), 1);
        const full = gaz.personBySurname.get(key)!;
        const entry = gaz.byKey.get(full.toLowerCase());
        if (entry) {
          list.push({
            sentenceIndex: s,
            start: t.start,
            end: t.end,
            text: t.text,
            source: 'echo',
            label: 'PER',
            type: 'Person',
            canonical: full,
            gazetteer: entry,
          });
          continue;
        }
      }
      if (!source) continue;
      const existing = list.find((m) => overlaps(m, t));
      // A longer mid-sentence run ("Visma Danmark") is a name of its own, not a repetition of "Visma".
      // A sentence-initial run is replaced only by a name it starts with ("Trump siger" yes, "Byretten i Aalborg" no).
      if (
        existing &&
        (existing.source !== 'capitalised' ||
          existing === source ||
          (!existing.sentenceInitial && existing.end - existing.start !== t.end - t.start) ||
          (existing.sentenceInitial && existing.start !== t.start))
      )
        continue;
      if (existing) list.splice(list.indexOf(existing), 1);
      list.push({
        sentenceIndex: s,
        start: t.start,
        end: t.end,
        text: text.slice(t.start, t.end),
        source: 'echo',
        label: source.label,
        echoOf: source,
        ...(source.type ? { type: source.type } : {}),
      });
    }
    list.sort((a, b) => a.start - b.start);
  }
}

/** A one-word tagger span at a sentence start that the article elsewhere writes in lowercase ("Sortlisten"/"sortlisten"). */
const DEFINITE_ENDING = /(?:en|et|ne|ens|ets|nes)$/u;
const HYPHEN_LOWERCASE = /-\p{Ll}/u;

/** One word, in no lexicon and never written lowercase in the article (isUnknownWord is the tagger's). */
function isUnfamiliarWord(
  text: string,
  isUnknownWord: (lower: string) => boolean,
  lowercaseWords: () => ReadonlySet<string>,
): boolean {
  // A definite or genitive noun ("Styrelsen", "Konservatoriets", "Brix-fonden") is a reference, not a name.
  // A lowercase part after a hyphen ("Bunker-museum") is a compound noun, not a name either.
  if (
    text.includes(' ') ||
    text.length < 3 ||
    NEVER_NAMES.has(text) ||
    DEFINITE_ENDING.test(text) ||
    HYPHEN_LOWERCASE.test(text)
  )
    return false;
  const lower = text.toLowerCase();
  return isUnknownWord(lower) && !lowercaseWords().has(lower);
}

function isCommonWordAtStart(m: Mention, tokens: readonly Token[], lowercaseWords: () => ReadonlySet<string>): boolean {
  const i = tokens.findIndex((t) => t.start === m.start);
  if (i < 0 || !isSentenceStart(tokens, i) || tokens[i].end !== m.end) return false;
  return NEVER_NAMES.has(m.text) || lowercaseWords().has(m.text.toLowerCase());
}

/**
 * Whether the statistical tagger can add anything: not for announcement sentences the grammar parsed (their
 * names come from the grammar, their titles and duties are protected), nor for sentences whose every capital past a
 * function word stands in a name the rules are sure of. The tagger is the costliest step, so this matters for speed.
 */
function taggingNeed(
  tokens: readonly Token[],
  fact: AnnouncementFact | null,
  ruled: readonly Mention[],
  capitalised: readonly Mention[],
  lowercaseWords: () => ReadonlySet<string>,
  isCommonWord: ((lower: string) => boolean) | undefined,
): 'tag' | 'covered' | 'none' {
  if (fact) return 'none';
  let capitals = false;
  /** The capitalised runs the rules are sure of (computed at the first capital that needs them). */
  let sure: Mention[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isCapitalised(t.text) || (i === 0 && NEVER_NAMES.has(t.text))) continue;
    // A word opening the sentence that the article also writes in lowercase ("Omsætningen", "Markedet") is a
    // common word: the tagger's span of it alone would be dropped (isCommonWordAtStart).
    // So is one the tagger's lexicon knows only as a common word ("Analytikere", "Aktien"), unless a capital follows
    // it (the start of a longer name, "Danske Bank").
    if (isSentenceStart(tokens, i)) {
      const lower = t.text.toLowerCase();
      if (lowercaseWords().has(lower)) continue;
      if (isCommonWord?.(lower) && !isCapitalised(tokens[i + 1]?.text ?? '')) continue;
    }
    capitals = true;
    // A capital inside a name the lists or the grammar already hold, or inside a run that ends in a legal form
    // ("Ravnsborg IT A/S", which beats the tagger's pieces of it), leaves the tagger nothing to add there.
    sure ??= capitalised.filter((m) => endsInLegalForm(m.text) || isFirstNameSurname(m.text));
    const covered =
      ruled.some((m) => m.start <= t.start && t.end <= m.end) || sure.some((m) => m.start <= t.start && t.end <= m.end);
    if (!covered) return 'tag';
  }
  return capitals ? 'covered' : 'none';
}

/**
 * "Magnus Bisgaard", "Anne Marie Holt": two or three plain capitalised words led by a listed first name, none of them a
 * kind word ("Kommune", "Fond") or a legal form. The tagger reads such a run as a person (and typing does without it).
 */
function isFirstNameSurname(text: string): boolean {
  const words = nameWords(text);
  if (words.length < 2 || words.length > 3 || !gazetteer().firstNames.has(words[0])) return false;
  return words.every((w) => {
    const lower = w.toLowerCase();
    return (
      /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(w) &&
      !ORGANIZATION_WORDS.has(lower) &&
      !GOVERNMENT_WORDS.has(lower) &&
      !COMPANY_NAME_ENDINGS.has(lower) &&
      !gazetteer().byKey.has(lower)
    );
  });
}

function endsInLegalForm(text: string): boolean {
  // Mention texts are single-spaced runs: the last word without splitting the name.
  const at = text.lastIndexOf(' ');
  return at > 0 && isLegalSuffix(text.slice(at + 1));
}

/**
 * Finds mentions sentence by sentence, then a second pass over the article adds repeated names.
 * Inside announcement titles, degrees and duties only gazetteer places and names already found count.
 */
export function detectMentions(sentences: readonly Sentence[], tagger: SentenceTagger | null): MentionSet {
  const tokens: Token[][] = [];
  const selected: Mention[][] = [];
  const announcements = new Map<number, AnnouncementFact>();
  const protectedBySentence: { start: number; end: number }[][] = [];
  const allTokens = sentences.map((sentence) => tokenize(sentence.text));
  // Words the article also writes in lowercase are common words, whatever the tagger says at a sentence start.
  // Gathered on first use: only a one-word tagger span at a sentence start asks.
  let lowercase: Set<string> | undefined;
  const lowercaseWords = (): ReadonlySet<string> => {
    if (!lowercase) {
      lowercase = new Set();
      for (const toks of allTokens) for (const t of toks) if (startsLowercase(t.text)) lowercase.add(t.text);
    }
    return lowercase;
  };
  for (const sentence of sentences) {
    const s = sentence.index;
    const text = sentence.text;
    const toks = allTokens[s];
    tokens.push(toks);
    const fact = sentence.section === 'people-news' ? parseAnnouncement(text) : null;
    if (fact) announcements.set(s, fact);
    const protectedSpans = fact ? fact.protectedSpans : [];
    protectedBySentence.push([...protectedSpans]);
    const ruled: Mention[] = [
      ...(fact ? announcementMentions(s, fact) : []),
      ...governmentMentions(s, text, toks),
      ...gazetteerMentions(s, text, toks),
      ...partyLetterMentions(s, toks),
      ...titledPersonMentions(s, text, toks),
    ];
    let capitalised = capitalisedMentions(s, text, toks);
    const isUnknownWord = tagger?.isUnknownWord;
    if (isUnknownWord)
      capitalised = capitalised.map((m) =>
        isUnfamiliarWord(m.text, isUnknownWord, lowercaseWords) ? { ...m, unfamiliar: true } : m,
      );
    const tagging = tagger ? taggingNeed(toks, fact, ruled, capitalised, lowercaseWords, tagger.isCommonWord) : 'none';
    // Where the rules hold every name but companies written with their legal form, those runs stand in for the
    // tagger's spans of them (it tags them ORG), so resolution weighs them as it would the tagger's.
    if (tagging === 'covered')
      capitalised = capitalised.map((m) =>
        endsInLegalForm(m.text)
          ? { ...m, source: 'tagger', label: 'ORG' }
          : isFirstNameSurname(m.text)
            ? { ...m, source: 'tagger', label: 'PER' }
            : m,
      );
    let candidates: Mention[] = [
      ...ruled,
      ...(tagger && tagging === 'tag'
        ? taggerMentions(s, text, tagger(toks), toks).filter((m) => !isCommonWordAtStart(m, toks, lowercaseWords))
        : []),
      ...capitalised,
    ];
    candidates = joinParticleNames(joinHyphenCoordination(candidates, text, toks), text, toks).filter(
      (m) => !namesNothing(m),
    );
    if (capitalised.length > 0) candidates = namesBuiltOnListedWord(candidates, tagger?.isCommonWord);
    if (protectedSpans.length > 0) {
      candidates = candidates.filter(
        (m) =>
          !insideAny(m, protectedSpans) ||
          (m.source === 'gazetteer' && (m.type === 'Place' || m.gazetteer?.kind === 'country')),
      );
    }
    selected.push(nameAbbreviations(selectMentions(candidates), text));
  }
  dropTownsThatAreSurnames(selected);
  echoMentions(sentences, tokens, selected);
  const mentions = selected.flat().map((m) => ({ ...m, section: sentences[m.sentenceIndex].section }));
  return { tokens, mentions, announcements };
}

export { LEGAL_SUFFIXES, slug as nameSlug };
