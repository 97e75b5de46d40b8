// The ingest pipeline, top to bottom: read -> identify -> (known entities) -> extract -> load.
// One article in, one LoadSummary out. Many files: files.ts (one by one) and bulk/ (worker pool, batched writes).
import type { ArticleRepository, EntityRepository } from '../db/index.ts';
import { ErrorCode, NewsgraphError } from '../errors.ts';
import type { LoadSummary } from '../model.ts';
import { cleanArticleDetailed } from './clean/index.ts';
import { finishArticle, prepareCleaned } from './extract.ts';
import {
  findLoadedArticle,
  knownEntitiesFor,
  type LoadOptions,
  loadArticleGraph,
  unchangedSummary,
} from './load/index.ts';
import { readArticle } from './read.ts';
import { KnownIndexCache } from './resolve/index.ts';

export interface PipelineDeps {
  readonly articles: ArticleRepository;
  readonly entities: EntityRepository;
  /** Largest article accepted, in bytes (config.maxArticleBytes). */
  readonly maxArticleBytes: number;
  /** Override of ALL_KNOWN_ENTITIES_MAX (tests use 0 to exercise the look-up path). */
  readonly allKnownEntitiesMax?: number;
}

/** What an article arrives as: file bytes or pasted text, plus optional overrides of its header. */
export interface ArticleInput {
  readonly content: Uint8Array | string;
  /** File path or "GraphQL input", for messages only. */
  readonly source?: string;
  readonly title?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  readonly author?: string;
}

/**
 * The index of the known entities, updated from one article's list to the next rather than rebuilt (building it
 * for thousands of entities costs more than extracting an article). Use its result at once: the next call updates
 * it in place.
 */
const knownIndexes = new KnownIndexCache();

/** Runs the whole pipeline on one article. Throws NewsgraphError for input that is no article. */
export async function ingestArticle(
  deps: PipelineDeps,
  input: ArticleInput,
  options: LoadOptions = {},
): Promise<LoadSummary> {
  // read: bytes or text -> RawArticle (refuses binary, empty, over-size input with a clear message)
  const raw = readArticle(input.content, {
    maxBytes: deps.maxArticleBytes,
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...(input.title ? { title: input.title } : {}),
    ...(input.url ? { url: input.url } : {}),
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
    ...(input.author ? { author: input.author } : {}),
  });

  // identify: an article whose cleaned text is already loaded is "unchanged" — skip extraction entirely
  const cleaned = cleanArticleDetailed(raw);
  const { sha256, title } = cleaned.article;
  const existing = await findLoadedArticle(deps.articles, sha256);
  if (existing) return unchangedSummary(existing.id, existing.title);
  if (!title.trim()) {
    throw new NewsgraphError(
      ErrorCode.EMPTY_TEXT,
      `${input.source ? `${input.source}: ` : ''}Article text is empty after cleaning: paste the article body or give a .txt file`,
    );
  }

  // extract: clean -> tag -> type -> resolve (against the graph's entities) -> relate
  const prepared = prepareCleaned(cleaned);
  // In a big graph, a first pass without known entities names the candidates to look up.
  const candidateNames = () => finishArticle(prepared, []).entities.flatMap((e) => [e.name, ...e.aliases]);
  const known = await knownEntitiesFor(deps.entities, candidateNames, deps.allKnownEntitiesMax);
  const graph = finishArticle(prepared, knownIndexes.index(known));
  refuseNonDanish(graph.article.language, input.source);

  // load: one write transaction (a concurrent load of the same text comes back "unchanged")
  return loadArticleGraph(deps, graph, options);
}

/**
 * The extractor reads Danish only: an English page would come out as a handful of wrong entities, so it is
 * refused with a message instead (extraction guesses the language; see extract.ts guessLanguage).
 */
export function refuseNonDanish(language: string, source: string | undefined): void {
  if (language === 'da') return;
  throw new NewsgraphError(
    ErrorCode.BAD_INPUT,
    `${source ? `${source}: ` : ''}this article reads as ${language === 'en' ? 'English' : `language "${language}"`}; newsgraph extracts Danish news only — load the Danish version of the article`,
    { reason: 'NOT_DANISH', language },
  );
}
