// clean: RawArticle -> CleanArticle (header parsed, furniture dropped, sections and sentences found, sha256 identity).
import { createHash } from 'node:crypto';
import type { CleanArticle, Sentence } from '../../model.ts';
import { parseDate } from '../../nlp/dates.ts';
import type { RawArticle } from '../types.ts';
import { parseHeader } from './header.ts';
import { splitSections } from './sections.ts';
import { splitSentences } from './sentences.ts';
import { collapseWhiteSpace } from './whitespace.ts';

export { DANISH_MONTHS, isoFromParts, parseDate } from '../../nlp/dates.ts';
export { parseHeader } from './header.ts';
export { splitSections } from './sections.ts';
export { splitSentences } from './sentences.ts';

/** CleanArticle plus what later stages may want to know about the page that is not part of the graph. */
export interface CleanResult {
  readonly article: CleanArticle;
  /**
   * Names that likely denote the publication itself (Kilde header, URL host, "Computerworld Events" furniture,
   * "som Computerworld bragte"): a statement made "til Computerworld" is then not a citation of another source.
   */
  readonly publisherHints: readonly string[];
}

/** The text the identity hash is taken over: NFC, one space between words, no leading/trailing space. */
export function normaliseForHash(text: string): string {
  return collapseWhiteSpace(text.normalize('NFC'));
}

function publisherHintsOf(
  source: string | null,
  url: string | null,
  furniture: readonly string[],
  body: readonly string[],
): string[] {
  const hints = new Set<string>();
  if (source) hints.add(source);
  if (url) {
    const host = /^(?:[a-z]+:\/\/)?(?:www\.)?([^/:?#]+)/i.exec(url)?.[1];
    const labelParts = host?.split('.') ?? [];
    if (labelParts.length >= 2) hints.add(labelParts[labelParts.length - 2]);
  }
  for (const line of furniture) {
    for (const m of line.matchAll(/\b(\p{Lu}[\p{L}\d]+)\s+(?:Events?|Nyhedsbrev|Premium|Plus)\b/gu)) hints.add(m[1]);
  }
  for (const paragraph of body) {
    for (const m of paragraph.matchAll(
      /\b(?:artikel|artiklen|historien),? som (\p{Lu}[\p{L}\d]+) (?:bragte|har bragt|skrev|har skrevet|publicerede)\b/gu,
    ))
      hints.add(m[1]);
  }
  return [...hints];
}

/** Cleans an article and reports publisher hints; see cleanArticle for the plain stage function. */
export function cleanArticleDetailed(raw: RawArticle): CleanResult {
  const header = parseHeader(raw.text.normalize('NFC').replace(/\r\n?/g, '\n'));
  const page = splitSections(header.rest, raw.title ?? header.title ?? undefined);
  const sentences: Sentence[] = [];
  const parts: string[] = [];
  let offset = 0;
  const add = (paragraph: string, section: Sentence['section']): void => {
    if (parts.length > 0) offset += 2;
    for (const span of splitSentences(paragraph)) {
      sentences.push({
        index: sentences.length,
        text: paragraph.slice(span.start, span.end),
        section,
        start: offset + span.start,
      });
    }
    parts.push(paragraph);
    offset += paragraph.length;
  };
  if (page.title) add(page.title, 'body');
  for (const p of page.paragraphs) add(p.text, p.section);
  const text = parts.join('\n\n');
  const publishedAt = raw.publishedAt ? (parseDate(raw.publishedAt) ?? null) : header.publishedAt;
  const url = raw.url ?? header.url;
  const article: CleanArticle = {
    title: page.title,
    url: url ?? null,
    publishedAt,
    ...(raw.author ? { author: raw.author } : {}),
    text,
    sha256: createHash('sha256').update(normaliseForHash(text), 'utf8').digest('hex'),
    sentences,
  };
  const body = page.paragraphs.filter((p) => p.section === 'body').map((p) => p.text);
  return { article, publisherHints: publisherHintsOf(header.source, url ?? null, page.furniture, body) };
}

/** clean stage: header lines parsed, furniture dropped, sections and sentences found. */
export function cleanArticle(raw: RawArticle): CleanArticle {
  return cleanArticleDetailed(raw).article;
}
