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
