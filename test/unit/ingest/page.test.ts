// Article text and metadata from a fetched page: which source wins for title, date, author and URL, and what is no article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { charsetFromContentType, charsetFromMeta, decodePage } from '../../../server/ingest/fetch/charset.ts';
import { extractPageArticle } from '../../../server/ingest/fetch/page.ts';

const WEB = join(PROJECT_ROOT, 'test', 'fixtures', 'web');
const BODY = [
  'Kommunen har valgt leverandøren Skovsky ApS til at drive de nye servere i rådhusets kælder i de næste fem år.',
  'Aftalen er værd 12 millioner kroner og blev underskrevet mandag, efter at to andre tilbud var blevet afvist.',
  'Borgmesteren kalder aftalen et vigtigt skridt mod en mere stabil drift af kommunens systemer og hjemmesider.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');

function page(head: string, body = `<article><h1>Kommunen vælger Skovsky</h1>${BODY}</article>`): string {
  return `<!DOCTYPE html><html lang="da"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

describe('extractPageArticle', () => {
  it('keeps body, "Læs også" and Navnenyt of a furnished page, drops menu, cookies and ads', () => {
    const article = extractPageArticle(readFileSync(join(WEB, 'artikel.html'), 'utf8'), 'https://x.example/a');
    expect(article.text.split('\n\n')[0]).toBe('Nordlys Data køber sikkerhedsfirmaet Fjordvagt');
    expect(article.text).toMatch(/\n\nLæs også\n\nHavørn Kapital rejser ny fond/);
    expect(article.text).toMatch(
      /\n\nNavnenyt fra it-Danmark\n\nFjordvagt ApS har pr\. 1\. oktober 2025 ansat Solvej Dahl/,
    );
    expect(article.text).not.toMatch(/cookies|Lynlinje|Skyfri|Forside|Læses lige nu|©/);
    expect(article.author).toBe('Karen Holmgaard');
  });

  it('takes the date from article:published_time, else from <time datetime>', () => {
    const meta = extractPageArticle(
      page('<meta property="article:published_time" content="2023-02-01T08:00:00Z">'),
      'https://x.example/a',
    );
    expect(meta.publishedAt).toBe('2023-02-01');
    const time = extractPageArticle(
      page(
        '',
        `<article><h1>Kommunen vælger Skovsky</h1><time datetime="2022-12-24">juleaften</time>${BODY}</article>`,
      ),
      'https://x.example/a',
    );
    expect(time.publishedAt).toBe('2022-12-24');
    expect(extractPageArticle(page(''), 'https://x.example/a').publishedAt).toBeNull();
  });

  it('resolves a relative canonical link, falls back to og:url, then to the fetched address', () => {
    expect(extractPageArticle(page('<link rel="canonical" href="/nyt/skovsky">'), 'https://x.example/amp/1').url).toBe(
      'https://x.example/nyt/skovsky',
    );
    expect(
      extractPageArticle(page('<meta property="og:url" content="https://x.example/og">'), 'https://x.example/a').url,
    ).toBe('https://x.example/og');
    expect(
      extractPageArticle(page('<link rel="canonical" href="javascript:alert(1)">'), 'https://x.example/a').url,
    ).toBe('https://x.example/a');
  });

  it('reads a JSON-LD NewsArticle given as a list, with the author as a plain string', () => {
    const ld = JSON.stringify([
      { '@type': 'BreadcrumbList' },
      {
        '@type': 'NewsArticle',
        headline: 'Skovsky vinder kommunal aftale',
        datePublished: '2021-06-30',
        author: 'Bo Ask',
      },
    ]);
    const article = extractPageArticle(
      page(`<script type="application/ld+json">${ld}</script>`),
      'https://x.example/a',
    );
    expect(article).toMatchObject({
      title: 'Skovsky vinder kommunal aftale',
      publishedAt: '2021-06-30',
      author: 'Bo Ask',
    });
  });

  it('refuses a page without article text (a front page of links) with NOT_AN_ARTICLE', () => {
    const front = page(
      '',
      '<nav><a href="/a">Nyheder</a> <a href="/b">Sport</a></nav><ul><li><a href="/c">Kort nyt</a></li></ul>',
    );
    expect(() => extractPageArticle(front, 'https://x.example/')).toThrow(
      expect.objectContaining({ code: 'NOT_AN_ARTICLE' }),
    );
  });
});

describe('page charsets', () => {
  it('reads the charset from the header, else from <meta>, and decodes Latin-1 Danish right', () => {
    expect(charsetFromContentType('text/html; charset="ISO-8859-1"')).toBe('iso-8859-1');
    expect(charsetFromContentType('text/html')).toBeNull();
    const bytes = readFileSync(join(WEB, 'latin1.html'));
    expect(charsetFromMeta(bytes)).toBe('iso-8859-1');
    const text = decodePage(bytes, 'text/html', 'x');
    expect(text).toContain('Grønsværd Software åbner kontor i Ålborg');
    expect(text).toContain('„Vi får');
    // A header naming UTF-8 wins over the page's own <meta> (the header is what the server sent).
    expect(
      decodePage(Buffer.from('<meta charset="iso-8859-1"><p>Køge</p>'), 'text/html; charset=utf-8', 'x'),
    ).toContain('Køge');
  });
});
