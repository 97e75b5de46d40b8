// Parses the optional header lines of an article file (URL:, Dato:/Date:, Kilde:, Titel:) and Danish dates.

export interface ArticleHeader {
  readonly url: string | null;
  readonly publishedAt: string | null;
  /** The publication the article comes from ("Kilde: Computerworld"). */
  readonly source: string | null;
  readonly title: string | null;
  /** The text after the header block. */
  readonly rest: string;
}

const HEADER_LINE = /^(url|link|dato|date|published|publiceret|kilde|source|titel|title|forfatter|author|af)\s*:\s*(.*)$/i;

export const DANISH_MONTHS: Record<string, number> = {
  januar: 1, februar: 2, marts: 3, april: 4, maj: 5, juni: 6, juli: 7, august: 8, september: 9, oktober: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10,
  nov: 11, dec: 12, january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, october: 10,
};

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A valid calendar date as YYYY-MM-DD, or null. */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Reads "2019-06-29", "29-06-2019", "29.06.2019", "29/6 2019", "29. juni 2019" or "June 29, 2019" as an ISO date. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (m) return isoFromParts(+m[1], +m[2], +m[3]);
  m = /\b(\d{1,2})[.\-/](\d{1,2})[.\-/ ](\d{4})\b/.exec(s);
  if (m) return isoFromParts(+m[3], +m[2], +m[1]);
  m = /\b(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})\b/i.exec(s);
  if (m && DANISH_MONTHS[m[2].toLowerCase()]) return isoFromParts(+m[3], DANISH_MONTHS[m[2].toLowerCase()], +m[1]);
  m = /\b([a-z]+)\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(s);
  if (m && DANISH_MONTHS[m[1].toLowerCase()]) return isoFromParts(+m[3], DANISH_MONTHS[m[1].toLowerCase()], +m[2]);
  return null;
}

/** Splits the header block (if any) from the article text. Lines must be at the very top. */
export function parseHeader(text: string): ArticleHeader {
  const lines = text.split('\n');
  let url: string | null = null;
  let publishedAt: string | null = null;
  let source: string | null = null;
  let title: string | null = null;
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const first = i;
  for (; i < lines.length; i++) {
    const m = HEADER_LINE.exec(lines[i].trim());
    if (!m) break;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    // "Af: ..." is a byline only inside a header block; a title line like "Date: ..." never has a URL.
    if (key === 'url' || key === 'link') url = value || null;
    else if (key === 'dato' || key === 'date' || key === 'published' || key === 'publiceret') publishedAt = parseDate(value);
    else if (key === 'kilde' || key === 'source') source = value || null;
    else if (key === 'titel' || key === 'title') title = value || null;
  }
  // Header lines count only when a blank line (or the end) follows them.
  if (i === first || (i < lines.length && lines[i].trim() !== '')) {
    return { url: null, publishedAt: null, source: null, title: null, rest: text };
  }
  return { url, publishedAt, source, title, rest: lines.slice(i).join('\n') };
}
