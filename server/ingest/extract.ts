// The extraction pipeline without a database: read -> clean -> tag -> type -> resolve -> relate, for one article.
import { createHash } from 'node:crypto';
import type { ArticleGraph, KnownEntity } from '../model.ts';
import { detectMentions, type MentionSet, type SentenceTagger } from '../nlp/mentions.ts';
import { defaultSentenceTagger } from '../nlp/ner-adapter.ts';
import { loadRelationModel } from '../nlp/relations/load.ts';
import { type TypedMention, typeMentions } from '../nlp/typing.ts';
import { type CleanResult, cleanArticleDetailed } from './clean/index.ts';
import { readArticle } from './read.ts';
import { buildContexts, relate } from './relate/index.ts';
import { buildKnownIndex, type KnownIndex, type Resolution, resolveEntities } from './resolve/index.ts';
import type { RawArticle } from './types.ts';

export interface ExtractOptions {
  /** Entities the graph already holds; a mention matching one of their names or aliases gets its id. */
  readonly known?: readonly KnownEntity[] | KnownIndex;
  /** Largest article accepted in bytes (default 2 MiB, as config.maxArticleBytes). */
  readonly maxBytes?: number;
  /** NER tagger for sentences; default: the trained model, or none if it cannot be loaded. `null` = rules only. */
  readonly tagger?: SentenceTagger | null;
}

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** Article id: "article:" + the first 16 hex digits of the sha256 of the normalised cleaned text. */
export function articleId(sha256: string): string {
  return `article:${sha256.slice(0, 16)}`;
}

const DANISH_MARKERS = new Set(['og', 'det', 'er', 'at', 'en', 'til', 'af', 'på', 'med', 'som', 'har', 'ikke']);
const ENGLISH_MARKERS = new Set(['the', 'and', 'is', 'of', 'to', 'in', 'that', 'with', 'for', 'has', 'not', 'are']);
const MARKER_MAX_LENGTH = Math.max(...[...DANISH_MARKERS, ...ENGLISH_MARKERS].map((w) => w.length));

/** A crude language guess: Danish unless the text reads clearly as English. */
function guessLanguage(text: string): string {
  // Counts each marker word between single spaces, in one pass. A marker repeated back to back shares the space
  // between the two ("og og"), and only every other one counts: the count of non-overlapping " og " matches.
  const sample = text.slice(0, 5000);
  let da = 0;
  let en = 0;
  let previous: string | null = null;
  // The fields between single spaces, as sample.split(' ') gives them, without making a string of each.
  for (let start = 0; start <= sample.length; ) {
    let end = sample.indexOf(' ', start);
    if (end < 0) end = sample.length;
    // Lowercasing never shortens a word, so a longer field cannot read as a marker and is not lowercased.
    const word = end - start <= MARKER_MAX_LENGTH ? sample.slice(start, end).toLowerCase() : null;
    start = end + 1;
    if (word === null || word === previous) {
      previous = null;
      continue;
    }
    if (DANISH_MARKERS.has(word)) da++;
    else if (ENGLISH_MARKERS.has(word)) en++;
    else {
      previous = null;
      continue;
    }
    previous = word;
  }
  return en > da * 1.5 && en >= 3 ? 'en' : 'da';
}

/**
 * An article read, cleaned, tagged and typed: everything extraction does that does not depend on the graph's
 * entities. It holds only plain data (objects, arrays, Maps, with shared references), so it survives the
 * structured clone of a worker message intact.
 */
export interface PreparedArticle {
  readonly article: CleanResult['article'];
  readonly publisherHints: CleanResult['publisherHints'];
  /** What finishing needs of the mention detection (its mention list lives on in `typed`; not sent twice). */
  readonly tokens: MentionSet['tokens'];
  readonly announcements: MentionSet['announcements'];
  readonly typed: readonly TypedMention[];
  readonly language: string;
}

/**
 * The first, costly part of extraction (read, clean, tag, type): independent of the graph, so the bulk loader
 * runs it ahead on worker threads. Throws NewsgraphError (EMPTY_TEXT, TEXT_TOO_LARGE, BINARY_INPUT) for input that
 * is no article.
 */
export function prepareArticle(raw: RawArticle, options: Omit<ExtractOptions, 'known'> = {}): PreparedArticle {
  const read = readArticle(raw.text, {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    ...(raw.source !== undefined ? { source: raw.source } : {}),
    ...(raw.title !== undefined ? { title: raw.title } : {}),
    ...(raw.url !== undefined ? { url: raw.url } : {}),
    ...(raw.publishedAt !== undefined ? { publishedAt: raw.publishedAt } : {}),
  });
  return prepareCleaned(cleanArticleDetailed(read), options);
}

/**
 * The rest of preparing, after cleaning: tag, type, guess the language. Loaders that have read the input already
 * and must look at the cleaned text's hash before deciding to extract clean it themselves (cleanArticleDetailed)
 * and hand the result here, so it is read and cleaned once.
 */
export function prepareCleaned(
  { article, publisherHints }: CleanResult,
  options: Omit<ExtractOptions, 'known'> = {},
): PreparedArticle {
  const tagger = options.tagger === undefined ? defaultSentenceTagger() : options.tagger;
  const found = detectMentions(article.sentences, tagger);
  return {
    article,
    publisherHints,
    tokens: found.tokens,
    announcements: found.announcements,
    typed: typeMentions(found),
    language: guessLanguage(article.text),
  };
}

/** Resolution of a prepared article's mentions against the graph's entities: the step that must run in load order. */
export function resolveArticle(
  prepared: Pick<PreparedArticle, 'typed'>,
  known: readonly KnownEntity[] | KnownIndex = [],
): Resolution {
  return resolveEntities(
    prepared.typed,
    Array.isArray(known) ? buildKnownIndex(known as readonly KnownEntity[]) : (known as KnownIndex),
  );
}

/** Relations and events of a prepared article, given its resolution (depends on nothing outside the article). */
export function relateArticle(prepared: PreparedArticle, resolution: Resolution): ArticleGraph {
  const { article, publisherHints, tokens, announcements, typed } = prepared;
  const ctx = buildContexts(
    article.sentences,
    tokens,
    typed,
    resolution,
    announcements,
    publisherHints,
    article.publishedAt,
  );
  // The classifier learned Danish; another language keeps to the rules (and the pipeline refuses it anyway).
  const { relations, events } = relate(ctx, prepared.language === 'da' ? loadRelationModel() : null);
  return {
    article: { ...article, id: articleId(article.sha256), language: prepared.language },
    entities: resolution.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      mentions: e.mentions,
      section: e.section,
    })),
    relations,
    events,
  };
}

/** The second part of extraction: resolution against the graph's entities, then relations and events. */
export function finishArticle(
  prepared: PreparedArticle,
  known: readonly KnownEntity[] | KnownIndex = [],
): ArticleGraph {
  return relateArticle(prepared, resolveArticle(prepared, known));
}

/** A resolution as a worker message can carry it: mentions by their place in `typed` instead of by identity. */
export interface PackedResolution {
  readonly entities: Resolution['entities'];
  /** The entity id of each of `typed`, or null for a mention resolution dropped. */
  readonly entityOf: readonly (string | null)[];
}

export function packResolution(prepared: Pick<PreparedArticle, 'typed'>, resolution: Resolution): PackedResolution {
  return { entities: resolution.entities, entityOf: prepared.typed.map((m) => resolution.entityOf.get(m) ?? null) };
}

/** The resolution `packResolution` packed, over the receiver's own copy of the prepared article. */
export function unpackResolution(prepared: Pick<PreparedArticle, 'typed'>, packed: PackedResolution): Resolution {
  const entityOf = new Map<TypedMention, string>();
  prepared.typed.forEach((m, i) => {
    const id = packed.entityOf[i];
    if (id !== null && id !== undefined) entityOf.set(m, id);
  });
  return { entities: packed.entities, entityOf, byId: new Map(packed.entities.map((e) => [e.id, e])) };
}

/**
 * Extracts the graph of one article. Pure apart from reading the gazetteers and NER model once per process.
 * Throws NewsgraphError (EMPTY_TEXT, TEXT_TOO_LARGE, BINARY_INPUT) for input that is no article.
 */
export function extractArticle(raw: RawArticle, options: ExtractOptions = {}): ArticleGraph {
  return finishArticle(prepareArticle(raw, options), options.known);
}

/** The sha256 of a string, hex; exported for callers that need the same identity hash as extraction. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
