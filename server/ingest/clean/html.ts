// Turns a saved HTML news page into plain text paragraphs (tags, scripts and styles removed, entities decoded).

export interface HtmlPage {
  readonly text: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
}

// Named entities seen in Danish news pages; anything else numeric is decoded generically.
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  aring: 'å',
  Aring: 'Å',
  auml: 'ä',
  Auml: 'Ä',
  ouml: 'ö',
  Ouml: 'Ö',
  uuml: 'ü',
  Uuml: 'Ü',
  eacute: 'é',
  Eacute: 'É',
  egrave: 'è',
  aacute: 'á',
  oacute: 'ó',
  iacute: 'í',
  uacute: 'ú',
  ntilde: 'ñ',
  ccedil: 'ç',
  szlig: 'ß',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  sbquo: '‚',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  deg: '°',
  times: '×',
  divide: '÷',
  para: '¶',
  sect: '§',
  frac12: '½',
  thinsp: ' ',
  ensp: ' ',
  emsp: ' ',
  zwnj: '',
  zwj: '',
  lrm: '',
  rlm: '',
};

/** Decodes HTML character references (&amp; &#230; &#xE6; and the named ones above). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    const named = NAMED_ENTITIES[ref];
    return named !== undefined ? named : whole;
  });
}

/** True when the text is an HTML document or fragment rather than plain text with a stray "<". */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  const tags = text
    .slice(0, 20000)
    .match(/<\/?(?:p|div|span|a|br|h[1-6]|body|head|article|section|li|ul|script|style|meta)\b[^>]*>/gi);
  return tags !== null && tags.length >= 3;
}

// Elements whose content is never article text.
const DROPPED_ELEMENTS = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'head',
  'nav',
  'footer',
  'form',
  'button',
  'select',
  'figure',
];
// Elements that end a paragraph: the text after them starts a new line.
const BLOCK_TAG =
  /^(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|blockquote|pre|dd|dt|aside|main|hr|figcaption)$/i;

function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? decodeEntities(m[2] ?? m[3] ?? m[4] ?? '') : null;
}

function metaContent(html: string, keys: readonly string[]): string | null {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const key = (
      attribute(tag, 'property') ??
      attribute(tag, 'name') ??
      attribute(tag, 'itemprop') ??
      ''
    ).toLowerCase();
    if (keys.includes(key)) {
      const content = attribute(tag, 'content');
      if (content) return content.trim();
    }
  }
  return null;
}

function isoDate(value: string | null): string | null {
  const m = value ? /(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/**
 * Strips an HTML page to text: one paragraph per block element, blank lines between them.
 * Linear in the page size: one pass of regular expressions with no nested backtracking.
 */
export function htmlToText(html: string): HtmlPage {
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const ogTitle = metaContent(html, ['og:title', 'twitter:title']);
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const clean = (s: string) =>
    decodeEntities(s.replace(/<[^>]*>/g, ' '))
      .replace(/\s+/g, ' ')
      .trim();
  const title = (h1 && clean(h1[1])) || ogTitle || (titleMatch && clean(titleMatch[1])) || null;
  const canonical = /<link\b[^>]*rel\s*=\s*["']?canonical[^>]*>/i.exec(html);
  const url = metaContent(html, ['og:url']) ?? (canonical ? attribute(canonical[0], 'href') : null);
  const publishedAt = isoDate(metaContent(html, ['article:published_time', 'datepublished', 'date', 'pubdate']));

  let body = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ' ');
  for (const element of DROPPED_ELEMENTS) {
    body = body.replace(new RegExp(`<${element}\\b[^>]*>[\\s\\S]*?<\\/${element}\\s*>`, 'gi'), '\n');
  }
  // The h1 becomes the title line, so it is not repeated in the body.
  if (h1) body = body.replace(h1[0], '\n');
  body = body.replace(/<\/?([a-z][a-z0-9]*)\b[^>]*>/gi, (_tag, name: string) => (BLOCK_TAG.test(name) ? '\n' : ' '));
  body = body.replace(/<[^>]*>/g, ' ');
  const paragraphs = decodeEntities(body)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '');
  const text = [title ?? '', ...paragraphs.filter((p, i) => !(i === 0 && p === title))].filter(Boolean).join('\n\n');
  return { text, title, url, publishedAt };
}
