// The grammar of "Navnenyt" job announcements ("X har pr. 1. oktober 2025 ansat Y som Z", "Han er uddannet D på U"), parsed exactly.
import { DANISH_MONTHS, isoFromParts } from '../ingest/clean/header.ts';

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
const PER = String.raw`(?:pr\.|per|pr)`;
const NAME = String.raw`\p{Lu}[^,]*?`;
const ORG = String.raw`[\p{Lu}\d][^]*?`;
const AGE = String.raw`(?:,\s*\d{1,3}\s+år,?)?`;

// Each pattern covers a whole sentence; optional final full stop.
const PATTERNS: ReadonlyArray<{ kind: AnnouncementKind; re: RegExp }> = [
  // "Industriens Pension har pr. 3. november 2025 ansat Morten Plannthin Lund, 55 år, som it-driftschef."
  { kind: 'HIRED', re: new RegExp(String.raw`^(?<org>${ORG}) har ${PER} ${DATE} (?:ansat|ansat og udnævnt) (?<person>${NAME})${AGE}\s+(?:i stillingen )?som (?<title>.+?)\.?$`, 'du') },
  // "X har ansat Y som Z pr. 1. oktober 2025." / "X har ansat Y som Z."
  { kind: 'HIRED', re: new RegExp(String.raw`^(?<org>${ORG}) har ansat (?<person>${NAME})${AGE}\s+(?:i stillingen )?som (?<title>.+?)(?:\s+${PER} ${DATE_LATE})?\.?$`, 'du') },
  // "Y, 41 år, er pr. 1. maj 2025 ansat som Z hos X." / "... tiltrådt som Z i X."
  { kind: 'HIRED', re: new RegExp(String.raw`^(?<person>${NAME})${AGE}\s*er ${PER} ${DATE} (?:ansat|tiltrådt|startet) som (?<title>.+?) (?:hos|i|ved) (?<org>\p{Lu}.*?)\.?$`, 'du') },
  // "Sebastian Rübner-Petersen, 32 år, Juniorkonsulent hos Gammelbys, er pr. 1. september 2025 forfremmet til Kommunikationskonsulent."
  { kind: 'PROMOTED', re: new RegExp(String.raw`^(?<person>${NAME})${AGE}\s*(?<prev>[^,]+?) (?:hos|i|ved) (?<org>\p{Lu}[^,]*?), er ${PER} ${DATE} (?:blevet )?(?:forfremmet|udnævnt) til (?<title>.+?)\.?$`, 'du') },
  // "X har pr. 1. maj 2025 forfremmet Y til Z."
  { kind: 'PROMOTED', re: new RegExp(String.raw`^(?<org>${ORG}) har ${PER} ${DATE} (?:forfremmet|udnævnt) (?<person>${NAME})${AGE}\s+til (?<title>.+?)\.?$`, 'du') },
  // "Y er pr. 1. maj 2025 forfremmet til Z hos X."
  { kind: 'PROMOTED', re: new RegExp(String.raw`^(?<person>${NAME})${AGE}\s*er ${PER} ${DATE} (?:blevet )?(?:forfremmet|udnævnt) til (?<title>.+?)(?: (?:hos|i|ved) (?<org>\p{Lu}.*?))?\.?$`, 'du') },
  // "Y, 58 år, Direktør hos X, fratræder pr. 31. december 2025 sin stilling."
  { kind: 'DEPARTED', re: new RegExp(String.raw`^(?<person>${NAME})${AGE}\s*(?<prev>[^,]+?) (?:hos|i|ved) (?<org>\p{Lu}[^,]*?), (?:fratræder|fratrådte|stopper|har forladt) (?:${PER} ${DATE})?.*?\.?$`, 'du') },
  // "Y fratræder pr. 31. december 2025 sin stilling som T hos X."
  { kind: 'DEPARTED', re: new RegExp(String.raw`^(?<person>${NAME})${AGE}\s*(?:fratræder|fratrådte|stopper) (?:${PER} ${DATE} )?(?:sin stilling |som )?(?:som (?<title>.+?) )?(?:hos|i|ved) (?<org>\p{Lu}.*?)(?: ${PER} ${DATE_LATE})?\.?$`, 'du') },
  // "Han kommer fra en stilling som Head of Nordic Operations Center hos Nexi Group."
  { kind: 'FORMERLY_AT', re: /^(?:Han|Hun|Hen|Vedkommende) kommer fra en stilling som (?<title>.+?)(?: (?:hos|i|ved) (?<org>\p{Lu}.*?))?\.?$/du },
  // "Hun kommer fra Netcompany, hvor hun var projektleder."
  { kind: 'FORMERLY_AT', re: /^(?:Han|Hun|Hen) kommer fra (?<org>\p{Lu}[^,]*?), hvor (?:han|hun|hen) (?:var|har været|senest var) (?:ansat som )?(?<title>.+?)\.?$/du },
  // "Han har tidligere været ansat som T hos X." / "Hun var tidligere T i X."
  { kind: 'FORMERLY_AT', re: /^(?:Han|Hun|Hen) (?:har tidligere været(?: ansat)?|var tidligere|har senest været(?: ansat)?) som (?<title>.+?) (?:hos|i|ved) (?<org>\p{Lu}.*?)\.?$/du },
  { kind: 'FORMERLY_AT', re: /^(?:Han|Hun|Hen) (?:har tidligere været ansat|har tidligere arbejdet|har senest arbejdet) (?:hos|i|ved) (?<org>\p{Lu}.*?)\.?$/du },
  // "Han er uddannet HD, Business Management på Copenhagen Business School."
  { kind: 'EDUCATED_AT', re: /^(?:Han|Hun|Hen) er uddannet (?<degree>.+) (?:på|fra|ved) (?<org>\p{Lu}.*?)\.?$/du },
  { kind: 'EDUCATED_AT', re: /^(?:Han|Hun|Hen) er uddannet fra (?<org>\p{Lu}.*?)\.?$/du },
  { kind: 'EDUCATED_AT', re: /^(?:Han|Hun|Hen) (?:har en|er) (?<degree>(?:cand|ph|master|bachelor|diplom|HD|MBA|kandidat)\S*.*?) (?:fra|på|ved) (?<org>\p{Lu}.*?)\.?$/du },
  { kind: 'EDUCATED_AT', re: /^(?:Han|Hun|Hen) er uddannet (?<degree>.+?)\.?$/du },
  // "Han skal (fremover) (især) beskæftige sig med …" / "Han har tidligere beskæftiget sig med …".
  { kind: 'DUTIES', re: /^(?:Han|Hun|Hen) (?:skal|får|vil|har)\b(?<duties>.*)$/du },
];

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

/** Parses one sentence of a Navnenyt announcement, or returns null when it follows none of the known forms. */
export function parseAnnouncement(sentence: string): AnnouncementFact | null {
  const text = sentence.trim() === sentence ? sentence : sentence.trimEnd();
  for (const { kind, re } of PATTERNS) {
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
      protectedSpans: unit ? protectedSpans.map((p) => (p === title ? { ...p, end: unit.start - 1, text: p.text.slice(0, unit.start - 1 - p.start) } : p)) : protectedSpans,
    };
  }
  return null;
}
