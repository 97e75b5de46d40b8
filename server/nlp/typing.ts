// Typing: turns PER/ORG/LOC/MISC mentions into Person | Company | Government | Organization | Place from context, or drops them.
import type { EntityType } from '../model.ts';
import {
  CLUB_LETTERS,
  COMPANY_CUE_NOUNS,
  COMPANY_NAME_ENDINGS,
  DEFINITE_BODY_ENDINGS,
  DEGREE_CUE,
  ENGLISH_OF_NAME_HEADS,
  FIRM_NAME_ENDINGS,
  FUNCTION_WORDS,
  GOVERNMENT_WORDS,
  INVESTING_VERBS,
  isLegalSuffix,
  isPersonTitle,
  isTradeWord,
  MEDIA_CUE_NOUNS,
  NEVER_NAMES,
  ORGANIZATION_KIND_FIRST,
  ORGANIZATION_WORDS,
  PLACE_NAME_PARTS,
  SHORT_NAME_ENDINGS,
  SPORTS_CUE,
} from './danish.ts';
import { isTypoOf } from './fuzzy.ts';
import { type GazetteerEntry, gazetteer, nameWords } from './gazetteer.ts';
import {
  isCapitalised,
  isEnglishOfName,
  type Mention,
  type MentionSet,
  stripGenitive,
  VENUE_NAME_END,
} from './mentions.ts';
import { subsidiaryParentKey } from './names.ts';
import type { Token } from './tokenizer.ts';

export interface TypedMention extends Mention {
  readonly type: EntityType;
  /** True when context marks it as a news medium ("nyhedsbureauet Reuters") or the gazetteer lists it as one. */
  readonly media: boolean;
  /** 0..1: how sure the typing is (gazetteer/grammar high, capitalisation guesses low). */
  readonly confidence: number;
  /** What decided the type: a rule that knows it, the words in and around the name, or the tagger label alone. */
  readonly evidence: TypeEvidence;
}

export type TypeEvidence = 'fixed' | 'context' | 'label';

// Sentence-initial words that are names of public bodies by their form ("Byretten i Aalborg gav …",
// "Konkurrenceankenævnet har …", "Statsrevisorerne besluttede …"; not the bare kind noun "Nævnet", "Politiet").
const INSTITUTION_NAME =
  /^\p{Lu}\p{Ll}+(?:retten|ministeriet|styrelsen|tilsynet|domstolen|tinget|rådet)$|^\p{Lu}\p{Ll}{3,}(?:nævnet|revisionen|revisorerne|ombudsmanden|myndigheden|kommissionen|politiet|forvaltningen)$|^(?:Højesteret|Folketinget|Retten)$/u;
/** A body's name in the genitive at a sentence start ("Finansforbundets næstformand …", "Energistyrelsens direktør"). */
const GENITIVE_BODY = new RegExp(String.raw`^\p{Lu}\p{Ll}{2,}(?:${DEFINITE_BODY_ENDINGS.join('|')})s$`, 'u');
// Compound endings: Danish writes a body's kind as the last part of one word ("Konkurrenceankenævnet",
// "Rigsrevisionen", "Hjemmeværnet"), as do Swedish, Norwegian and German names in Danish news
// ("Integritetsskyddsmyndigheten", "Bundespatentgericht", "Ferienhausverband").
const GOVERNMENT_SUFFIX =
  /(?:ministeriet|ministerium|styrelsen|tilsynet|domstolen|kommissionen|retten|politiet|myndigheden|myndigheten|nævnet|revisionen|revisorerne|ombudsmanden|værnet|forvaltningen|gericht|gerichtshof)$/u;
const LOCATIVE: ReadonlySet<string> = new Set(['i', 'på', 'ved', 'fra']);
/** Prepositions before "finske Sampo" in business news ("opkøbt af", "aftale med", "solgt til"). */
const NATIONALITY_LEADS: ReadonlySet<string> = new Set(['af', 'med', 'hos', 'til', 'fra', 'mod', 'for', 'og']);

/** Verbs whose object, named right after them, is a business: bought, taken over or sold. */
const TRADED_OBJECT_VERBS: ReadonlySet<string> = new Set([
  'køber',
  'købte',
  'købt',
  'opkøber',
  'opkøbte',
  'opkøbt',
  'overtager',
  'overtog',
  'overtaget',
  'sælger',
  'solgte',
  'solgt',
  'frasælger',
  'frasolgte',
  'frasolgt',
  // What is owned by name: "har ejet Lagerdata siden 2019".
  'ejer',
  'ejede',
  'ejet',
]);
const BOUGHT_PREDICATE =
  /^(?:(?:blev|er blevet|bliver|er)\s+(?:[\p{L}\d]+\s+){0,3}?(?:opkøbt|overtaget|børsnoteret|afnoteret|solgt|frasolgt)\s+(?:af|på|til)|(?:opkøbes|overtages|sælges|frasælges|børsnoteres)\s+(?:af|på|til))(?:\s|$)/u;

/**
 * What a business does and a person hardly does, said right after its name: hires, raises money, wins a contract,
 * reports its turnover, goes bankrupt ("Wupti har ansat 40 nye medarbejdere", "Peakon henter 250 mio. kr.").
 */
const COMPANY_PREDICATE =
  /^(?:(?:har|havde)\s+(?:nu\s+|netop\s+|i år\s+|siden\s+\S+\s+)?(?:ansat\s+\d[\d.,]*|ansat\s+(?:en\s+)?(?:ny|nye)\b|(?:tidligere\s+|også\s+)?investeret\s+(?:\d[\d.,]*|i)|(?:hentet|rejst)\s+(?:\d[\d.,]*|(?:nye\s+)?penge\b|(?:ny\s+)?kapital\b)|vundet\s+(?:en\s+|et\s+)?(?:\p{Ll}+\s+)?(?:kontrakt|udbud|ordre)|omsat\s+for|afskediget|fyret\s+\d[\d.,]*|nedlagt\s+\d[\d.,]*|åbnet\s+(?:et\s+)?(?:nyt\s+)?kontor|indgået\s+(?:en\s+)?(?:\p{Ll}+\s+)?(?:aftale|kontrakt|partnerskab)|lanceret)|(?:(?:er\s+blevet|blev|bliver|er)\s+valgt\s+som\s+(?:ny\s+)?\S*leverandør)|(?:ansætter\s+(?:\d|nye?\b)|investerer\s+(?:\d[\d.,]*|i)|(?:henter|rejser)\s+(?:\d[\d.,]*|(?:nye\s+)?penge\b|(?:ny\s+)?kapital\b)|omsatte\s+for|fyrer\s+\d[\d.,]*|afskediger|nedlægger\s+\d[\d.,]*|lancerer|vinder\s+(?:en\s+|et\s+)?(?:\p{Ll}+\s+)?(?:kontrakt|udbud|ordre)|er\s+gået\s+konkurs|går\s+konkurs|gik\s+konkurs|er\s+erklæret\s+konkurs)|(?:er|var|bliver|har\s+været)\s+(?:(?:også|nu|fortsat|stadig)\s+)?(?:(?:en|den|et)\s+)?(?:af\s+)?(?:de\s+)?(?:\p{Ll}+\s+){0,2}(?:stor)?kunde(?:r)?\s+hos|står\s+(?:også\s+)?på\s+kundelisten|(?:er|var|bliver)\s+(?:(?:også|nu)\s+)?(?:en\s+af|blandt)\s+(?:\S+\s+){1,3}(?:stor)?kunder)(?:\s|$)/u;

// "Bestyrelsen" (a board) ends like a government agency ("-styrelsen") but is none.
const BOARD = /bestyrelsen?$/u;
const ORGANIZATION_SUFFIX =
  /(?:universitet|universitetet|universiteter|forening|foreningen|forbund|forbundet|verband|fonden|fondet|fond|akademi|akademiet|instituttet|organisation|organisationen|hospital|hospitalet|sygehus|sygehuset|skolen|skole|museum|museet|teater|teatret|teaterhus|teaterhuset|bibliotek|biblioteket|orkester|orkestret|arbejdsgiverne|alliance|alliancen)$/u;

/** Most names the word memo holds; names repeat across articles, but a huge input must not grow it without limit. */
const WORDS_MEMO_MAX = 100_000;
const wordsMemo = new Map<string, readonly string[]>();

/** The words of a name (nameWords), remembered and read-only: typing asks for the words of a mention several times. */
function wordsOf(name: string): readonly string[] {
  let words = wordsMemo.get(name);
  if (words === undefined) {
    if (wordsMemo.size > WORDS_MEMO_MAX) wordsMemo.clear();
    wordsMemo.set(name, (words = nameWords(name)));
  }
  return words;
}

/** A single-word gazetteer name; `order` is its place in the gazetteer, so the first match wins as in a plain scan. */
interface TypoCandidate {
  readonly form: string;
  readonly entry: GazetteerEntry;
  readonly order: number;
}

/**
 * Single-word gazetteer names by first letter, then by length: a typo of at most two edits (isTypoOf) changes the
 * length by at most two, so a word is compared only with names of nearly its length.
 */
let typoIndex: Map<string, Map<number, TypoCandidate[]>> | undefined;
function gazetteerTypoMatch(word: string): GazetteerEntry | undefined {
  if (!typoIndex) {
    typoIndex = new Map();
    let order = 0;
    for (const [first, forms] of gazetteer().formsByFirstWord) {
      for (const f of forms) {
        // Five-letter names are too close to other real names to read a typo into them ("Cosco" is not "Cisco").
        // Nor are towns and districts: a firm named near one ("Nordhav" beside "Nordhavn") is no misspelt place.
        if (f.words.length !== 1 || first.length < 6 || f.common || f.entry.kind === 'place') continue;
        const key = first[0].toLowerCase();
        let byLength = typoIndex.get(key);
        if (!byLength) typoIndex.set(key, (byLength = new Map()));
        const length = first.toLowerCase().length;
        const list = byLength.get(length) ?? [];
        list.push({ form: first, entry: f.entry, order: order++ });
        byLength.set(length, list);
      }
    }
  }
  const byLength = typoIndex.get(word[0]?.toLowerCase() ?? '');
  if (!byLength) return undefined;
  // isTypoOf compares lowercased forms: lengths are those of the lowercased word and names.
  const length = word.toLowerCase().length;
  let best: TypoCandidate | undefined;
  for (let n = length - 2; n <= length + 2; n++) {
    for (const c of byLength.get(n) ?? []) {
      if (best && c.order >= best.order) break;
      if (isTypoOf(word, c.form)) {
        best = c;
        break;
      }
    }
  }
  return best?.entry;
}

// Lowercase nouns before a name that make it a company: "softwarehus Visma", "chipmaskinproducenten ASML".
const COMPANY_CUE_ENDING =
  /(?:producent|producenten|virksomhed|virksomheden|selskab|selskabet|firma|firmaet|huset|hus|giganten|gigant|koncern|koncernen|leverandør|leverandøren|kæden|startup|startuppen|bureauet|platformen|tjenesten|kapitalfonden|investeringsfonden|venturefonden|kapitalforvalter|kapitalforvalteren|butik|butikken|forretning|forretningen|kæde|rederi|rederiet|(?<!central)bank|(?<!central)banken|pengeinstitut|pengeinstituttet|sparekasse|sparekassen|pensionskasse|pensionskassen|bryggeri|bryggeriet|fabrik|fabrikken|værft|værftet|operatør|operatøren|webshop|webshoppen|forlag|forlaget|grossist|grossisten|detailhandler|detailhandleren|scaleup|scaleuppen|konkurrent|konkurrenten|rival|rivalen|tilbudsgiver|tilbudsgiveren|budgiver|budgiveren)$/u;

// A capital or venture fund ("kapitalfonden Nordkap Partners") is a company, not a foundation.
const ORGANIZATION_CUE_ENDING =
  /(?:foreningen|klub|klubben|organisationen|forbundet|fagforeningen|tænketanken|universitetet|instituttet|akademiet|alliancen|netværket|(?<!kapital|investerings|venture|equity-)fonden|ngo'en|sammenslutningen|brancheorganisationen|interesseorganisationen)$/u;
const GOVERNMENT_CUE_ENDING =
  /(?:myndigheden|styrelsen|ministeriet|tilsynet|kommunen|regionen|domstolen|agenturet|staten|delstat|provinsen)$/u;

function followingWords(tokens: readonly Token[], end: number, n: number): string[] {
  const i = tokens.findIndex((t) => t.start >= end);
  return i < 0 ? [] : tokens.slice(i, i + n).map((t) => t.text);
}

/**
 * "Myntbro ApS har …", "Isefjord FC vandt …", "Region Midtjylland har …": a sentence-initial run of two or more words is
 * a name when its legal form or its kind word (club, association, university, region) says so.
 */
function namedByItsKind(text: string): boolean {
  const words = wordsOf(text);
  if (words.length < 2) return false;
  const last = words[words.length - 1].toLowerCase();
  if (words.slice(1).some(isLegalSuffix) || ORGANIZATION_WORDS.has(last) || ORGANIZATION_SUFFIX.test(last)) return true;
  // Ended by a trade word: "Vestjysk Sparekasse har …", "Nordlys Energi vil …", "Kattegat Data er …".
  if (isTradeWord(last) || SAVINGS_BANK_WORDS.has(last)) return true;
  // Led by its kind: "Region Midtjylland har …", "Regionen Hovedstaden", "Institut Pasteur", "Kommune Qeqqata".
  const first = words[0].toLowerCase();
  return GOVERNMENT_WORDS.has(first) || ORGANIZATION_WORDS.has(first);
}

/** Words before a name where a business, not a place, is spoken of: "kunderne hos Norden", "aktier i … af Norden". */
const BUSINESS_CONTEXT_BEFORE: ReadonlySet<string> = new Set(['hos', 'af', 'med', 'for', 'og']);

/** Sentence-initial words that open a clause, not a name: "At Fiskeriministeriet nu …", "Både Netto og …". */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  'nu',
  'her',
  'da',
  'så',
  'når',
  'hvis',
  'men',
  'også',
  'derfor',
  'både',
  'hverken',
  'ifølge',
  'mens',
  'selv',
  'blandt',
  'allerede',
  'især',
  'kun',
  'dog',
  'heller',
]);

/**
 * "Steppe Logistics står …", "Fynske Sølvtrykkeri blev …": a sentence-initial run of two or more words whose later
 * words are capitalised mid-sentence is a name, unless its first word opens a clause. Its type still needs context.
 */
function openedByName(text: string): boolean {
  const words = wordsOf(text);
  return words.length >= 2 && !CLAUSE_OPENERS.has(words[0].toLowerCase());
}

/** Nouns a business has, after its name in the genitive: "Lindholm Datas kunder", "Nordvigs aktiekurs". */
const BUSINESS_GENITIVE_NOUNS: ReadonlySet<string> = new Set([
  'kunde',
  'kunder',
  'kunderne',
  'aktionærer',
  'aktionærerne',
  'aktie',
  'aktier',
  'aktiekurs',
  'omsætning',
  'overskud',
  'underskud',
  'regnskab',
  'årsregnskab',
  'leverandør',
  'leverandører',
  'produkter',
  'datterselskab',
  'datterselskaber',
  'hovedkontor',
  'hovedsæde',
]);

/** Savings and cooperative banks, named by their kind last ("Vestjysk Sparekasse", "Frørup Andelskasse"). */
const SAVINGS_BANK_WORDS: ReadonlySet<string> = new Set(['sparekasse', 'sparekassen', 'andelskasse', 'andelskassen']);

/** "Mette Kirk siger …": a sentence-initial run of two or three words led by a known first name is a person. */
function startsWithFirstName(text: string): boolean {
  const words = wordsOf(text);
  return (
    words.length >= 2 &&
    words.length <= 3 &&
    gazetteer().firstNames.has(words[0]) &&
    words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))
  );
}

function previousWord(tokens: readonly Token[], start: number, skipCommas = true): string | undefined {
  let k = tokens.findIndex((t) => t.start >= start) - 1;
  if (k < -1) k = tokens.length - 1;
  while (skipCommas && k >= 0 && tokens[k].text === ',') k--;
  return k >= 0 ? tokens[k].text : undefined;
}

/** The `n`th token before `start` (1: the one right before), commas included. */
function wordBefore(tokens: readonly Token[], start: number, n: number): string | undefined {
  const k = tokens.findIndex((t) => t.start >= start);
  return tokens[(k < 0 ? tokens.length : k) - n]?.text;
}

/** Nouns of deals made "med" a party: "aftale", "kontrakten", "samarbejdsaftale", "partnerskab". */
const DEAL_NOUN = /(?:aftale|aftalen|kontrakt|kontrakten|samarbejde|samarbejdet|partnerskab|partnerskabet)$/u;

/** "undersøgelse af", "efterforskningen af", "hackerangrebet på", "ransomwareangreb på". */
const INQUIRED_OR_ATTACKED =
  /^(?:undersøgelse(?:n)?|efterforskning(?:en)?|granskning(?:en)?|(?:hacker|cyber|ransomware|it-|dos-|ddos-|løsesums)angreb(?:et)?)$/u;

/** Nouns of a takeover, before "af" and what is taken over. */
const ACQUISITION_NOUNS: ReadonlySet<string> = new Set([
  'køb',
  'købet',
  'opkøb',
  'opkøbet',
  'overtagelse',
  'overtagelsen',
  'erhvervelse',
  'erhvervelsen',
  'frasalg',
  'frasalget',
]);

/** Shares and stakes, whose holder of record ("aktierne i X") is a company. */
const SHARE_NOUNS: ReadonlySet<string> = new Set([
  'aktier',
  'aktierne',
  'aktiemajoriteten',
  'aktieposten',
  'aktiekapitalen',
  'ejerandel',
  'ejerandelen',
  'kapitalandel',
  'kapitalandelen',
  'minoritetspost',
  'majoritetspost',
  'stemmerettighederne',
]);

/** Verbs of putting money into something, found a few words before its "i" ("investeret 50 mio. kr. i"). */
const INVESTING: ReadonlySet<string> = new Set(INVESTING_VERBS);
/** How many words before the "i" an investing verb may stand ("investeret 50 mio. kr. i": the verb 5 words back). */
const INVESTED_REACH = 6;

/** True when one of `verbs` stands within `reach` words before the preposition that precedes `start`, in one clause. */
function verbBeforePreposition(
  tokens: readonly Token[],
  start: number,
  verbs: ReadonlySet<string>,
  reach: number,
): boolean {
  const k = tokens.findIndex((t) => t.start >= start);
  const at = (k < 0 ? tokens.length : k) - 1;
  for (let i = at - 1; i >= 0 && i >= at - reach; i--) {
    const w = tokens[i].text.toLowerCase();
    if (verbs.has(w) || (verbs === INVESTING && w === 'ind' && tokens[i - 1]?.text === 'sig')) return true;
    if (w === '.' || w === ';' || w === ',') return false;
  }
  return false;
}

/** True when an investing verb stands within INVESTED_REACH words before the "i" that precedes `start`. */
function investedInBefore(tokens: readonly Token[], start: number): boolean {
  return verbBeforePreposition(tokens, start, INVESTING, INVESTED_REACH);
}

/** "lagt it-driften ud til X", "flytte sin drift til X", "overlade it-supporten til X". */
function handedOver(tokens: readonly Token[], start: number): boolean {
  const out = wordBefore(tokens, start, 2) === 'ud';
  const noun = (out ? wordBefore(tokens, start, 3) : wordBefore(tokens, start, 2))?.toLowerCase() ?? '';
  if (!SERVICE_NOUN.test(noun)) return false;
  const owner = wordBefore(tokens, start, out ? 4 : 3)?.toLowerCase() ?? '';
  return out || noun.startsWith('it-') || owner === 'sin' || owner === 'sit' || owner === 'sine';
}

/** Services a business hands to another ("driften", "it-driften", "lønadministrationen", "supportopgaverne"). */
const SERVICE_NOUN =
  /^(?:\p{Ll}+-)?(?:\p{Ll}*drift(?:en)?|\p{Ll}*opgave(?:n|r|rne)?|support(?:en)?|hosting(?:en)?|\p{Ll}*udvikling(?:en)?|vedligehold\p{Ll}*|\p{Ll}*administration(?:en)?)$/u;

/** The last word of a newspaper's name. */
const MEDIA_NAME_ENDING =
  /(?:tidende|avis|avisen|posten|dagblad|dagbladet|folkeblad|bladet|aktuelt|ugebrev|\smedier|\s(?:radio|times|post|journal|tribune|herald|gazette|zeitung|news))$/iu;

/** A relative clause of supplying or making right after a name: ", der har leveret", ", som udvikler". */
const RELATIVE_BUSINESS =
  /^,\s+(?:der|som)\s+(?:(?:har|havde|også|i dag|siden \d{4})\s+){0,2}(?:leveret|leverer|leverede|udvikler|udviklet|udviklede|producerer|produceret|producerede|fremstiller|fremstillet|driver|drevet|drev)\s/u;

/** One-word company names built as a definite trade's house: "Kodeværket", "Datahuset", "Kaffekompagniet". */
const TRADE_HOUSE =
  /^\p{Lu}\p{Ll}{2,}(?:værket|huset|kompagniet|bryggeriet|rederiet|værftet|fabrikken|mejeriet|bageriet)$/u;

/** Verbs of selling, whose "til" names the buyer: "har solgt sin færgerute mellem A og B til Molslinjen". */
const SELLING: ReadonlySet<string> = new Set([
  'sælger',
  'solgte',
  'solgt',
  'sælge',
  'frasælger',
  'frasolgte',
  'frasolgt',
  'afhænder',
  'afhændede',
  'afhændet',
]);
/** The selling verbs of a sale done. */
const SOLD: ReadonlySet<string> = new Set(['solgte', 'solgt', 'frasolgte', 'frasolgt', 'afhændede', 'afhændet']);
/** How many words before the "til" a selling verb may stand (the thing sold and its places lie between). */
const SOLD_REACH = 8;

function startsLowercase(word: string): boolean {
  return /^\p{Ll}/u.test(word);
}

/** True when the only token before `start` is the sentence's first ("Kapitalfonden X har …"). */
function opensSentence(tokens: readonly Token[], start: number): boolean {
  return tokens.findIndex((t) => t.start >= start) === 1;
}

/**
 * True when a definite company noun stands right before the name, in the sentence or opening it: "Rederiet Norden",
 * "selskabet Jylland" (a bare "startup" or "hus" before a place is no such cue).
 */
function namedAsCompany(m: Mention, tokens: readonly Token[]): boolean {
  const prevWord = previousWord(tokens, m.start, false);
  if (prevWord === undefined || !(startsLowercase(prevWord) || opensSentence(tokens, m.start))) return false;
  const cue = prevWord.toLowerCase();
  return /(?:et|en)$/u.test(cue) && (COMPANY_CUE_NOUNS.has(cue) || COMPANY_CUE_ENDING.test(cue));
}

/**
 * A town named as a player's club in a sports story: after "Name fra" ("Torben Piechnik fra Liverpool") or apposed to a
 * name in a list ("Lars Elstrup, Luton, og …").
 */
function namedAsClub(m: Mention, tokens: readonly Token[]): boolean {
  if (m.gazetteer ? m.gazetteer.kind !== 'place' : m.label !== 'LOC') return false;
  const i = tokens.findIndex((t) => t.start === m.start);
  if (i < 2 || !isCapitalised(tokens[i - 2].text)) return false;
  const before = tokens[i - 1].text;
  const after = tokens[i + 1]?.text;
  if (before !== 'fra' && !(before === ',' && (after === ',' || after === 'og'))) return false;
  return SPORTS_CUE.test(
    tokens
      .map((t) => t.text)
      .join(' ')
      .toLowerCase(),
  );
}

/** The type of a mention found without a known type, from its own words and its neighbours. */
function typeFromContext(
  m: Mention,
  tokens: readonly Token[],
): { type: EntityType; confidence: number; media: boolean; evidence: TypeEvidence } | null {
  const words = wordsOf(m.text);
  // "Sønderå HK's": the genitive ending is no part of the kind word.
  const lowerWords = words.map((w) => w.toLowerCase().replace(/['’]s$/u, ''));
  const last = lowerWords[lowerWords.length - 1];
  const prevWord = previousWord(tokens, m.start);
  const prev = prevWord?.toLowerCase();
  // "styrelsen X", "kapitalfonden X": a lowercase noun before a name says what it is; a name before it ("kontorchef i
  // Digitaliseringsstyrelsen Marie Winther") says nothing of the name after it.
  const cueBefore =
    prevWord !== undefined && (startsLowercase(prevWord) || opensSentence(tokens, m.start)) ? prev : undefined;
  const prevNoComma = previousWord(tokens, m.start, false)?.toLowerCase();
  const media = prev !== undefined && MEDIA_CUE_NOUNS.has(prev);
  if (words.every((w) => NEVER_NAMES.has(w))) return null;
  // "Vestre Stadion", "Solvang Arena": a venue is a place (a Company only by its legal form).
  if (words.length >= 2 && VENUE_NAME_END.test(words[words.length - 1]))
    return { type: 'Place', confidence: 0.75, media: false, evidence: 'context' };
  // "Center for Proteindesign", "Institut for Psykologi": a Danish research body named "<kind> for <field>".
  if (words.length >= 3 && words[1] === 'for' && DANISH_FOR_NAME_HEADS.has(words[0]))
    return { type: 'Organization', confidence: 0.8, media: false, evidence: 'context' };
  if (isEnglishOfName(words)) {
    const type = ENGLISH_OF_NAME_HEADS.get(words[0].toLowerCase())!;
    return { type, confidence: 0.85, media: false, evidence: 'context' };
  }
  // (… also in the genitive: "Nordhav Equitys køb af …".)
  const lastBase = last.endsWith('s') ? last.slice(0, -1) : last;
  if (
    words.some(isLegalSuffix) ||
    COMPANY_NAME_ENDINGS.has(last) ||
    (words.length > 1 && (isTradeWord(last) || SHORT_NAME_ENDINGS.has(lastBase) || FIRM_NAME_ENDINGS.has(lastBase)))
  )
    return { type: 'Company', confidence: 0.9, media, evidence: 'context' };
  // (… and a sports club by its letters: "SC Rheinwald", "AC Milan".)
  if (
    lowerWords.some((w) => ORGANIZATION_WORDS.has(w)) ||
    ORGANIZATION_SUFFIX.test(last) ||
    // "Brancheforeningen Grøn Mobilitet", "Fagforbundet Prosa": the kind opens the name.
    (words.length > 1 && ORGANIZATION_KIND_FIRST.test(lowerWords[0])) ||
    (words.length > 1 && lowerWords.some((w) => CLUB_LETTERS.has(w)))
  )
    return { type: 'Organization', confidence: 0.85, media: false, evidence: 'context' };
  if (lowerWords.some((w) => GOVERNMENT_WORDS.has(w) || (GOVERNMENT_SUFFIX.test(w) && !BOARD.test(w))))
    return { type: 'Government', confidence: 0.85, media: false, evidence: 'context' };
  // "brancheforeningen IT-Branchen", "tænketanken Cepos", "tilsynsmyndigheden X": the noun before says what it is.
  // "fagbladet Revisorposten", "avisen Nordjyske": a medium, which the graph keeps as a company (CITES target).
  if (media) return { type: 'Company', confidence: 0.85, media: true, evidence: 'context' };
  if (cueBefore !== undefined && ORGANIZATION_CUE_ENDING.test(cueBefore))
    return { type: 'Organization', confidence: 0.85, media: false, evidence: 'context' };
  if (cueBefore !== undefined && GOVERNMENT_CUE_ENDING.test(cueBefore))
    return { type: 'Government', confidence: 0.85, media: false, evidence: 'context' };
  if (cueBefore !== undefined && (COMPANY_CUE_NOUNS.has(cueBefore) || COMPANY_CUE_ENDING.test(cueBefore)))
    return { type: 'Company', confidence: 0.85, media, evidence: 'context' };
  // "Vismas koncernchef, Kasper Fjeldsted": a genitive name owning a title is the organisation.
  const following = followingWords(tokens, m.end, 8);
  if (
    /(?:s|'s|’s)$/u.test(m.text) &&
    following.slice(0, 2).some((w) => isPersonTitle(w)) &&
    !gazetteer().firstNames.has(words[0])
  ) {
    // … of the kind its ending says: "Finansforbundets næstformand" (a union), "Energistyrelsens direktør".
    const base = stripGenitive(words[words.length - 1]).toLowerCase();
    const type = ORGANIZATION_SUFFIX.test(base)
      ? 'Organization'
      : GOVERNMENT_SUFFIX.test(base)
        ? 'Government'
        : 'Company';
    return { type, confidence: 0.7, media: false, evidence: 'context' };
  }
  // "Blandt Lindholm Datas kunder er …", "Nordvigs aktionærer": what has customers, shareholders or a share price is a
  // business, not the place the tagger may read in an unknown genitive ("Danisco-koncernens omsætning" names a part).
  if (
    /(?:s|'|’)$/u.test(m.text) &&
    !/-\p{Ll}/u.test(m.text) &&
    m.label !== 'PER' &&
    !gazetteer().firstNames.has(words[0]) &&
    following.slice(0, 2).some((w) => BUSINESS_GENITIVE_NOUNS.has(w.toLowerCase()))
  )
    return { type: 'Company', confidence: 0.65, media: false, evidence: 'context' };
  // "Keystone Generics blev i 2023 opkøbt af …": only a company is bought, taken over or listed on a stock exchange
  // (not the place after "i" in "X A/S i Odsherred blev opkøbt af …").
  const predicate = following.join(' ').toLowerCase();
  if (!LOCATIVE.has(prev ?? '') && BOUGHT_PREDICATE.test(predicate))
    return { type: 'Company', confidence: 0.75, media: false, evidence: 'context' };
  if (
    !LOCATIVE.has(prev ?? '') &&
    m.label !== 'PER' &&
    !m.titled &&
    !gazetteer().firstNames.has(words[0]) &&
    COMPANY_PREDICATE.test(predicate)
  )
    return { type: 'Company', confidence: 0.7, media: false, evidence: 'context' };
  // "Kommunedata, der har leveret kommunens system", "X, som udvikler software til …": what supplies or makes things
  // (not the place after "i": in "Vestmark ApS i Skive, som har leveret …" the clause is the company's).
  if (
    !LOCATIVE.has(prev ?? '') &&
    m.label !== 'PER' &&
    !m.titled &&
    predicate.charCodeAt(0) === 44 &&
    !gazetteer().firstNames.has(words[0]) &&
    RELATIVE_BUSINESS.test(predicate)
  )
    return { type: 'Company', confidence: 0.65, media: false, evidence: 'context' };
  if (m.titled) return { type: 'Person', confidence: 0.85, media: false, evidence: 'context' };
  // "opkøbt af finske Sampo", "aftale med amerikanske Pfizer": a bare nationality between a preposition and one word
  // names a company as business news writes it (a person gets a title, a first name or a -sen/-son surname).
  if (
    words.length === 1 &&
    cueBefore !== undefined &&
    gazetteer().countryByAdjective.has(cueBefore) &&
    NATIONALITY_LEADS.has(wordBefore(tokens, m.start, 2)?.toLowerCase() ?? '') &&
    !/(?:sen|son|s{2}on)$/u.test(words[0]) &&
    !gazetteer().firstNames.has(words[0])
  )
    return { type: 'Company', confidence: 0.65, media: false, evidence: 'context' };
  // "Andel har købt Radius af Ørsted", "at Salling Group overtager Wupti": what is bought or sold by name is a
  // business, whatever the tagger guessed of an unknown word (a footballer sold has a first name).
  if (
    prev !== undefined &&
    TRADED_OBJECT_VERBS.has(prev) &&
    (words.length === 1 || m.label !== 'PER') &&
    !gazetteer().firstNames.has(words[0])
  )
    return { type: 'Company', confidence: 0.65, media: false, evidence: 'context' };
  // "en femårig aftale med Datalund", "samarbejdet med Kvikly": the party to a deal, named by one unknown word, is a
  // business (a person gets a first name or a title; "vil samarbejde med Nakskov", a town, is tagged a place).
  if (
    prev === 'med' &&
    words.length === 1 &&
    m.label !== 'PER' &&
    m.label !== 'LOC' &&
    !gazetteer().firstNames.has(words[0]) &&
    DEAL_NOUN.test(wordBefore(tokens, m.start, 2)?.toLowerCase() ?? '')
  )
    return { type: 'Company', confidence: 0.65, media: false, evidence: 'context' };
  // "en undersøgelse af Journalia", "hackerangrebet på Journalia": what is looked into or attacked is a body, not
  // the place the tagger reads after "af" or "på" (a bare "angrebet på" may name a town: not read).
  if (
    (prev === 'af' || prev === 'på') &&
    m.label !== 'PER' &&
    !gazetteer().firstNames.has(words[0]) &&
    INQUIRED_OR_ATTACKED.test(wordBefore(tokens, m.start, 2)?.toLowerCase() ?? '')
  )
    return { type: 'Company', confidence: 0.6, media: false, evidence: 'context' };
  // "Netcompanys opkøb af Intrasoft", "overtagelsen af Dinero": what a takeover takes is a business.
  if (prev === 'af' && m.label !== 'PER' && ACQUISITION_NOUNS.has(wordBefore(tokens, m.start, 2)?.toLowerCase() ?? ''))
    return { type: 'Company', confidence: 0.7, media: false, evidence: 'context' };
  // "70 procent af aktierne i Dinero", "aktiemajoriteten i X", "en ejerandel i X": what has shares is a business.
  if (
    (prev === 'i' || prev === 'af') &&
    m.label !== 'PER' &&
    SHARE_NOUNS.has(wordBefore(tokens, m.start, 2)?.toLowerCase() ?? '')
  )
    return { type: 'Company', confidence: 0.7, media: false, evidence: 'context' };
  // "PKA har investeret 50 mio. kr. i Penly", "skyder penge i Kvitt": what money is put into by name is a business,
  // not the place the tagger reads after "i" (places of the gazetteer are typed before this: "investerer i Aarhus").
  if (prev === 'i' && m.label !== 'PER' && investedInBefore(tokens, m.start))
    return { type: 'Company', confidence: 0.65, media: false, evidence: 'context' };
  // "flytter driften til Netdesign", "lagt it-driften ud til X": who takes over a service is a business, not a place.
  // ("flytter driften til Hinnerup" may name a town: the service must be handed out, "ud til", or be the subject's own,
  // "sin drift", or an it-service.)
  if (prev === 'til' && m.label !== 'PER' && !gazetteer().firstNames.has(words[0]) && handedOver(tokens, m.start))
    return { type: 'Company', confidence: 0.65, media: false, evidence: 'context' };
  // "har solgt sin færgerute til Molslinjen", "blev solgt til Nordvik": who buys by name is a business, not the place
  // the tagger reads after "til" (a listed place or country is typed before this: "sælger fisk til Norge").
  // (A name the tagger reads as a place is taken only after a sale done, "solgt … til", not after "sælger mælk til
  // Ulfborg", which names where goods go.)
  if (
    prev === 'til' &&
    m.label !== 'PER' &&
    !gazetteer().firstNames.has(words[0]) &&
    verbBeforePreposition(tokens, m.start, m.label === 'LOC' ? SOLD : SELLING, SOLD_REACH)
  )
    return { type: 'Company', confidence: 0.65, media: false, evidence: 'context' };
  if (m.label === 'PER') return { type: 'Person', confidence: 0.8, media: false, evidence: 'label' };
  if (prevNoComma !== undefined && isPersonTitle(prevNoComma))
    return { type: 'Person', confidence: 0.75, media: false, evidence: 'context' };
  const gaz = gazetteer();
  if (words.length >= 2 && gaz.firstNames.has(words[0]))
    return { type: 'Person', confidence: 0.75, media: false, evidence: 'context' };
  // "har en MBA fra INSEAD", "er uddannet cand.merc. fra Aarhus BSS": where a degree was taken is a school.
  if (m.label === 'ORG' && (prev === 'fra' || prev === 'på' || prev === 'ved') && degreeBefore(tokens, m.start))
    return { type: 'Organization', confidence: 0.7, media: false, evidence: 'context' };
  if (m.label === 'ORG')
    return {
      type: prev === 'på' && /^(?:[\p{Lu}]{2,5})$/u.test(m.text) ? 'Organization' : 'Company',
      confidence: 0.7,
      media,
      evidence: 'label',
    };
  // "Aalborg Portland", "Skive Magnetics": a listed town's name and a word that is no part of a place name is a
  // business named after its town (the tagger reads the town).
  if (m.label === 'LOC' && namedAsClub(m, tokens))
    return { type: 'Organization', confidence: 0.65, media: false, evidence: 'context' };
  if (m.label === 'LOC' && townThenName(words))
    return { type: 'Company', confidence: 0.6, media: false, evidence: 'context' };
  if (m.label === 'LOC') return { type: 'Place', confidence: 0.7, media: false, evidence: 'label' };
  if (prev === 'hos') return { type: 'Company', confidence: 0.7, media: false, evidence: 'context' };
  // "en tidligere direktør i Nordic Waste", "forsker ved X": the body after a title and "i"/"ved" employs people.
  // (A one-word definite noun, "Fællessekretariatet", is a unit or a reference: not typed here, unless it ends in a
  // trade's house, "Kodeværket", "Softwarehuset", "Byggekompagniet".)
  if (
    (prev === 'i' || prev === 'ved') &&
    isPersonTitle(wordBefore(tokens, m.start, 2) ?? '') &&
    (words.length > 1 || !/(?:en|et)$/u.test(words[0]) || TRADE_HOUSE.test(words[0]))
  )
    return { type: 'Company', confidence: 0.65, media: false, evidence: 'context' };
  // "Covehaven Danmark", "Visma Norge": an unknown name with a country after it is a company's national unit.
  const parent = subsidiaryParentKey(m.text);
  if (parent !== null && gaz.byKey.get(parent)?.type !== 'Place')
    return { type: 'Company', confidence: 0.65, media: false, evidence: 'context' };
  return null;
}

/**
 * Types every mention, dropping those no rule can type (MISC spans, sentence-initial guesses, stray capitals).
 * Echo mentions take the type of the mention they repeat. Typos of gazetteer names take the gazetteer entry.
 */
export function typeMentions(
  set: MentionSet,
  sentenceTokens: readonly (readonly Token[])[] = set.tokens,
): TypedMention[] {
  const typed = new Map<Mention, TypedMention>();
  const out: TypedMention[] = [];
  const decide = (m: Mention): TypedMention | null => {
    const done = typed.get(m);
    if (done) return done;
    let result: TypedMention | null = null;
    if (m.type === 'Place' && m.source === 'gazetteer' && namedAsClub(m, sentenceTokens[m.sentenceIndex])) {
      // "Torben Piechnik fra Liverpool", "Lars Elstrup, Luton, og …" in a sports story: the town's club.
      const { gazetteer: _place, canonical: _name, ...own } = m;
      result = { ...own, type: 'Organization', media: false, confidence: 0.65, evidence: 'context' };
    } else if (m.type === 'Place' && m.source === 'gazetteer' && namedAsCompany(m, sentenceTokens[m.sentenceIndex])) {
      // "Rederiet Norden", "selskabet Jylland": a place's name given to a business its kind noun names.
      const { gazetteer: _place, canonical: _name, ...own } = m;
      result = { ...own, type: 'Company', media: false, confidence: 0.7, evidence: 'context' };
      businessNames.add(m.text);
    } else if (m.type) {
      const media = m.gazetteer?.media ?? false;
      const confidence =
        m.source === 'announcement' || m.source === 'government' ? 0.95 : m.source === 'gazetteer' ? 0.9 : 0.8;
      result = {
        ...m,
        type: m.type,
        media: media || (m.echoOf?.gazetteer?.media ?? false),
        confidence,
        evidence: m.source === 'echo' && !m.gazetteer ? 'context' : 'fixed',
      };
    } else if (m.source === 'echo' && m.echoOf) {
      const base = decide(m.echoOf);
      result = base
        ? {
            ...m,
            type: base.type,
            media: base.media,
            confidence: base.confidence * 0.9,
            evidence: base.evidence,
            ...(base.canonical ? { canonical: base.canonical } : {}),
            ...(base.gazetteer ? { gazetteer: base.gazetteer } : {}),
          }
        : echoInContext(m);
    } else if (
      !(m.source === 'capitalised' && m.sentenceInitial) ||
      m.unfamiliar ||
      (INSTITUTION_NAME.test(wordsOf(m.text)[0]) && !BOARD.test(wordsOf(m.text)[0].toLowerCase())) ||
      GENITIVE_BODY.test(m.text) ||
      startsWithFirstName(m.text) ||
      namedByItsKind(m.text) ||
      openedByName(m.text)
    ) {
      const tokens = sentenceTokens[m.sentenceIndex];
      // A single word the tagger calls a person may be a typo of a listed company ("Huaewei", "Blooomberg").
      const typo =
        m.source === 'tagger' && wordsOf(m.text).length === 1 ? gazetteerTypoMatch(stripGenitive(m.text)) : undefined;
      const context = typo && typo.kind !== 'country' ? null : typeFromContext(m, tokens);
      if (typo && typo.kind !== 'country') {
        result = {
          ...m,
          type: typo.type,
          canonical: typo.name,
          gazetteer: typo,
          media: typo.media,
          confidence: 0.6,
          evidence: 'context',
        };
      } else if (context) {
        result = {
          ...m,
          ...context,
          confidence: m.source === 'capitalised' ? Math.min(context.confidence, 0.6) : context.confidence,
        };
      } else if (m.source === 'capitalised' && wordsOf(m.text).length === 1) {
        // A stray capitalised word may be a typo of a well-known name: "Blooomberg", "Huaewei".
        const entry = gazetteerTypoMatch(stripGenitive(m.text));
        if (entry && entry.kind !== 'country') {
          result = {
            ...m,
            type: entry.type,
            canonical: entry.name,
            gazetteer: entry,
            media: entry.media,
            confidence: 0.6,
            evidence: 'context',
          };
        }
      }
    }
    // "Aalborg Stiftstidende", "Vejle Amts Folkeblad", "Weekendavisen": a paper by the word its name ends in.
    if (result && result.type === 'Company' && !result.media && MEDIA_NAME_ENDING.test(m.text))
      result = { ...result, media: true };
    if (result) typed.set(m, result);
    return result;
  };
  // An echo of a name no rule could type where it stood first (a headline's "skifter til AktivPension") may be typed
  // where it stands now ("i pensionsselskabet AktivPension").
  /** Place names a kind noun gave to a business in this article ("Rederiet Norden"). */
  const businessNames = new Set<string>();
  const echoInContext = (m: Mention): TypedMention | null => {
    const context = typeFromContext(m, sentenceTokens[m.sentenceIndex]);
    return context ? { ...m, ...context, confidence: Math.min(context.confidence, 0.6) } : null;
  };
  const untyped: Mention[] = [];
  for (const m of set.mentions) {
    const t = decide(m);
    if (t) out.push(t);
    else if (m.source === 'capitalised' && !m.sentenceInitial) untyped.push(m);
  }
  // "Rederiet Norden … hos Norden": the place's name, once given to a business, names it again in the article (not
  // one or two words after "i", "på", "ved" or "fra", where it is the place: "kunder i hele Norden").
  if (businessNames.size > 0) {
    for (let i = 0; i < out.length; i++) {
      const t = out[i];
      if (t.type !== 'Place' || t.source !== 'gazetteer' || !businessNames.has(t.text)) continue;
      // Only where a business is spoken of: opening the sentence, or after "hos", "af", "med", "for", "og".
      const tokens = sentenceTokens[t.sentenceIndex];
      const before = previousWord(tokens, t.start, false)?.toLowerCase();
      if (before !== undefined && !opensSentence(tokens, t.start) && !BUSINESS_CONTEXT_BEFORE.has(before)) continue;
      const { gazetteer: _place, canonical: _name, ...own } = t;
      out[i] = { ...own, type: 'Company', media: false, confidence: 0.65, evidence: 'context' };
    }
  }
  if (untyped.length > 0) {
    const joined = untyped.flatMap((m) => coordinatedWithBusiness(m, out, sentenceTokens[m.sentenceIndex]) ?? []);
    if (joined.length > 0) out.push(...joined);
    out.sort((a, b) => a.sentenceIndex - b.sentenceIndex || a.start - b.start);
  }
  return companyConsistency(out);
}

/** Words that join names in a list of parties: "X og Y", "X, Y", "X samt Y", "X sammen med Y". */
const LIST_JOINERS: readonly (readonly string[])[] = [[','], ['og'], ['samt'], ['eller'], ['sammen', 'med']];

/**
 * "mens Fjordinvest og Vestkyst Pension også deltager", "investorer som Seed Capital og Heartcore": a name no rule
 * could type, listed right beside a company or an organisation, is one of the same kind (a place or a person in such
 * a list is named as such by the gazetteer, a title or a first name, and was typed before this).
 */
function coordinatedWithBusiness(
  m: Mention,
  typed: readonly TypedMention[],
  tokens: readonly Token[],
): TypedMention | null {
  // One word must be no Danish word ("og Økonomi" in "Institut for Virksomhedsledelse og Økonomi" ends a name).
  const n = wordsOf(m.text).length;
  // Nor is a run with a number a name here ("Hjemmet, Postboks 2441, 1024 København" is an address).
  if (n > 3 || (n === 1 && !m.unfamiliar) || /\d/u.test(m.text)) return null;
  const first = tokens.findIndex((t) => t.start === m.start);
  const last = tokens.findIndex((t) => t.end === m.end);
  if (first < 0 || last < 0) return null;
  for (const peer of typed) {
    if (peer.sentenceIndex !== m.sentenceIndex || peer.media) continue;
    if (peer.type !== 'Company' && peer.type !== 'Organization') continue;
    const between =
      peer.end <= m.start
        ? tokens.filter((t) => t.start >= peer.end && t.end <= m.start)
        : peer.start >= m.end
          ? tokens.filter((t) => t.start >= m.end && t.end <= peer.start)
          : null;
    if (!between || !LIST_JOINERS.some((j) => j.length === between.length && j.every((w, i) => between[i].text === w)))
      continue;
    return { ...m, type: peer.type, media: false, confidence: 0.55, evidence: 'context' };
  }
  return null;
}

/**
 * Article-level repair of "persons" that are companies: a name ending in a company word ("Lumatek Semiconductor"),
 * or one word that opens a company's name given elsewhere in the article ("Tianrui" after "Tianrui Microelectronics").
 * Listed names, announcements and names opening with a known first name are left as they are.
 */
export function companyConsistency(mentions: TypedMention[]): TypedMention[] {
  // First word -> the company's full name, unless two companies share that first word.
  const companyFirstWords = new Map<string, string | null>();
  for (const m of mentions) {
    const words = wordsOf(m.text);
    if (m.type !== 'Company' || m.media || words.length < 2) continue;
    const name = m.canonical ?? m.text;
    const seen = companyFirstWords.get(words[0]);
    // "Sensilo Medical" and its genitive "Sensilo Medicals" are one company.
    const same = seen === name || seen === `${name}s` || `${seen}s` === name;
    const shorter = seen !== undefined && seen !== null && seen.length < name.length ? seen : name;
    companyFirstWords.set(words[0], seen === undefined ? name : seen !== null && same ? shorter : null);
  }
  const firstNames = gazetteer().firstNames;
  return mentions.map((m) => {
    if (m.type !== 'Person' || m.gazetteer || m.source === 'announcement') return m;
    const words = wordsOf(stripGenitive(m.text));
    if (words.length === 0 || firstNames.has(words[0])) return m;
    // Raw text too: the genitive strip would cut "Robotics" to "Robotic".
    const last = wordsOf(m.text).at(-1)?.toLowerCase() ?? '';
    const endsInCompanyWord =
      words.length >= 2 && (COMPANY_NAME_ENDINGS.has(words.at(-1)!.toLowerCase()) || COMPANY_NAME_ENDINGS.has(last));
    const full = words.length === 1 ? companyFirstWords.get(words[0]) : undefined;
    if (full) return { ...m, type: 'Company' as const, canonical: full, evidence: 'context' as const };
    return endsInCompanyWord ? { ...m, type: 'Company' as const, evidence: 'context' as const } : m;
  });
}

/** A degree named in the six words before a name: "har en MBA fra", "uddannet cand.merc. fra", "tog sin ph.d. på". */
function degreeBefore(tokens: readonly Token[], start: number): boolean {
  const i = tokens.findIndex((t) => t.start >= start);
  return tokens
    .slice(Math.max(0, (i < 0 ? tokens.length : i) - 6), i < 0 ? tokens.length : i)
    .some((t) => DEGREE_CUE.test(t.text));
}

/** First words of Danish research and teaching bodies named "<kind> for <field>". */
const DANISH_FOR_NAME_HEADS: ReadonlySet<string> = new Set([
  'Center',
  'Centret',
  'Centeret',
  'Institut',
  'Instituttet',
]);

/** Two words, the first a town the gazetteer lists as a place, the second no part of a place's name. */
function townThenName(words: readonly string[]): boolean {
  if (words.length !== 2 || !/^\p{Lu}\p{Ll}{2,}$/u.test(words[1]) || PLACE_NAME_PARTS.has(words[1].toLowerCase()))
    return false;
  const gaz = gazetteer();
  if (gaz.firstNames.has(words[1])) return false;
  const town = gaz.byKey.get(words[0].toLowerCase());
  return town?.kind === 'place' && gaz.byKey.get(`${words[0]} ${words[1]}`.toLowerCase()) === undefined;
}
