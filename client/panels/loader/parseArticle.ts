// Reads the article file format (optional "URL:", "Dato:"/"Date:", "Kilde:" header lines, blank line, title, body).

export interface ParsedArticle {
  title: string;
  url: string | null;
  publishedAt: string | null;
  source: string | null;
  /** Body without the header block (the title line included). */
  body: string;
}

const HEADER = /^(URL|Dato|Date|Kilde|Source)\s*:\s*(.*)$/i;

/** Danish month names as they appear in article datelines. */
const MONTHS: Record<string, string> = {
  januar: '01',
  februar: '02',
  marts: '03',
  april: '04',
  maj: '05',
  juni: '06',
  juli: '07',
  august: '08',
  september: '09',
  oktober: '10',
  november: '11',
  december: '12',
};

/** "2019-06-29", "29.06.2019", "29/6 2019" or "29. juni 2019" -> "2019-06-29"; anything else -> null. */
export function normalizeDate(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[./-](\d{1,2})[./ -](\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  m = /^(\d{1,2})\.?\s+([a-zæøå]+)\s+(\d{4})$/.exec(s);
  if (m && MONTHS[m[2]]) return `${m[3]}-${MONTHS[m[2]]}-${m[1].padStart(2, '0')}`;
  return null;
}

export function parseArticle(text: string): ParsedArticle {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  let url: string | null = null;
  let publishedAt: string | null = null;
  let source: string | null = null;
  let i = 0;
  while (i < lines.length) {
    const m = HEADER.exec(lines[i].trim());
    if (!m) break;
    const key = m[1].toLowerCase();
    if (key === 'url') url = m[2].trim() || null;
    else if (key === 'dato' || key === 'date') publishedAt = normalizeDate(m[2]) ?? (m[2].trim() || null);
    else source = m[2].trim() || null;
    i++;
  }
  while (i < lines.length && lines[i].trim() === '') i++;
  const body = lines.slice(i).join('\n').trim();
  const title = (lines[i] ?? '').trim();
  return { title, url, publishedAt, source, body };
}

/** Longest first line (in words) still read as a headline. */
export const MAX_TITLE_WORDS = 15;

const MONTH_NAMES = Object.keys(MONTHS).join('|');
/** A date anywhere in a line: ISO, day-first with . / -, or "12. marts 2025". */
const DATE_IN_LINE = new RegExp(
  `\\b(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}|\\d{1,2}\\.?\\s+(?:${MONTH_NAMES})\\s+\\d{4})\\b`,
  'i',
);

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** A line that reads as running text rather than a headline: it ends with a full stop or is long. */
export function looksLikeSentence(line: string): boolean {
  const s = line.trim();
  return (/[.!?]$/.test(s) && !/\.\.\.$|…$/.test(s)) || wordCount(s) > MAX_TITLE_WORDS;
}

export interface TitleQuestion {
  /** Why the loader asks: the first line reads as a sentence, or it carries a date. */
  why: 'sentence' | 'date';
  /** A title to offer, when one can be guessed ("" when not). */
  title: string;
  /** The article's date (ISO) from a header or from the first line, when found. */
  date: string | null;
}

/**
 * Whether pasted text needs its title and date asked for: the server takes the first line after the header as the
 * title, which goes wrong when that line is the first sentence of the body or a dateline ("København, 12. marts 2025").
 * Null when the first line reads as a headline.
 */
export function titleQuestion(text: string): TitleQuestion | null {
  const parsed = parseArticle(text);
  const first = parsed.title;
  if (!first) return null;
  const dateMatch = DATE_IN_LINE.exec(first);
  const lineDate = dateMatch ? normalizeDate(dateMatch[1]) : null;
  const date =
    (parsed.publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(parsed.publishedAt) ? parsed.publishedAt : null) ?? lineDate;
  if (dateMatch) {
    // A dateline: the headline is often the next line; offer it when it reads as one.
    const rest =
      parsed.body
        .split('\n')
        .slice(1)
        .map((l) => l.trim())
        .find(Boolean) ?? '';
    const leftover = first
      .replace(dateMatch[0], '')
      .replace(/[\s,.:;–-]+/g, ' ')
      .trim();
    const title = wordCount(leftover) <= 3 && rest && !looksLikeSentence(rest) ? rest : '';
    return { why: 'date', title, date };
  }
  if (looksLikeSentence(first)) return { why: 'sentence', title: '', date };
  return null;
}
