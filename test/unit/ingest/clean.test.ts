// Cleaning: header lines, sections (body, "Læs også", Navnenyt), furniture dropped, Danish sentence splitting.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cleanArticle,
  cleanArticleDetailed,
  parseDate,
  parseHeader,
  splitSentences,
} from '../../../server/ingest/clean/index.ts';

const SEEDS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'seeds');
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'articles');

function sentencesOf(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('keeps "pr. 1. oktober 2025", "A/S" and ages inside one announcement sentence', () => {
    const text =
      'Norriq Danmark A/S har pr. 1. oktober 2025 ansat Rasmus Stage Sørensen som Operations Director. Han kommer fra en stilling som Partner & Director, Delivery hos Impact Commerce.';
    expect(sentencesOf(text)).toEqual([
      'Norriq Danmark A/S har pr. 1. oktober 2025 ansat Rasmus Stage Sørensen som Operations Director.',
      'Han kommer fra en stilling som Partner & Director, Delivery hos Impact Commerce.',
    ]);
  });

  it('does not split after abbreviations, initials or ordinals', () => {
    expect(
      sentencesOf(
        'Firmaet sælger bl.a. servere og f.eks. Software til ca. 400 mio. kr. om året. Det oplyser Donald J. Trump.',
      ),
    ).toHaveLength(2);
    expect(sentencesOf('Mødet holdes den 3. November i år. Næste møde er senere.')).toHaveLength(2);
  });

  it('keeps a quotation with its own question mark and full stops in one sentence', () => {
    const text =
      'På Twitter skriver Huawei: ‘U-turn? Donald Trump siger, at Huawei igen får lov til at købe amerikansk teknologi.!’ Til Reuters påpeger en rådgiver noget andet.';
    expect(sentencesOf(text)).toEqual([
      'På Twitter skriver Huawei: ‘U-turn? Donald Trump siger, at Huawei igen får lov til at købe amerikansk teknologi.!’',
      'Til Reuters påpeger en rådgiver noget andet.',
    ]);
  });

  it('splits after a closing quote and treats apostrophes in genitives as no quote', () => {
    expect(
      sentencesOf('“Jeg vil ikke,” lød meldingen. USA’s præsident svarede. Det er ‘meget kompliceret.’ Han gik.'),
    ).toHaveLength(4);
  });
});

describe('parseHeader and parseDate', () => {
  it('reads URL, Dato and Kilde lines followed by a blank line', () => {
    const h = parseHeader(
      'URL: https://example.dk/a\nDato: 29. juni 2019\nKilde: Computerworld\n\nTitel her\nBrødtekst.',
    );
    expect(h).toMatchObject({ url: 'https://example.dk/a', publishedAt: '2019-06-29', source: 'Computerworld' });
    expect(h.rest.trim().startsWith('Titel her')).toBe(true);
  });

  it('does not take a title that merely starts with a header word as a header', () => {
    const h = parseHeader('Kilde: Sådan blev sagen afsløret\nBrødtekst uden blank linje.');
    expect(h.url).toBeNull();
    expect(h.rest.startsWith('Kilde:')).toBe(true);
  });

  it('understands the common Danish date forms', () => {
    expect(parseDate('2019-06-29')).toBe('2019-06-29');
    expect(parseDate('29.06.2019')).toBe('2019-06-29');
    expect(parseDate('1. oktober 2025')).toBe('2025-10-01');
    expect(parseDate('31. februar 2025')).toBeNull();
  });
});

describe('cleanArticle on a saved page', () => {
  const fixture = readFileSync(join(FIXTURES, 'visma-koeber-dataloesninger.txt'), 'utf8');

  it('uses the header, drops furniture and finds the sections', () => {
    const { article, publisherHints } = cleanArticleDetailed({ text: fixture });
    expect(article.title).toBe('Visma køber dansk it-firma: Opkøbet skal styrke positionen i Norden');
    expect(article.url).toBe('https://www.techavisen.example/artikel/visma-koeber-dataloesninger');
    expect(article.publishedAt).toBe('2025-03-14');
    expect(publisherHints).toContain('Techavisen');
    const texts = article.sentences.map((s) => s.text);
    for (const furniture of [
      'Artikel top billede',
      'Foto',
      'Læses lige nu',
      'Cloud Summit',
      'Tilmeld dig',
      'Nyt job',
      'Forfremmelse',
      'Fratrædelse',
    ]) {
      expect(
        texts.some((t) => t.includes(furniture)),
        furniture,
      ).toBe(false);
    }
    expect(article.sentences.filter((s) => s.section === 'related').map((s) => s.text)).toEqual([
      'Microsoft investerer milliarder i nye datacentre i Danmark',
    ]);
    const people = article.sentences.filter((s) => s.section === 'people-news').map((s) => s.text);
    expect(people[0]).toBe(
      'Visma Danmark har pr. 1. april 2025 ansat Louise Holm Andersen, 41 år, som Chief Financial Officer.',
    );
    // The repeated name and company lines under an announcement are not sentences of their own.
    expect(people).not.toContain('Louise Holm Andersen');
    expect(people).not.toContain('Visma Danmark');
  });

  it('gives every sentence its exact offset in the cleaned text', () => {
    const article = cleanArticle({ text: fixture });
    for (const s of article.sentences) expect(article.text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('hashes the normalised text: extra spaces and line endings do not change the identity', () => {
    const a = cleanArticle({ text: fixture });
    const b = cleanArticle({ text: fixture.replace(/\n/g, '\r\n').replace(/ har /g, '  har ') });
    expect(b.sha256).toBe(a.sha256);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.skipIf(!existsSync(SEEDS))(
    'splits the seed with its duplicated title/lede, a "Læs også:" block and indented Navnenyt (needs ../shared/seeds)',
    () => {
      const article = cleanArticle({ text: readFileSync(join(SEEDS, '004_35e9cc3b91dc2fde.txt'), 'utf8') });
      const body = article.sentences.filter((s) => s.section === 'body').map((s) => s.text);
      const related = article.sentences.filter((s) => s.section === 'related').map((s) => s.text);
      expect(body.filter((t) => t.startsWith('Kinesiske Huawei ser ud til'))).toHaveLength(1);
      expect(related).toHaveLength(6);
      expect(related.at(-1)).toContain('Bruxelles');
      expect(article.sentences.some((s) => s.text.includes('Strategisk It-sikkerhedsdag'))).toBe(false);
      expect(article.sentences.filter((s) => s.section === 'people-news')[0].text).toBe(
        'Sentia har pr. 1. oktober 2025 ansat Morten Jørgensen som Chief Commercial Officer.',
      );
    },
  );
});
