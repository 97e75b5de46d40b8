// The grammar of "Navnenyt" job announcements ("X har pr. 1. oktober 2025 ansat Y som Z", "Han er uddannet D på U"), parsed exactly.
import { DANISH_MONTHS, isoFromParts } from './dates.ts';

/** A stretch of the sentence: offsets are into the sentence text. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type AnnouncementKind = 'HIRED' | 'PROMOTED' | 'DEPARTED' | 'FORMERLY_AT' | 'EDUCATED_AT' | 'DUTIES';

/** What one announcement sentence says. `person` is null when the sentence uses a pronoun ("Han kommer fra …"). */
export interface AnnouncementFact {
  readonly kind: AnnouncementKind;
  readonly person: TextSpan | null;
  /** The employer (HIRED, PROMOTED, DEPARTED), the former employer (FORMERLY_AT) or the school (EDUCATED_AT). */
  readonly organization: TextSpan | null;
  /** Job title (new title for HIRED/PROMOTED, former title for FORMERLY_AT). */
  readonly title: TextSpan | null;
  /** Title held before a promotion ("Juniorkonsulent"). */
  readonly previousTitle: TextSpan | null;
  readonly degree: TextSpan | null;
  /** A brand or unit named in the title ("Brand Manager for Oddset"): part of the employer. */
  readonly unit: TextSpan | null;
  readonly date: string | null;
  readonly dateText: string | null;
  /** Stretches where capitalised words are titles, degrees or duties, not names. */
  readonly protectedSpans: readonly TextSpan[];
}

const DATE = String.raw`(?<date>\d{1,2}\.\s*\p{L}+(?:\s+\d{4})?)`;
// The same date when it may appear at the end instead (a regular expression may name a group only once).
const DATE_LATE = String.raw`(?<late>\d{1,2}\.\s*\p{L}+(?:\s+\d{4})?)`;
const PER = String.raw`(?:pr\.|per|pr|fra|fra den|den|med virkning fra|med virkning pr\.)`;
const NAME = String.raw`\p{Lu}[^,(]*?`;
const ORG = String.raw`[\p{Lu}\d][^]*?`;
const AGE = String.raw`(?:,\s*\d{1,3}\s+år,?|\s*\(\d{1,3}\),?)?`;
const AT = '(?:hos|i|ved|for)';
const PRONOUN = '(?:Han|Hun|Hen|Vedkommende)';
const WHEN = `(?:${PER} ${DATE} )?`;
const WHEN_LATE = String.raw`(?:,?\s+${PER} ${DATE_LATE})?`;

// Each pattern covers a whole sentence; optional final full stop. Order matters: the first match wins.
const PATTERNS: ReadonlyArray<{ kind: AnnouncementKind; re: RegExp }> = [
  // "Industriens Pension har pr. 3. november 2025 ansat Morten Plannthin Lund, 55 år, som it-driftschef."
  {
    kind: 'HIRED',
    re: new RegExp(
      String.raw`^(?<org>${ORG}) har ${WHEN}(?:ansat|ansat og udnævnt|hentet) (?<person>${NAME})${AGE}\s+(?:i stillingen |i en stilling |i rollen )?som (?<title>.+?)${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  // "X har pr. 1. maj 2025 udnævnt Y til Z." (an appointment from outside)
  {
    kind: 'HIRED',
    re: new RegExp(
      String.raw`^(?<org>${ORG}) har ${WHEN}udnævnt (?<person>${NAME})${AGE}\s+til (?:ny |nyt )?(?<title>.+?)${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  // "Y, 41 år, er pr. 1. maj 2025 ansat som Z hos X." / "… er blevet ansat som Z i X pr. 1. maj 2025."
  {
    kind: 'HIRED',
    re: new RegExp(
      String.raw`^(?<person>${NAME})${AGE}\s*er ${WHEN}(?:blevet )?(?:ansat|tiltrådt|startet|begyndt) (?:i stillingen |i en stilling )?som (?<title>.+?) ${AT} (?<org>\p{Lu}.*?)${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  // "Y er pr. 1. maj 2025 udnævnt til administrerende direktør i X." (a post named with its employer)
  {
    kind: 'HIRED',
    re: new RegExp(
      String.raw`^(?<person>${NAME})${AGE}\s*er ${WHEN}(?:blevet )?udnævnt til (?:ny |nyt )?(?<title>.+?) ${AT} (?<org>\p{Lu}.*?)${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  // "Y tiltræder pr. 1. juni 2025 som Z hos X."
  {
    kind: 'HIRED',
    re: new RegExp(
      String.raw`^(?<person>${NAME})${AGE}\s*(?:tiltræder|tiltrådte|starter|startede|begynder|begyndte) ${WHEN}(?:i stillingen |i en stilling )?som (?<title>.+?) ${AT} (?<org>\p{Lu}.*?)${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  // "Y bliver pr. 1. juni 2025 ny Z i X." / "Y er fra 1. juni 2025 ny Z hos X."
  {
    kind: 'HIRED',
    re: new RegExp(
      String.raw`^(?<person>${NAME})${AGE}\s*(?:bliver|er|blev) ${WHEN}(?:ny|nyt|nye) (?<title>.+?) ${AT} (?<org>\p{Lu}.*?)${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  // "Sebastian Rübner-Petersen, 32 år, Juniorkonsulent hos Gammelbys, er pr. 1. september 2025 forfremmet til Kommunikationskonsulent."
  {
    kind: 'PROMOTED',
    re: new RegExp(
      String.raw`^(?<person>${NAME})${AGE}\s*(?<prev>[^,]+?) ${AT} (?<org>\p{Lu}[^,]*?), er ${WHEN}(?:blevet )?(?:forfremmet|udnævnt) til (?:ny |nyt )?(?<title>.+?)${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  // "Y, der hidtil har været T hos X, er pr. 1. maj 2025 forfremmet til T2."
  {
    kind: 'PROMOTED',
    re: new RegExp(
      String.raw`^(?<person>${NAME})${AGE},?\s*(?:der|som) (?:hidtil |indtil nu )?(?:har været|var) (?<prev>.+?) ${AT} (?<org>\p{Lu}[^,]*?), er ${WHEN}(?:blevet )?(?:forfremmet|udnævnt) til (?:ny |nyt )?(?<title>.+?)${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  // "X har pr. 1. maj 2025 forfremmet Y til Z."
  {
    kind: 'PROMOTED',
    re: new RegExp(
      String.raw`^(?<org>${ORG}) har ${WHEN}forfremmet (?<person>${NAME})${AGE}\s+til (?:ny |nyt )?(?<title>.+?)${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  // "Hos X er Y pr. 1. maj 2025 forfremmet fra T til Z."
  {
    kind: 'PROMOTED',
    re: new RegExp(
      String.raw`^Hos (?<org>${ORG}) er (?<person>${NAME})${AGE}\s+${WHEN}(?:blevet )?(?:forfremmet|udnævnt) (?:fra (?<prev>.+?) )?til (?:ny |nyt )?(?<title>.+?)${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  // "Y er pr. 1. maj 2025 forfremmet (fra T) til Z hos X."
  {
    kind: 'PROMOTED',
    re: new RegExp(
      String.raw`^(?<person>${NAME})${AGE}\s*er ${WHEN}(?:blevet )?forfremmet (?:fra (?<prev>.+?) )?til (?:ny |nyt )?(?<title>.+?)(?: ${AT} (?<org>\p{Lu}.*?))?${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  // "Y, 58 år, Direktør hos X, fratræder pr. 31. december 2025 sin stilling."
  {
    kind: 'DEPARTED',
    re: new RegExp(
      String.raw`^(?<person>${NAME})${AGE}\s*(?<prev>[^,]+?) ${AT} (?<org>\p{Lu}[^,]*?), (?:fratræder|fratrådte|stopper|har forladt|forlader|går på pension) ${WHEN}.*?\.?$`,
      'du',
    ),
  },
  // "Y fratræder pr. 31. december 2025 sin stilling som T hos X." / "Y har pr. 1. maj 2025 forladt X."
  {
    kind: 'DEPARTED',
    re: new RegExp(
      String.raw`^(?<person>${NAME})${AGE}\s*(?:fratræder|fratrådte|stopper|forlader) ${WHEN}(?:sin stilling |som )?(?:som (?<title>.+?) )?${AT} (?<org>\p{Lu}.*?)${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  {
    kind: 'DEPARTED',
    re: new RegExp(
      String.raw`^(?<person>${NAME})${AGE}\s*har ${WHEN}forladt (?:sin stilling som (?<title>.+?) ${AT} )?(?<org>\p{Lu}.*?)${WHEN_LATE}\.?$`,
      'du',
    ),
  },
  // "Han kommer fra en stilling som Head of Nordic Operations Center hos Nexi Group."
  {
    kind: 'FORMERLY_AT',
    re: new RegExp(
      String.raw`^${PRONOUN} kommer (?:senest )?fra (?:en stilling|stillingen|en rolle|rollen|et job|jobbet) som (?<title>.+?)(?: ${AT} (?<org>\p{Lu}.*?))?\.?$`,
      'du',
    ),
  },
  // "Hun kommer fra Netcompany, hvor hun var projektleder."
  {
    kind: 'FORMERLY_AT',
    re: new RegExp(
      String.raw`^${PRONOUN} kommer (?:senest )?fra (?<org>\p{Lu}[^,]*?),? hvor (?:han|hun|hen) (?:var|har været|senest var|har arbejdet|arbejdede)(?: ansat)? (?:som )?(?<title>.+?)\.?$`,
      'du',
    ),
  },
  {
    kind: 'FORMERLY_AT',
    re: new RegExp(String.raw`^${PRONOUN} kommer (?:senest )?fra (?<org>\p{Lu}[^,]*?)\.?$`, 'du'),
  },
  // "Han har tidligere været ansat som T hos X." / "Hun var tidligere T i X." / "Han har senest været salgschef hos X."
  {
    kind: 'FORMERLY_AT',
    re: new RegExp(
      String.raw`^${PRONOUN} (?:har tidligere|har senest|har i en årrække|har i \p{L}+ år|var tidligere|var senest) (?:været|arbejdet)?(?: ansat)?\s*(?:som )?(?<title>[^,]+?) ${AT} (?<org>\p{Lu}.*?)\.?$`,
      'du',
    ),
  },
  {
    kind: 'FORMERLY_AT',
    re: new RegExp(
      String.raw`^${PRONOUN} (?:har tidligere|har senest) (?:været ansat|arbejdet) ${AT} (?<org>\p{Lu}.*?)\.?$`,
      'du',
    ),
  },
  // "Han er uddannet HD, Business Management på Copenhagen Business School."
  {
    kind: 'EDUCATED_AT',
    re: new RegExp(
      String.raw`^${PRONOUN} (?:er|blev) uddannet (?<degree>.+) (?:på|fra|ved) (?<org>\p{Lu}.*?)\.?$`,
      'du',
    ),
  },
  {
    kind: 'EDUCATED_AT',
    re: new RegExp(String.raw`^${PRONOUN} (?:er|blev) uddannet (?:fra|på|ved) (?<org>\p{Lu}.*?)\.?$`, 'du'),
  },
  {
    kind: 'EDUCATED_AT',
    re: new RegExp(
      String.raw`^${PRONOUN} (?:har en uddannelse som|har en|har|er) (?<degree>(?:cand|ph|master|bachelor|diplom|HD|MBA|kandidat|civilingeniør|akademiøkonom|datamatiker|ingeniør|merkonom|erhvervsøkonom)\S*.*?) (?:fra|på|ved) (?<org>\p{Lu}.*?)\.?$`,
      'du',
    ),
  },
  { kind: 'EDUCATED_AT', re: new RegExp(String.raw`^${PRONOUN} (?:er|blev) uddannet (?<degree>.+?)\.?$`, 'du') },
  // "Han skal (fremover) (især) beskæftige sig med …" / "Han har tidligere beskæftiget sig med …".
  { kind: 'DUTIES', re: new RegExp(String.raw`^${PRONOUN} (?:skal|får|vil|har)\b(?<duties>.*)$`, 'du') },
];

// A word every sentence of that kind contains, and which kinds start with a pronoun.
const KIND_HINTS: Record<AnnouncementKind, RegExp> = {
  HIRED: /\b(?:ansat|hentet|udnævnt|tiltr|start|begynd|ny|nyt|nye|bliver|blev)/u,
  PROMOTED: /\b(?:forfremmet|udnævnt)\b/u,
  DEPARTED: /\b(?:fratræder|fratrådte|stopper|forladt|forlader|pension)\b/u,
  FORMERLY_AT: /\b(?:kommer|tidligere|senest|årrække|var)\b/u,
  EDUCATED_AT: /\b(?:uddannet|uddannelse|har|er)\b/u,
  DUTIES: /\b(?:skal|får|vil|har)\b/u,
};
const PRONOUN_KINDS = new Set<AnnouncementKind>(['FORMERLY_AT', 'EDUCATED_AT', 'DUTIES']);

/** "1. oktober 2025" -> "2025-10-01"; without a year there is no ISO date. */
export function danishDate(text: string | undefined): string | null {
  if (!text) return null;
  const m = /^(\d{1,2})\.\s*(\p{L}+)\s+(\d{4})$/u.exec(text.trim());
  if (!m) return null;
  const month = DANISH_MONTHS[m[2].toLowerCase()];
  return month ? isoFromParts(+m[3], month, +m[1]) : null;
}

function span(m: RegExpExecArray, group: string): TextSpan | null {
  const indices = m.indices?.groups?.[group];
  const text = m.groups?.[group];
  if (!indices || text === undefined) return null;
  // Trim spaces/commas the lazy groups may keep at their edges.
  let [start, end] = indices;
  const source = m.input;
  while (start < end && /[\s,]/u.test(source[start])) start++;
  while (end > start && /[\s,]/u.test(source[end - 1])) end--;
  return start < end ? { start, end, text: source.slice(start, end) } : null;
}

/** A brand in the title: "Brand Manager for Oddset" -> "Oddset". */
function unitInTitle(title: TextSpan | null): TextSpan | null {
  if (!title) return null;
  const m = /\s(?:for|i)\s+(\p{Lu}[\p{L}\d&.-]*(?:\s+\p{Lu}[\p{L}\d&.-]*){0,3})$/u.exec(title.text);
  if (!m) return null;
  const start = title.start + m.index + m[0].indexOf(m[1]);
  return { start, end: start + m[1].length, text: m[1] };
}

function looksLikeName(s: TextSpan | null, maxWords: number): boolean {
  if (!s) return false;
  const words = s.text.split(/\s+/);
  return words.length <= maxWords && /^[\p{Lu}\d]/u.test(s.text) && !/[.!?]$/.test(s.text);
}

/**
 * Where a second clause starts that the patterns do not cover: "…, hvor hun siden 2021 har arbejdet som …",
 * "… hos X og er uddannet fra U". The head before it is parsed first (offsets stay valid: it is a prefix).
 */
const SECOND_CLAUSE = /,\s*hvor (?:han|hun|hen)\b| og (?:er|har|var|blev|sidder)\b/u;

/** Parses one sentence of a Navnenyt announcement, or returns null when it follows none of the known forms. */
export function parseAnnouncement(sentence: string): AnnouncementFact | null {
  const text = sentence.trim() === sentence ? sentence : sentence.trimEnd();
  const cut = SECOND_CLAUSE.exec(text);
  if (cut && cut.index > 0) {
    const head = parseWhole(text.slice(0, cut.index));
    if (head) return head;
  }
  return parseWhole(text);
}

function parseWhole(text: string): AnnouncementFact | null {
  const pronounStart = /^(?:Han|Hun|Hen|Vedkommende)\s/u.test(text);
  // Each kind's keyword is looked for once, not once per pattern of that kind.
  const hinted = new Map<AnnouncementKind, boolean>();
  for (const { kind, re } of PATTERNS) {
    // Cheap keyword checks first: most sentences fail every pattern, and the full expressions backtrack.
    if (PRONOUN_KINDS.has(kind) !== pronounStart) continue;
    let hint = hinted.get(kind);
    if (hint === undefined) {
      hint = KIND_HINTS[kind].test(text);
      hinted.set(kind, hint);
    }
    if (!hint) continue;
    const m = re.exec(text);
    if (!m) continue;
    const person = span(m, 'person');
    const organization = span(m, 'org');
    if (person && !looksLikeName(person, 6)) continue;
    if (organization && !looksLikeName(organization, 8)) continue;
    const title = span(m, 'title');
    const previousTitle = span(m, 'prev');
    const degree = span(m, 'degree');
    const duties = span(m, 'duties');
    const dateText = m.groups?.date ?? m.groups?.late ?? null;
    const protectedSpans = [title, previousTitle, degree, duties].filter((s): s is TextSpan => s !== null);
    const unit = kind === 'HIRED' || kind === 'PROMOTED' ? unitInTitle(title) : null;
    return {
      kind,
      person,
      organization,
      title,
      previousTitle,
      degree,
      unit,
      date: danishDate(dateText ?? undefined),
      dateText: dateText ? `pr. ${dateText}` : null,
      protectedSpans: unit
        ? protectedSpans.map((p) =>
            p === title ? { ...p, end: unit.start - 1, text: p.text.slice(0, unit.start - 1 - p.start) } : p,
          )
        : protectedSpans,
    };
  }
  return null;
}
