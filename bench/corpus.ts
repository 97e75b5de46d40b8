// Synthetic Danish tech-news corpus for benchmarks and reliability tests: any size, deterministic by seed, seed-sized articles.
//
// Every article is a pure function of (seed, index), so a worker can generate its share without the others and the
// same command always produces the same bytes. The name pools are also used by bench/graph-gen.ts to build large
// graphs directly, without NLP. All sentences are the project's own templates; no real article text is reused.

import { editDistance } from '../server/nlp/fuzzy.ts';
import { seededRandom } from '../server/nlp/random.ts';

/** The project's seeded generator (server/nlp/random.ts), under the name the benchmarks use. */
export const createRandom = seededRandom;

/** Mixes an article index into the corpus seed, so article i does not depend on articles 0..i-1. */
export function articleSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 0x85ebca6b), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Picker {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = createRandom(seed);
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }
  one<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  /** Zipf-like pick: low indexes are chosen much more often, so a corpus has hubs (Huawei, USA) and a long tail. */
  skewed<T>(list: readonly T[], exponent = 1.6): T {
    return list[Math.min(list.length - 1, Math.floor(list.length * this.next() ** exponent))];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Name pools. Sizes are chosen so 10,000 articles still meet new people and companies, while the most
// popular names recur across many articles (what cross-article resolution and the explorer's hubs need).

export const FIRST_NAMES = [
  'Anders',
  'Anne',
  'Bente',
  'Birgitte',
  'Bo',
  'Camilla',
  'Carsten',
  'Christian',
  'Dorthe',
  'Emil',
  'Emma',
  'Erik',
  'Esben',
  'Frederik',
  'Gitte',
  'Hanne',
  'Helle',
  'Henrik',
  'Ida',
  'Jakob',
  'Jens',
  'Jesper',
  'Julie',
  'Karen',
  'Kasper',
  'Katrine',
  'Kirsten',
  'Lars',
  'Lene',
  'Line',
  'Louise',
  'Mads',
  'Maja',
  'Malene',
  'Maria',
  'Martin',
  'Mette',
  'Michael',
  'Mikkel',
  'Morten',
  'Nanna',
  'Niels',
  'Nikolaj',
  'Ole',
  'Peter',
  'Pernille',
  'Rasmus',
  'Rikke',
  'Sara',
  'Signe',
  'Simon',
  'Sofie',
  'Steen',
  'Susanne',
  'Søren',
  'Thomas',
  'Tina',
  'Tobias',
  'Torben',
  'Troels',
  'Ulla',
  'Ulrik',
  'Vibeke',
  'Anja',
  'Asger',
  'Astrid',
  'Claus',
  'Flemming',
  'Jonas',
  'Kim',
  'Lasse',
  'Lise',
  'Magnus',
  'Nina',
  'Oliver',
  'Per',
  'Pia',
  'Rune',
  'Sebastian',
  'Stig',
];
const FEMALE = new Set([
  'Anne',
  'Bente',
  'Birgitte',
  'Camilla',
  'Dorthe',
  'Emma',
  'Gitte',
  'Hanne',
  'Helle',
  'Ida',
  'Julie',
  'Karen',
  'Katrine',
  'Kirsten',
  'Lene',
  'Line',
  'Louise',
  'Maja',
  'Malene',
  'Maria',
  'Mette',
  'Nanna',
  'Pernille',
  'Rikke',
  'Sara',
  'Signe',
  'Sofie',
  'Susanne',
  'Tina',
  'Ulla',
  'Vibeke',
  'Anja',
  'Astrid',
  'Lise',
  'Nina',
  'Pia',
]);
export const MIDDLE_NAMES = [
  'Krogh',
  'Holm',
  'Dahl',
  'Lund',
  'Bach',
  'Skov',
  'Friis',
  'Juul',
  'Kjær',
  'Bruun',
  'Mølgaard',
  'Vestergaard',
  'Lykke',
  'Brix',
  'Thorup',
  'Winther',
  'Hald',
  'Riis',
  'Bjerre',
  'Storm',
];
export const LAST_NAMES = [
  'Andersen',
  'Bech',
  'Berg',
  'Christensen',
  'Clausen',
  'Dam',
  'Eriksen',
  'Fischer',
  'Frandsen',
  'Gregersen',
  'Hansen',
  'Hedegaard',
  'Henriksen',
  'Holst',
  'Iversen',
  'Jacobsen',
  'Jensen',
  'Jeppesen',
  'Johansen',
  'Jørgensen',
  'Kristensen',
  'Knudsen',
  'Larsen',
  'Laursen',
  'Lauridsen',
  'Lindberg',
  'Madsen',
  'Mikkelsen',
  'Mortensen',
  'Munk',
  'Nielsen',
  'Nygaard',
  'Olesen',
  'Olsen',
  'Pedersen',
  'Poulsen',
  'Rasmussen',
  'Schmidt',
  'Sørensen',
  'Thomsen',
  'Toft',
  'Vinther',
  'Wagner',
  'Østergaard',
  'Abildgaard',
  'Bendtsen',
  'Damgaard',
  'Eskildsen',
  'Fogh',
  'Graversen',
  'Hjorth',
  'Kirkegaard',
  'Lassen',
  'Lorentzen',
  'Nørgaard',
  'Overgaard',
  'Petersen',
  'Quist',
  'Ravn',
  'Steffensen',
  'Svendsen',
  'Thygesen',
  'Valentin',
  'Westh',
  'Aagaard',
  'Bisgaard',
  'Duus',
  'Enevoldsen',
  'Falk',
  'Gade',
];

const COMPANY_PREFIXES = [
  'Nord',
  'Fjord',
  'Sky',
  'Blå',
  'Kvant',
  'Lyn',
  'Vest',
  'Øst',
  'Sol',
  'Bølge',
  'Polar',
  'Hav',
  'Skov',
  'Sten',
  'Bro',
  'Kilde',
  'Lys',
  'Puls',
  'Mark',
  'Eng',
  'Klit',
  'Havn',
  'Vind',
  'Frost',
  'Ravn',
  'Ulv',
  'Ask',
  'Eg',
  'Birk',
  'Gran',
  'Strand',
  'Bakke',
  'Dal',
  'Sø',
  'Å',
  'Høj',
  'Lille',
  'Stor',
  'Ny',
  'Gammel',
];
const COMPANY_STEMS = [
  'tek',
  'soft',
  'data',
  'net',
  'link',
  'sys',
  'log',
  'com',
  'cloud',
  'bit',
  'byte',
  'kode',
  'web',
  'grid',
  'pay',
  'sense',
  'works',
  'labs',
  'mind',
  'flow',
  'stack',
  'port',
  'scan',
  'signal',
  'core',
];
const COMPANY_SECTORS = [
  '',
  ' Energi',
  ' Finans',
  ' Sikkerhed',
  ' Logistik',
  ' Sundhed',
  ' Analytics',
  ' Consulting',
  ' Robotics',
  ' Digital',
];
const COMPANY_FORMS = [' A/S', ' ApS', ' A/S', ' ApS', ' Danmark A/S', ' Group A/S', ' Holding ApS', ' Solutions ApS'];

/** Big foreign companies: the hubs of the news (sanctions, lawsuits, deals). Real names, no real facts. */
export const GLOBAL_COMPANIES = [
  'Huawei',
  'Xiaomi',
  'ZTE',
  'Nvidia',
  'Microsoft',
  'Google',
  'Apple',
  'Samsung',
  'TikTok',
  'Intel',
  'Ericsson',
  'Nokia',
  'Qualcomm',
  'Lenovo',
  'Alibaba',
  'Tencent',
  'Oracle',
  'Cisco',
  'IBM',
  'Amazon',
  'Meta',
  'SMIC',
  'ByteDance',
  'Hikvision',
  'Netcompany',
  'Vestas',
  'Ørsted',
  'Maersk',
  'Novo Nordisk',
  'Danske Bank',
  'Atea',
  'KMD',
  'Systematic',
];
/** Media cited in "Det skriver …" and "ifølge …" sentences. */
export const MEDIA = [
  'Reuters',
  'Bloomberg',
  'CNN',
  'Financial Times',
  'Wall Street Journal',
  'Børsen',
  'Politiken',
  'Ritzau',
  'BBC',
  'Nikkei',
];

/** States acting as actors, with the adjective the articles use for them. */
export const GOVERNMENTS: readonly { name: string; adjective: string; capital: string }[] = [
  { name: 'USA', adjective: 'amerikanske', capital: 'Washington' },
  { name: 'Kina', adjective: 'kinesiske', capital: 'Beijing' },
  { name: 'EU', adjective: 'europæiske', capital: 'Bruxelles' },
  { name: 'Danmark', adjective: 'danske', capital: 'København' },
  { name: 'Tyskland', adjective: 'tyske', capital: 'Berlin' },
  { name: 'Storbritannien', adjective: 'britiske', capital: 'London' },
  { name: 'Japan', adjective: 'japanske', capital: 'Tokyo' },
  { name: 'Indien', adjective: 'indiske', capital: 'New Delhi' },
  { name: 'Rusland', adjective: 'russiske', capital: 'Moskva' },
  { name: 'Frankrig', adjective: 'franske', capital: 'Paris' },
  { name: 'Sverige', adjective: 'svenske', capital: 'Stockholm' },
  { name: 'Sydkorea', adjective: 'sydkoreanske', capital: 'Seoul' },
];
export const MINISTRIES = [
  'Erhvervsministeriet',
  'Justitsministeriet',
  'Digitaliseringsministeriet',
  'Udenrigsministeriet',
  'Forsvarsministeriet',
  'Finansministeriet',
  'Skatteministeriet',
  'Datatilsynet',
  'Konkurrence- og Forbrugerstyrelsen',
  'Erhvervsstyrelsen',
  'Finanstilsynet',
  'Europa-Kommissionen',
  'Handelsministeriet',
];
export const COURTS = [
  'Højesteret',
  'Østre Landsret',
  'Vestre Landsret',
  'Københavns Byret',
  'Retten i Aarhus',
  'Sø- og Handelsretten',
];
export const ORGANIZATIONS = [
  'Danmarks Tekniske Universitet',
  'Aarhus Universitet',
  'IT-Universitetet',
  'Københavns Universitet',
  'Aalborg Universitet',
  'Syddansk Universitet',
  'Copenhagen Business School',
  'Dansk Industri',
  'IT-Branchen',
  'IDA',
  'Dansk Erhverv',
  'Forbrugerrådet Tænk',
  'G20',
  'WTO',
  'NATO',
  'FN',
  'Rigsrevisionen',
];
export const PLACES = [
  'København',
  'Aarhus',
  'Odense',
  'Aalborg',
  'Esbjerg',
  'Vejle',
  'Kolding',
  'Horsens',
  'Roskilde',
  'Herning',
  'Shenzhen',
  'Shanghai',
  'Silicon Valley',
  'Bruxelles',
  'Washington',
  'Osaka',
  'Bali',
  'Busan',
  'Hamborg',
  'Stockholm',
  'Oslo',
  'Helsinki',
  'Dublin',
  'Amsterdam',
];
const DEGREES = [
  'cand.polyt.',
  'cand.merc.',
  'cand.scient.',
  'HD',
  'civilingeniør',
  'datalog',
  'cand.jur.',
  'diplomingeniør',
  'MBA',
  'ph.d.',
];
const JOB_TITLES = [
  'Administrerende direktør',
  'Salgsdirektør',
  'Teknisk direktør',
  'CTO',
  'CFO',
  'Head of Sales',
  'Key Account Manager',
  'Senior Developer',
  'Projektleder',
  'Chief Information Security Officer',
  'Marketingchef',
  'IT-chef',
  'Partner',
  'Løsningsarkitekt',
  'Country Manager',
  'Operations Director',
  'Data Engineer',
  'Product Owner',
  'HR-chef',
  'Konsulent',
];
const MONTHS = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];
const WEEKDAYS = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
const PRODUCTS = [
  '5G-udstyr',
  'chips',
  'smartphones',
  'servere',
  'cloud-tjenester',
  'routere',
  'overvågningskameraer',
  'AI-acceleratorer',
  'netværksudstyr',
  'software',
];

/** Combinatorial pools, built once: persons 80 × 21 × 70 ≈ 117,600 names; companies 40 × 25 × 10 = 10,000 (+ a legal form). */
function buildPersons(): string[] {
  // Two-part names first: the popular (low-index) people have them, the long tail has middle names too.
  const short: string[] = [];
  for (const last of LAST_NAMES) for (const first of FIRST_NAMES) short.push(`${first} ${last}`);
  const long: string[] = [];
  for (const middle of MIDDLE_NAMES)
    for (const last of LAST_NAMES) for (const first of FIRST_NAMES) long.push(`${first} ${middle} ${last}`);
  return [...shuffled(short, 5), ...shuffled(long, 6)];
}
function buildCompanies(): string[] {
  const out: string[] = [];
  for (const sector of COMPANY_SECTORS) {
    for (const stem of COMPANY_STEMS) {
      for (const prefix of COMPANY_PREFIXES) {
        const base = `${prefix}${stem}${sector}`;
        out.push(`${base[0].toUpperCase()}${base.slice(1)}`);
      }
    }
  }
  return out;
}
let personPool: string[] | undefined;
let companyBasePool: string[] | undefined;
/** Person names in a fixed shuffled order (low indexes are the popular ones). */
export function personNames(): readonly string[] {
  personPool ??= buildPersons();
  return personPool;
}
/** Danish company names without legal form ("Fjordtek Energi"); `companyName` adds one. */
export function companyBases(): readonly string[] {
  companyBasePool ??= shuffled(buildCompanies(), 11);
  return companyBasePool;
}
/** A company's full name: its base plus a legal form that is fixed per company (the same company always has it). */
export function companyName(index: number): string {
  const bases = companyBases();
  const base = bases[index % bases.length];
  const form = COMPANY_FORMS[(Math.imul(index, 2654435761) >>> 0) % COMPANY_FORMS.length];
  return `${base}${form}`;
}

function shuffled<T>(list: T[], seed: number): T[] {
  const pick = new Picker(seed);
  for (let i = list.length - 1; i > 0; i--) {
    const j = pick.int(i + 1);
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

export function isFemale(person: string): boolean {
  return FEMALE.has(person.split(' ')[0]);
}

// ---------------------------------------------------------------------------------------------------------
// Articles.

export type CorpusDensity = 'news' | 'dense';

export interface CorpusOptions {
  /** Any integer; the same seed gives the same corpus. */
  readonly seed?: number;
  /**
   * How many distinct Danish companies and people the corpus draws from (default: grows with the corpus, so a
   * large corpus meets new names while popular ones recur). Smaller = more overlap between articles.
   */
  readonly peoplePool?: number;
  readonly companyPool?: number;
  /**
   * Draw only names that are more than 3 edits apart (default false). Resolution treats names within 2 edits of
   * a known entity as typos of it ("Anja Pedersen" -> "Anja Andersen"), so with near-names the graph depends on
   * the order articles are loaded in; tests comparing load orders need names that cannot be confused.
   */
  readonly distinctNames?: boolean;
  /**
   * How many different actors an article names (default `news`). `news`: the stories that fill the body after the
   * main one mostly bring back the article's own people, companies and governments, as a real article does, so an
   * article has about as many entities and events per kilobyte as the real ones in the repository's fixtures
   * (test/unit/bench/corpus-density.test.ts checks this). `dense`: every filler story brings a cast of its own, about
   * twice the entities and events per kilobyte of real articles — the corpus of the benchmarks before that check,
   * kept as a stress case for the writers.
   */
  readonly density?: CorpusDensity;
  /** Article size range in bytes (default 3000..5000, like the seed articles). */
  readonly minBytes?: number;
  readonly maxBytes?: number;
}

export interface SyntheticArticle {
  readonly index: number;
  /** A file name that sorts in index order: `000042-<slug>.txt`. */
  readonly fileName: string;
  readonly title: string;
  /** The whole file: header lines, blank line, title, body, "Læs også", furniture, "Navnenyt". */
  readonly text: string;
}

export const DEFAULT_SEED = 20_251_001;

interface Cast {
  readonly pick: Picker;
  person(): string;
  company(): string;
  global(): string;
  government(): (typeof GOVERNMENTS)[number];
  media(): string;
}

function castFor(pick: Picker, articles: number, options: CorpusOptions): Cast {
  // Pools grow with the corpus: ~3 new people and ~1.5 new companies per article, within the name space.
  const people = Math.min(personNames().length, options.peoplePool ?? Math.max(400, articles * 3));
  // Legal forms are stripped by resolution, so only the bases tell companies apart.
  const companies = Math.min(companyBases().length, options.companyPool ?? Math.max(200, Math.ceil(articles * 1.5)));
  const persons = options.distinctNames ? distinctNames(personNames(), people) : personNames();
  const companyIndexes = options.distinctNames ? distinctCompanyIndexes(companies) : undefined;
  return {
    pick,
    person: () => persons[Math.min(persons.length - 1, Math.min(people - 1, Math.floor(people * pick.next() ** 1.4)))],
    company: () => {
      const i = Math.min(companies - 1, Math.floor(companies * pick.next() ** 1.4));
      return companyName(companyIndexes ? companyIndexes[Math.min(companyIndexes.length - 1, i)] : i);
    },
    global: () => pick.skewed(GLOBAL_COMPANIES, 1.8),
    government: () => pick.skewed(GOVERNMENTS, 2),
    media: () => pick.one(MEDIA),
  };
}

/** The actors an article has named so far, by kind, for the filler stories of a `news`-density article. */
interface Roster {
  readonly person: string[];
  readonly company: string[];
  readonly global: string[];
  readonly government: (typeof GOVERNMENTS)[number][];
}

function emptyRoster(): Roster {
  return { person: [], company: [], global: [], government: [] };
}

/**
 * A cast for one story of an article. Every name it draws is added to `roster`; with probability `reuse` a draw
 * brings back a name the article already has instead of a new one. A story never gets the same name twice from
 * it (no "X køber X"), so a reuse that would repeat falls back to a new draw.
 */
function storyCast(base: Cast, roster: Roster, reuse: number): Cast {
  const used = new Set<unknown>();
  const draw = <T>(known: T[], fresh: () => T): T => {
    if (known.length > 0 && base.pick.chance(reuse)) {
      const candidate = base.pick.one(known);
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
    const name = fresh();
    used.add(name);
    if (!known.includes(name)) known.push(name);
    return name;
  };
  return {
    pick: base.pick,
    person: () => draw(roster.person, base.person),
    company: () => draw(roster.company, base.company),
    global: () => draw(roster.global, base.global),
    government: () => draw(roster.government, base.government),
    media: base.media,
  };
}

const distinctCache = new Map<string, string[]>();

/** The first `count` names of `pool` that are all more than 3 edits apart (case-insensitive), in pool order. */
function distinctNames(pool: readonly string[], count: number): string[] {
  const key = `${pool[0]}:${count}`;
  const cached = distinctCache.get(key);
  if (cached) return cached;
  const kept: string[] = [];
  const lower: string[] = [];
  for (const name of pool) {
    if (kept.length >= count) break;
    const l = name.toLowerCase();
    if (lower.every((k) => editDistance(k, l, 3) > 3)) {
      kept.push(name);
      lower.push(l);
    }
  }
  distinctCache.set(key, kept);
  return kept;
}

/** Indexes into companyName() of companies whose bases are all more than 3 edits apart. */
function distinctCompanyIndexes(count: number): number[] {
  const bases = companyBases();
  const names = new Set(distinctNames(bases, count));
  return bases.flatMap((base, i) => (names.has(base) ? [i] : []));
}

function isoDate(pick: Picker): { iso: string; day: number; month: number; year: number } {
  const year = pick.between(2018, 2025);
  const month = pick.between(1, 12);
  const day = pick.between(1, 28);
  return { iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, day, month, year };
}

function danishDate(d: { day: number; month: number; year: number }): string {
  return `${d.day}. ${MONTHS[d.month - 1]} ${d.year}`;
}

function amount(pick: Picker): string {
  // Written out, so a sentence never ends in "kr..".
  return pick.chance(0.5)
    ? `${pick.between(2, 950)} millioner kroner`
    : `${pick.between(1, 40)},${pick.int(10)} milliarder kroner`;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
}

/**
 * Sentences of background that name nobody and report no event: the context, numbers and explanation that fill
 * much of a real news article between the sentences that say who did what. `news`-density articles mix them in.
 */
const BACKGROUND = [
  'Sagen har fyldt meget i branchen de seneste måneder.',
  'Det er ikke første gang, at den slags spørgsmål bliver rejst.',
  'Mange af de berørte kunder har endnu ikke fået besked om, hvad det betyder for dem.',
  'Prisen på komponenter er steget kraftigt siden pandemien.',
  'Flere eksperter har længe advaret om, at forsyningskæderne er sårbare.',
  'Hvad der sker nu, er stadig uklart.',
  'Det samlede marked for udstyret vurderes at vokse med omkring ti procent om året.',
  'Spørgsmålet er, om andre lande vil følge efter.',
  'Diskussionen handler i høj grad om, hvem der skal have adgang til data.',
  'Hidtil har de fleste virksomheder valgt at vente og se.',
  'Konflikten har stået på i flere år og er blevet skærpet i løbet af det seneste år.',
  'Der er tale om en af de største sager af sin slags i nyere tid.',
  'Udviklingen har især ramt de mindre leverandører, som har svært ved at finde nye markeder.',
  'Ifølge branchens egne tal er omsætningen faldet for tredje kvartal i træk.',
  'Det kan tage flere år, før de nye regler får fuld virkning.',
  'Mange it-chefer overvejer nu, om de skal skifte leverandør.',
  'Samtidig er efterspørgslen efter sikre løsninger vokset markant.',
  'Reglerne gælder både for nye kontrakter og for aftaler, der allerede er indgået.',
  'En stor del af produktionen foregår stadig i Asien.',
  'Den endelige afgørelse ventes at falde i løbet af foråret.',
  'Det har ikke været muligt at få en kommentar fra de øvrige parter.',
  'Tallene er foreløbige og kan blive justeret senere.',
  'For kunderne betyder det først og fremmest længere leveringstider.',
  'Branchen har i flere år efterlyst klarere retningslinjer på området.',
  'Beslutningen kommer efter lange og svære forhandlinger.',
  'Kritikere mener, at indgrebet rammer de forkerte.',
  'Der er endnu ikke sat en dato for, hvornår ændringerne træder i kraft.',
  'Investorerne har reageret nervøst på nyheden.',
];

/** Background that names two or three of the article's companies (a real article's context names its actors, too). */
const BACKGROUND_NAMING: readonly ((a: string, b: string, c: string) => string)[] = [
  (a, b, c) => `${a}, ${b} og ${c} hører alle til blandt de største aktører på markedet.`,
  (a, b, c) => `I branchen sammenlignes ${a} ofte med ${b} og ${c}.`,
  (a, b) => `Både ${a} og ${b} har haft et travlt år med mange nye projekter.`,
  (a, b) => `${a} og ${b} har i flere år konkurreret om de samme kunder.`,
  (a, b) => `Hverken ${a} eller ${b} har ønsket at uddybe sagen over for pressen.`,
  (a, b) => `Analytikere følger nøje, hvordan ${a} og ${b} klarer sig i den nye situation.`,
  (a, b) => `Ligesom ${a} har ${b} investeret kraftigt i nye datacentre.`,
];

/** A background sentence for a `news`-density article: often one naming some of its companies. */
function background(pick: Picker, roster: Roster): string {
  const companies = [...roster.company, ...roster.global];
  if (companies.length >= 3 && pick.chance(0.9)) {
    const a = pick.one(companies);
    const b = pick.one(companies.filter((c) => c !== a));
    return pick.one(BACKGROUND_NAMING)(a, b, pick.one(companies.filter((c) => c !== a && c !== b)));
  }
  return pick.one(BACKGROUND);
}

type Topic = 'sanction' | 'lawsuit' | 'deal' | 'meeting' | 'market' | 'hiring';
const TOPICS: readonly Topic[] = ['sanction', 'sanction', 'lawsuit', 'deal', 'deal', 'meeting', 'market', 'hiring'];

/** One story: a title, a lead and body sentences about the same few actors. */
function story(cast: Cast, topic: Topic, when: string): { title: string; sentences: string[] } {
  const { pick } = cast;
  const gov = cast.government();
  const target = cast.global();
  const other = cast.global() === target ? cast.company() : cast.global();
  const local = cast.company();
  const local2 = cast.company();
  const boss = cast.person();
  const expert = cast.person();
  const ministry = pick.one(MINISTRIES);
  const place = pick.one(PLACES);
  const product = pick.one(PRODUCTS);
  const media = cast.media();
  const bossTitle = pick.one([
    'administrerende direktør',
    'topchef',
    'direktør',
    'bestyrelsesformand',
    'teknisk direktør',
  ]);
  const pronoun = isFemale(boss) ? 'hun' : 'han';
  switch (topic) {
    case 'sanction': {
      const eased = pick.chance(0.35);
      return {
        title: eased
          ? `${gov.name} lemper sanktionerne mod ${target}`
          : `${gov.name} indfører nye sanktioner mod ${target}`,
        sentences: [
          eased
            ? `Den ${gov.adjective} regering lemper ${when} på de sanktioner, som blev indført mod ${target} sidste år.`
            : `Den ${gov.adjective} regering har ${when} indført skrappe sanktioner mod ${target}, der nu ikke længere må købe ${product} fra ${gov.name}.`,
          `Det skriver ${media}.`,
          `${ministry} begrunder beslutningen med hensynet til den nationale sikkerhed.`,
          `Ifølge ${media} har ${target} i flere år leveret ${product} til teleselskaber i hele Europa.`,
          `${target} afviser kritikken og kalder sanktionerne et politisk redskab i handelskrigen mellem ${gov.name} og Kina.`,
          `"Vi har altid overholdt reglerne i de lande, hvor vi driver forretning," siger ${boss}, ${bossTitle} i ${target}, til ${media}.`,
          `Flere danske virksomheder, heriblandt ${local}, køber udstyr fra ${target} og følger nu sagen tæt.`,
          `${expert} fra ${pick.one(ORGANIZATIONS)} vurderer, at sanktionerne kan ramme leverancerne til ${local} allerede i år.`,
          `Sanktionerne blev første gang drøftet på et møde i ${gov.capital} i foråret.`,
          eased
            ? `${gov.name} har samtidig givet ${other} en licens til at handle med ${target} i yderligere 90 dage.`
            : `${other} har ifølge ${media} allerede stoppet salget af ${product} til ${target}.`,
        ],
      };
    }
    case 'lawsuit':
      return {
        title: `${local} sagsøger ${other} for brud på patenter`,
        sentences: [
          `${local} har ${when} anlagt sag mod ${other} ved ${pick.one(COURTS)} for brud på en række patenter.`,
          `Sagen drejer sig om teknologi til ${product}, som ${local} har udviklet i ${place} siden 2015.`,
          `${boss}, ${bossTitle} i ${local}, siger, at virksomheden har forsøgt at finde en løsning uden for retten.`,
          `"Vi har brugt mange år og mange penge på at udvikle den her teknologi, og den skal ikke kopieres," siger ${pronoun}.`,
          `${other} ønsker ikke at kommentere sagen, oplyser selskabets presseafdeling til ${media}.`,
          `${expert}, der er advokat hos ${local2}, forventer, at sagen kan trække ud i flere år.`,
          `${pick.one(COURTS)} afsagde sidste år dom i en lignende sag, hvor ${other} blev frifundet.`,
          `Kravet lyder på ${amount(pick)} i erstatning.`,
        ],
      };
    case 'deal':
      return pick.chance(0.5)
        ? {
            title: `${local} køber ${local2} for ${amount(pick)}`,
            sentences: [
              `${local} har ${when} indgået en aftale om at købe ${local2} for ${amount(pick)}.`,
              `Opkøbet gør ${local} til en af de største leverandører af ${product} i Norden.`,
              `${boss}, ${bossTitle} i ${local}, kalder handlen et vigtigt skridt for virksomheden.`,
              `"Med ${local2} får vi både nye kunder og nogle af de dygtigste udviklere i ${place}," siger ${pronoun}.`,
              `${local2} har omkring ${pick.between(20, 900)} ansatte og hovedkontor i ${place}.`,
              `Handlen skal godkendes af Konkurrence- og Forbrugerstyrelsen, før den kan gennemføres.`,
              `${expert} bliver efter opkøbet direktør for den samlede forretning i ${pick.one(PLACES)}.`,
              `Det skriver ${media}.`,
            ],
          }
        : {
            title: `${target} og ${local} indgår partnerskab om ${product}`,
            sentences: [
              `${target} og ${local} har ${when} indgået et strategisk partnerskab om udvikling af ${product}.`,
              `Ifølge aftalen skal ${local} levere ${product} til ${target}s kunder i Skandinavien.`,
              `${boss}, ${bossTitle} i ${local}, glæder sig over samarbejdet.`,
              `"Partnerskabet med ${target} åbner døre for os på markeder, vi ellers ikke kunne nå," siger ${pronoun} til ${media}.`,
              `Partnerskabet omfatter også et udviklingscenter i ${place}, hvor ${pick.between(10, 200)} medarbejdere skal arbejde.`,
              `${expert} fra ${pick.one(ORGANIZATIONS)} kalder aftalen et tegn på, at danske it-virksomheder står stærkt.`,
            ],
          };
    case 'meeting': {
      const gov2 = cast.government();
      const leaderA = boss;
      const leaderB = expert;
      return {
        title: `${gov.name} og ${gov2.name === gov.name ? 'Kina' : gov2.name} mødes om handel og teknologi`,
        sentences: [
          `Repræsentanter for ${gov.name} og ${gov2.name === gov.name ? 'Kina' : gov2.name} mødtes ${when} i ${place} for at drøfte handel med ${product}.`,
          `Mødet fandt sted i forbindelse med G20-topmødet, hvor også ${ministry} var repræsenteret.`,
          `${leaderA} fra ${ministry} siger efter mødet, at parterne er kommet tættere på en aftale.`,
          `${leaderB} mødtes samtidig med ledelsen i ${target} for at tale om eksportreglerne.`,
          `${target} og ${other} har begge interesse i, at handelsstriden bliver løst.`,
          `Ifølge ${media} skal der holdes et nyt møde i ${gov.capital} senere på året.`,
        ],
      };
    }
    case 'market':
      return {
        title: `${target}-aktien styrtdykker efter kvartalsregnskab`,
        sentences: [
          `Aktien i ${target} faldt ${when} med ${pick.between(3, 24)} procent, efter at selskabet præsenterede et skuffende regnskab.`,
          `Også ${other} og ${local} blev ramt af faldet på børsen.`,
          `${expert}, analytiker hos ${local2}, peger på, at efterspørgslen efter ${product} er faldet markant.`,
          `"Markedet havde regnet med langt mere, og det straffes hårdt," siger ${expert} til ${media}.`,
          `${target} har i forvejen været presset af sanktioner fra ${gov.name}.`,
          `Omsætningen landede på ${amount(pick)}, hvilket er ${pick.between(2, 30)} procent mindre end året før.`,
        ],
      };
    case 'hiring':
      return {
        title: `${local} henter ny topchef fra ${local2}`,
        sentences: [
          `${boss} bliver ny administrerende direktør i ${local}, oplyser virksomheden ${when}.`,
          `${pronoun[0].toUpperCase()}${pronoun.slice(1)} kommer fra en stilling som ${pick.one(JOB_TITLES).toLowerCase()} hos ${local2}, hvor ${pronoun} har været i ${pick.between(2, 15)} år.`,
          `${boss} er uddannet ${pick.one(DEGREES)} fra ${pick.one(ORGANIZATIONS.slice(0, 7))}.`,
          `Bestyrelsesformand ${expert} siger, at ${local} har brug for en leder med erfaring fra ${product}.`,
          `${local} har hovedkontor i ${place} og samarbejder blandt andet med ${target}.`,
          `Det skriver ${media}.`,
        ],
      };
  }
}

/** "X har pr. 1. oktober 2025 ansat Y som Z. …" — the Navnenyt grammar the extractor parses exactly. */
function announcement(cast: Cast): string {
  const { pick } = cast;
  const person = cast.person();
  const employer = cast.company();
  const previous = cast.company();
  const d = isoDate(pick);
  const pronoun = isFemale(person) ? 'Hun' : 'Han';
  const title = pick.one(JOB_TITLES);
  const kind = pick.int(3);
  const lines: string[] = [];
  if (kind === 0) {
    lines.push(
      `${employer} har pr. ${danishDate(d)} ansat ${person} som ${title}. ${pronoun} kommer fra en stilling som ${pick.one(JOB_TITLES)} hos ${previous}. Nyt job`,
    );
  } else if (kind === 1) {
    lines.push(
      `${employer} har pr. ${danishDate(d)} ansat ${person} som ${title}. ${pronoun} skal især beskæftige sig med ${pick.one(PRODUCTS)} og nye kunder. ${pronoun} er uddannet ${pick.one(DEGREES)} på ${pick.one(ORGANIZATIONS.slice(0, 7))}. Nyt job`,
    );
  } else {
    lines.push(
      `${person} er pr. ${danishDate(d)} blevet forfremmet til ${title} hos ${employer}. ${pronoun} har tidligere været ${pick.one(JOB_TITLES)} samme sted. Forfremmelse`,
    );
  }
  return [...lines, '', person, '', employer].join('\n');
}

const FURNITURE = [
  'Artikel top billede',
  'Læses lige nu',
  'Computerworld Events\n\nVi samler hvert år tusindvis af deltagere til events for it-professionelle.\n\nSikkerhed | Online\n\nCyber Briefing: Sådan beskytter du forretningen\n\nSe alle vores events inden for it',
];

/** The chance that a body sentence of a `news`-density article (after the first paragraph) is background. */
const BACKGROUND_SHARE = 0.53;
/** The chance that a filler story of a `news`-density article brings back one of its actors rather than a new one. */
const FILLER_REUSE = 0.85;

/** Article `index` of the corpus with `options` (pure: the same arguments give the same bytes). */
export function syntheticArticle(index: number, total: number, options: CorpusOptions = {}): SyntheticArticle {
  const seed = options.seed ?? DEFAULT_SEED;
  const pick = new Picker(articleSeed(seed, index));
  const cast = castFor(pick, total, options);
  const minBytes = options.minBytes ?? 3000;
  const maxBytes = options.maxBytes ?? 5000;
  const target = pick.between(minBytes, maxBytes);

  const date = isoDate(pick);
  const when = pick.chance(0.5) ? pick.one(WEEKDAYS) : `den ${danishDate(date)}`;
  // `news`: the main story's actors come back in the stories that fill the body (reuse 0 for the main story
  // itself, which only records them). `dense`: every story draws its own.
  const news = (options.density ?? 'news') === 'news';
  const roster = emptyRoster();
  const fillerCast = () => (news ? storyCast(cast, roster, FILLER_REUSE) : cast);
  const main = story(news ? storyCast(cast, roster, 0) : cast, pick.one(TOPICS), when);
  const title = main.title;

  const announcements: string[] = [];
  const nAnnouncements = pick.between(1, news ? 3 : 4);
  for (let i = 0; i < nAnnouncements; i++) announcements.push(announcement(cast));
  const related = [
    story(cast, pick.one(TOPICS), 'i dag').title,
    story(cast, pick.one(TOPICS), 'i går').title,
    story(cast, pick.one(TOPICS), 'i dag').title,
  ];

  const header = `URL: https://nyheder.example.dk/artikel/${index}-${slug(title)}\nDato: ${date.iso}\n\n${title}\n\n`;
  const tail = ['Læs også:', ...related, pick.one(FURNITURE), 'Navnenyt fra it-Danmark', ...announcements].join('\n\n');

  // Body: the main story, then more stories until the article reaches its size (paragraphs of 1-3 sentences).
  const paragraphs: string[] = [];
  let size = Buffer.byteLength(header + tail);
  const queue = [...main.sentences];
  let paragraph: string[] = [];
  for (let guard = 0; guard < 200 && size < target; guard++) {
    if (queue.length === 0)
      queue.push(...story(fillerCast(), pick.one(TOPICS), pick.one(WEEKDAYS)).sentences.slice(0, 5));
    // `news`: about half of the body after the first sentences is background that names nobody.
    const sentence =
      news && paragraphs.length > 0 && pick.chance(BACKGROUND_SHARE) ? background(pick, roster) : queue.shift()!;
    paragraph.push(sentence);
    size += Buffer.byteLength(sentence) + 1;
    if (paragraph.length >= pick.between(1, 3)) {
      paragraphs.push(paragraph.join(' '));
      size += 2;
      paragraph = [];
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
  if (paragraphs.length > 2 && pick.chance(0.6)) paragraphs.splice(1, 0, FURNITURE[0]);

  const text = `${header}${paragraphs.join('\n\n')}\n\n${tail}\n`;
  return { index, fileName: `${String(index).padStart(6, '0')}-${slug(title)}.txt`, title, text };
}

/** Articles 0..count-1 of a corpus. */
export function* syntheticCorpus(count: number, options: CorpusOptions = {}): Generator<SyntheticArticle> {
  for (let i = 0; i < count; i++) yield syntheticArticle(i, count, options);
}

/** Writes a corpus as .txt files into `dir` (created); returns the file paths in index order. */
export async function writeCorpus(dir: string, count: number, options: CorpusOptions = {}): Promise<string[]> {
  const { mkdir, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const article of syntheticCorpus(count, options)) {
    const path = join(dir, article.fileName);
    await writeFile(path, article.text);
    paths.push(path);
  }
  return paths;
}

// The file name is checked too: bundled into the profiling entry (bench/extract.ts), import.meta.url is the bundle's
// own, which equals argv[1], and the bundle's arguments would be read as COUNT DIR.
const isMain = import.meta.url === `file://${process.argv[1]}` && import.meta.url.endsWith('/bench/corpus.ts');
if (isMain) {
  // npx tsx bench/corpus.ts COUNT [DIR] [--seed N]: prints one article, or writes COUNT files into DIR.
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : DEFAULT_SEED;
  const count = Number(args[0] ?? 1);
  if (args[1]) {
    const paths = await writeCorpus(args[1], count, { seed });
    console.log(`wrote ${paths.length} articles to ${args[1]}`);
  } else {
    for (const article of syntheticCorpus(count, { seed })) process.stdout.write(`${article.text}\n-----\n`);
  }
}
