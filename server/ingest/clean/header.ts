// Parses the optional header lines of an article file (URL:, Dato:/Date:, Kilde:, Titel:).
import { parseDate } from '../../nlp/dates.ts';

export interface ArticleHeader {
  readonly url: string | null;
  readonly publishedAt: string | null;
  /** The publication the article comes from ("Kilde: Computerworld"). */
  readonly source: string | null;
  readonly title: string | null;
  /** The text after the header block. */
  readonly rest: string;
}

const HEADER_LINE =
  /^(url|link|dato|date|published|publiceret|kilde|source|titel|title|forfatter|author|af)\s*:\s*(.*)$/i;

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
    else if (key === 'dato' || key === 'date' || key === 'published' || key === 'publiceret')
      publishedAt = parseDate(value);
    else if (key === 'kilde' || key === 'source') source = value || null;
    else if (key === 'titel' || key === 'title') title = value || null;
  }
  // Header lines count only when a blank line (or the end) follows them.
  if (i === first || (i < lines.length && lines[i].trim() !== '')) {
    return { url: null, publishedAt: null, source: null, title: null, rest: text };
  }
  return { url, publishedAt, source, title, rest: lines.slice(i).join('\n') };
}
