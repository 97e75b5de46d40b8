// Splits a saved news page into title, body, "Læs også" headlines and "Navnenyt" announcements, dropping site furniture.
import type { Section } from '../../model.ts';
import { collapseWhiteSpace } from './whitespace.ts';

export interface Paragraph {
  readonly text: string;
  readonly section: Section;
}

export interface PageSections {
  readonly title: string;
  /** Title first, then the kept paragraphs in page order. */
  readonly paragraphs: readonly Paragraph[];
  /** Text that was dropped as furniture (ads, "Læses lige nu"); used only to recognise the publisher. */
  readonly furniture: readonly string[];
}

// Lines that are page furniture wherever they appear.
const FURNITURE_LINE = [
  /^artikel top billede$/i,
  /^\((?:foto|billede|arkivfoto|illustration|grafik|video)\s*:[^)]*\)$/i,
  /^(?:foto|billede|arkivfoto|illustration)\s*:\s*\S.{0,80}$/i,
  /^(?:annonce|annoncørbetalt indhold|sponsoreret indhold|lyt til artiklen|del artiklen|del|gem|print|artiklen fortsætter under annoncen|læs artiklen|abonnér|log ind)$/i,
  /^event\s*:/i,
  /^se alle vores events\b/i,
  /^tilmeld dig\b.{0,60}$/i,
];
// Event-ad meta lines: "Sikkerhed | Aarhus C", "22. januar 2026 | Gratis deltagelse". Tried only on lines with a
// "|": on others its bounded repetitions backtrack for nothing.
const FURNITURE_META_LINE = /^[^.!?]{1,80}\s\|\s[^.!?]{1,80}$/;

function isFurnitureLine(line: string): boolean {
  return FURNITURE_LINE.some((re) => re.test(line)) || (line.includes('|') && FURNITURE_META_LINE.test(line));
}

// Lines that start a block of furniture lasting until the Navnenyt section or the end of the page.
const FURNITURE_BLOCK =
  /^(?:læses lige nu|mest læste?|seneste nyt|populære artikler|nyhedsbrev|tilmeld dig vores nyhedsbrev|\p{Lu}[\p{L}\d]*\s+events)$/iu;
const RELATED_HEADER = /^(?:læs også|læs mere|se også|relaterede artikler|relateret)\s*(?:her)?\s*:?\s*(.*)$/i;
const PEOPLE_NEWS_HEADER = /^navne(?:nyt)?(?:\s+(?:fra|i)\s+[\p{L}-]+)?\s*:?$/iu;
// Category labels at the end of an announcement ("… strategiske it-projekter. Nyt job").
const ANNOUNCEMENT_LABEL =
  /(?:^|\s+)(?:nyt job|forfremmelse|fratrædelse|jubilæum|ny bestyrelsespost|bestyrelsespost|nyt medlem|ny stilling|udnævnelse|nyansættelse|fødselsdag|rund fødselsdag|mindeord|dødsfald|afsked|pension|hædret|prisvinder)\s*$/i;
const INLINE_PHOTO_CREDIT = /\s*\((?:foto|billede|arkivfoto|illustration|grafik)\s*:[^)]*\)/gi;
// Headlines may end in "?" or "!", body paragraphs end in a full stop.
const FULL_STOP_END = /\.["”’»)]*$/u;

/** Lowercased, one space between words, trimmed. */
function normalise(text: string): string {
  return collapseWhiteSpace(text.toLowerCase());
}

/** Joins hard-wrapped lines of one block: a line without a full stop followed by a lowercase start continues it. */
function blockParagraphs(block: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of block) {
    const prev = out.length > 0 ? out[out.length - 1] : undefined;
    if (prev !== undefined && !/[.!?:…"”’»]$/u.test(prev) && /^\p{Ll}/u.test(line)) {
      out[out.length - 1] = `${prev} ${line}`;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** True for a line that only repeats a name from the announcement above it ("Morten Plannthin Lund", "Industriens Pension"). */
function isEchoLine(line: string, lastAnnouncement: string | undefined): boolean {
  if (lastAnnouncement === undefined) return false;
  if (/[.!?]$/.test(line) || line.split(/\s+/).length > 8) return false;
  return lastAnnouncement.includes(line);
}

/**
 * Walks the page line by line with a small state machine: body -> (related) -> furniture -> people-news.
 * `titleOverride` replaces the first line as title (and an identical first line is not repeated).
 */
export function splitSections(text: string, titleOverride?: string): PageSections {
  const rawLines = text.split('\n');
  // Blocks of consecutive non-empty lines, trimmed of the indentation saved pages keep.
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const raw of rawLines) {
    const line = raw.replace(/\u00a0/g, ' ').trim();
    if (line === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);

  const paragraphs: Paragraph[] = [];
  const furniture: string[] = [];
  const seen = new Set<string>();
  let title = titleOverride?.trim() ?? '';
  // The title's comparison key, kept with it: every line is compared with it.
  let titleKey = normalise(title);
  let mode: 'body' | 'related-block' | 'furniture' | 'people-news' = 'body';
  let lastAnnouncement: string | undefined;

  const keep = (paragraph: string, section: Section, key = normalise(paragraph)): void => {
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    paragraphs.push({ text: paragraph, section });
  };

  for (const block of blocks) {
    // Announcements are one per line; elsewhere hard-wrapped lines are joined first.
    const lines = mode === 'people-news' ? block : blockParagraphs(block);
    for (let line of lines) {
      if (title === '') {
        title = line;
        titleKey = normalise(line);
        seen.add(titleKey);
        continue;
      }
      if (PEOPLE_NEWS_HEADER.test(line)) {
        mode = 'people-news';
        lastAnnouncement = undefined;
        continue;
      }
      if (mode === 'people-news') {
        const withoutLabel = line.replace(ANNOUNCEMENT_LABEL, '').trim();
        if (withoutLabel === '' || isEchoLine(withoutLabel, lastAnnouncement)) continue;
        if (isFurnitureLine(withoutLabel)) {
          furniture.push(line);
          continue;
        }
        lastAnnouncement = withoutLabel;
        keep(withoutLabel, 'people-news');
        continue;
      }
      if (FURNITURE_BLOCK.test(line)) {
        mode = 'furniture';
        furniture.push(line);
        continue;
      }
      if (mode === 'furniture') {
        furniture.push(line);
        continue;
      }
      if (isFurnitureLine(line)) {
        furniture.push(line);
        continue;
      }
      // A photo credit is in brackets; a line without any has none to drop.
      line = (line.includes('(') ? line.replace(INLINE_PHOTO_CREDIT, '') : line).trim();
      const key = normalise(line);
      if (key === titleKey) continue;
      const related = RELATED_HEADER.exec(line);
      if (related) {
        if (related[1].trim() !== '') keep(related[1].trim(), 'related');
        else mode = 'related-block';
        continue;
      }
      if (mode === 'related-block') {
        // Linked headlines carry no full stop; a paragraph ending in one means the article text resumes.
        if (!FULL_STOP_END.test(line)) {
          keep(line, 'related', key);
          continue;
        }
        mode = 'body';
      }
      keep(line, 'body', key);
    }
  }
  return { title, paragraphs, furniture };
}
