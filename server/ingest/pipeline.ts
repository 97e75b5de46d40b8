// The ingest pipeline, top to bottom: read -> identify -> (known entities) -> extract -> load.
// One article in, one LoadSummary out; a batch helper for files and directories sits at the end.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import type { ArticleRepository, EntityRepository } from '../db/index.ts';
import { ErrorCode, NewsgraphError, isNewsgraphError } from '../errors.ts';
import { cleanArticle } from './clean/index.ts';
import { extractArticle } from './extract.ts';
import { loadArticleGraph, type LoadOptions } from './load/index.ts';
import { readArticle } from './read.ts';
import type { KnownEntity, LoadSummary, RawArticle } from './types.ts';

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
}

/**
 * While the graph holds at most this many entities, resolution is handed all of them (one cheap query).
 * Beyond it, a first extraction pass names the article's candidates and only those are looked up, by full-text.
 */
export const ALL_KNOWN_ENTITIES_MAX = 5000;
/** Most graph entities handed to resolution for one article in the look-up path. */
export const KNOWN_ENTITIES_PER_ARTICLE = 1000;

/** The graph entities resolution should know about when extracting `raw`. */
async function knownEntitiesFor(deps: PipelineDeps, raw: RawArticle): Promise<KnownEntity[]> {
  const { entities } = deps;
  const allMax = deps.allKnownEntitiesMax ?? ALL_KNOWN_ENTITIES_MAX;
  const total = await entities.count();
  if (total === 0) return [];
  if (total <= allMax) return entities.all(allMax);
  const firstPass = extractArticle(raw, { known: [], maxBytes: deps.maxArticleBytes });
  const names = firstPass.entities.flatMap((e) => [e.name, ...e.aliases]);
  return entities.byNames(names, KNOWN_ENTITIES_PER_ARTICLE);
}

/** Runs the whole pipeline on one article. Throws NewsgraphError for input that is no article. */
export async function ingestArticle(deps: PipelineDeps, input: ArticleInput, options: LoadOptions = {}): Promise<LoadSummary> {
  // read: bytes or text -> RawArticle (refuses binary, empty, over-size input with a clear message)
  const raw = readArticle(input.content, {
    maxBytes: deps.maxArticleBytes,
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...(input.title ? { title: input.title } : {}),
    ...(input.url ? { url: input.url } : {}),
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
  });

  // identify: an article whose cleaned text is already loaded is "unchanged" — skip extraction entirely
  const { sha256, title } = cleanArticle(raw);
  const existing = await deps.articles.findBySha256(sha256);
  if (existing) return unchanged(existing.id, existing.title);
  if (!title.trim()) {
    throw new NewsgraphError(ErrorCode.EMPTY_TEXT, `${input.source ? input.source + ': ' : ''}Article text is empty after cleaning: paste the article body or give a .txt file`);
  }

  // extract: clean -> tag -> type -> resolve (against the graph's entities) -> relate
  const known = await knownEntitiesFor(deps, raw);
  const graph = extractArticle(raw, { known, maxBytes: deps.maxArticleBytes });

  // load: one write transaction (a concurrent load of the same text comes back "unchanged")
  return loadArticleGraph(deps, graph, options);
}

function unchanged(id: string, title: string): LoadSummary {
  return {
    articleId: id, title, status: 'unchanged', entitiesCreated: 0, entitiesMerged: 0, relationsCreated: 0,
    relationsMerged: 0, eventsCreated: 0, eventsMerged: 0, createdNodeIds: [], mergedNodeIds: [],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Many files: the CLI and the demo-data loader.

/** Expands files and directories (recursively, *.txt only) into a sorted, de-duplicated file list. */
export async function collectArticleFiles(paths: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  async function walk(path: string, explicit: boolean): Promise<void> {
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new NewsgraphError(ErrorCode.NOT_FOUND, `${path}: no such file or directory`);
    }
    if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith('.')) continue;
        const child = join(path, entry.name);
        if (entry.isDirectory()) await walk(child, false);
        else if (entry.isFile() && entry.name.toLowerCase().endsWith('.txt')) files.add(child);
      }
    } else if (explicit || path.toLowerCase().endsWith('.txt')) {
      // A file named on the command line is taken whatever its extension (.html pages work too).
      files.add(path);
    }
  }
  for (const path of paths) await walk(resolvePath(path), true);
  return [...files];
}

export type FileOutcome =
  | { readonly file: string; readonly ok: true; readonly summary: LoadSummary; readonly ms: number }
  | { readonly file: string; readonly ok: false; readonly error: NewsgraphError; readonly ms: number };

/**
 * Ingests files one after another (each in its own transaction); a bad file is reported and the rest go on.
 * Database outages are not per-file problems: they stop the batch.
 */
export async function ingestFiles(
  deps: PipelineDeps,
  files: readonly string[],
  onFile: (outcome: FileOutcome, index: number) => void = () => {},
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const [index, file] of files.entries()) {
    const started = performance.now();
    let outcome: FileOutcome;
    try {
      const content = await readFile(file);
      const summary = await ingestArticle(deps, { content, source: file });
      outcome = { file, ok: true, summary, ms: performance.now() - started };
    } catch (error) {
      const failure = isNewsgraphError(error) ? error : new NewsgraphError(ErrorCode.INTERNAL, error instanceof Error ? error.message : String(error));
      if (failure.code === ErrorCode.DATABASE_UNAVAILABLE) throw failure;
      outcome = { file, ok: false, error: failure, ms: performance.now() - started };
    }
    outcomes.push(outcome);
    onFile(outcome, index);
  }
  return outcomes;
}

