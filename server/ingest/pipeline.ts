// The ingest pipeline, top to bottom: read -> identify -> (known entities) -> extract -> load.
// One article in, one LoadSummary out; helpers for files and directories (one by one, and in bulk) sit at the end.
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArticleBatch, ArticleRepository, BulkLoadBatch, BulkLoadRepository, BulkWriteOutcome, EntityRepository } from '../db/index.ts';
import { ErrorCode, NewsgraphError, isNewsgraphError } from '../errors.ts';
import { cleanArticleDetailed } from './clean/index.ts';
import { finishArticle, packResolution, prepareCleaned, resolveArticle, type PreparedArticle } from './extract.ts';
import { applyRedirects, buildArticleBatch, loadArticleGraph, type LoadOptions } from './load/index.ts';
import { foldArticleBatches, relationKey } from './load/bulk.ts';
import { ImportCollector, type ImportRows } from './load/import-rows.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './load/bulk-protocol.ts';
import { readArticle } from './read.ts';
import { GrowingKnownIndex, KnownIndexCache } from './resolve/index.ts';
import type { ArticleGraph, KnownEntity, LoadSummary, RawArticle } from './types.ts';

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

/**
 * The index of the known entities, updated from one article's list to the next rather than rebuilt (building it for
 * 5,000 entities costs more than extracting an article). Use its result at once: the next call updates it in place.
 */
const knownIndexes = new KnownIndexCache();

/** The graph entities resolution should know about when extracting `raw`. */
async function knownEntitiesFor(deps: PipelineDeps, prepared: PreparedArticle): Promise<KnownEntity[]> {
  const { entities } = deps;
  const allMax = deps.allKnownEntitiesMax ?? ALL_KNOWN_ENTITIES_MAX;
  const total = await entities.count();
  if (total === 0) return [];
  if (total <= allMax) return entities.all(allMax);
  const firstPass = finishArticle(prepared, []);
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
  const cleaned = cleanArticleDetailed(raw);
  const { sha256, title } = cleaned.article;
  const existing = await deps.articles.findBySha256(sha256);
  if (existing) return unchanged(existing.id, existing.title);
  if (!title.trim()) {
    throw new NewsgraphError(ErrorCode.EMPTY_TEXT, `${input.source ? input.source + ': ' : ''}Article text is empty after cleaning: paste the article body or give a .txt file`);
  }

  // extract: clean -> tag -> type -> resolve (against the graph's entities) -> relate
  const prepared = prepareCleaned(cleaned);
  const known = await knownEntitiesFor(deps, prepared);
  const graph = finishArticle(prepared, knownIndexes.index(known));
  refuseNonDanish(graph.article.language, input.source);

  // load: one write transaction (a concurrent load of the same text comes back "unchanged")
  return loadArticleGraph(deps, graph, options);
}

/**
 * The extractor reads Danish only: an English page would come out as a handful of wrong entities, so it is
 * refused with a message instead (extraction guesses the language; see extract.ts guessLanguage).
 */
function refuseNonDanish(language: string, source: string | undefined): void {
  if (language === 'da') return;
  throw new NewsgraphError(ErrorCode.BAD_INPUT,
    `${source ? `${source}: ` : ''}this article reads as ${language === 'en' ? 'English' : `language "${language}"`}; newsgraph extracts Danish news only — load the Danish version of the article`,
    { reason: 'NOT_DANISH', language });
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


// ---------------------------------------------------------------------------------------------------------
// Many files at once, for first loads: extraction in a worker pool, many articles per write transaction.

export interface BulkPipelineDeps extends PipelineDeps {
  /** The database's bulk writer, or a first-load collector that gathers the rows instead (import-rows.ts). */
  readonly bulk: Pick<BulkLoadRepository, 'loadedHashes' | 'existing' | 'write'>;
}

export interface BulkOptions {
  /** Extraction worker threads (default: one per core). */
  readonly workers?: number;
  /** Articles per write transaction (default BULK_BATCH_ARTICLES). */
  readonly batchSize?: number;
  /** Stop dispatching new files after this long (ms); files not started are reported failed. Default: none. */
  readonly deadlineMs?: number;
  /** Called after each batch with where its time went (benchmarks use it to find the bottleneck). */
  readonly onBatch?: (timing: BulkBatchTiming) => void;
  /** Articles the graph must hold before batches keep their statements' plans (default KEEP_PLANS_MIN_ARTICLES). */
  readonly keepPlansMinArticles?: number;
}

export interface BulkBatchTiming {
  readonly articles: number;
  /** Time the writer sat idle before this batch: waiting for the workers and for resolution in file order. */
  readonly waitMs: number;
  /** Time spent checking, folding and writing the batch (the transaction included). */
  readonly writeMs: number;
}

/**
 * Articles per bulk transaction. Big enough that the fixed cost of a commit (full-text index refresh, log
 * flush) is shared by many articles and that a hub relationship's growing provenance lists (Huawei and USA named
 * together in hundreds of articles) are rewritten once per batch rather than once per hundred articles; small
 * enough that one transaction stays ~10 MB. 3,000 generated articles through the bulk path into a fresh Neo4j:
 * 100 -> 41/s, 250 -> 47/s, 500 -> 45/s on this 2-core machine.
 */
export const BULK_BATCH_ARTICLES = 250;
/** Most graph entities read at the start for resolution (the bulk path then adds every article's entities itself). */
export const BULK_KNOWN_ENTITIES_MAX = 500_000;
/** Batches extracted ahead of the one being written: keeps workers busy during a commit, memory bounded. */
const BULK_BATCHES_AHEAD = 2;
/**
 * Longest stretch (ms) the main thread resolves articles without letting the event loop run. The writer shares
 * the thread: a reply from Neo4j that arrives during a stretch waits for its end, and Neo4j idles meanwhile.
 * Resolving a whole batch in one go held each batch's first query 0.35-1.7 s (3,000 articles).
 */
const RESOLVE_SLICE_MS = 5;
/**
 * From this many articles in the graph on, bulk statements keep their plans (TransactionOptions.keepPlans in
 * db/database.ts) instead of being re-planned every 10 s while the load grows the graph. EXPLAIN of every bulk
 * statement gave the same plan after 1,000 and after 5,000 generated articles (and, all but one cosmetic
 * difference, after 8), but not on an empty graph, where the relation MERGE plans a scan; so the first plans are
 * left to the default policy. Writing 5,000 articles (`npm run bench -- write`, A/B in one hour) re-planning cost
 * Neo4j ~2 ms of CPU per article.
 */
export const KEEP_PLANS_MIN_ARTICLES = 1_000;

/**
 * Starts an extraction worker. Workers run the TypeScript sources like the rest of the app, so the worker first
 * registers tsx's loader in its own thread (Node 20 does not apply a parent's `--import` hooks to a worker's
 * entry module), then imports extract-worker.ts.
 */
function startExtractionWorker(init: WorkerInit): Worker {
  // The ESM entry of tsx/esm/api (require.resolve would give its CommonJS twin, which cannot register hooks here).
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const tsxApi = pathToFileURL(join(dirname(tsxPackage), 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./load/extract-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: init });
}

function failure(file: string, error: unknown): NewsgraphError {
  return isNewsgraphError(error) ? error : new NewsgraphError(ErrorCode.INTERNAL, `${file}: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * Loads files like ingestFiles — same outcomes, same graph as loading them one by one in order — but much
 * faster for first loads. Worker threads prepare articles in parallel (read, clean, tag, type: most of the
 * cost); the main thread resolves each in file order against the graph's entities at the start plus those of
 * every earlier article, the workers relate them (relations, events), and the main thread writes batches of
 * BULK_BATCH_ARTICLES new articles per transaction (server/ingest/load/bulk.ts, cypher/bulk-*.cypher),
 * resolving the next batch while Neo4j writes the last one. Idempotent per article by text hash, like the one-article path; edited articles
 * (same id, new text) and a batch that races another loader fall back to the one-article path. A batch
 * commits as a whole. Database outages stop the run, as in ingestFiles.
 */
export async function ingestFilesBulk(
  deps: BulkPipelineDeps,
  files: readonly string[],
  onFile: (outcome: FileOutcome, index: number) => void = () => {},
  options: BulkOptions = {},
): Promise<FileOutcome[]> {
  if (files.length === 0) return [];
  const started = performance.now();
  const batchSize = Math.max(1, options.batchSize ?? BULK_BATCH_ARTICLES);
  const workerCount = Math.max(1, Math.min(options.workers ?? availableParallelism(), Math.ceil(files.length / 4)));
  const known = new GrowingKnownIndex(await deps.entities.all(BULK_KNOWN_ENTITIES_MAX));
  const init: WorkerInit = { maxBytes: deps.maxArticleBytes, loadedHashes: await deps.bulk.loadedHashes() };
  const workers = Array.from({ length: workerCount }, () => startExtractionWorker(init));

  const replies: (WorkerReply | undefined)[] = new Array(files.length);
  /** The worker holding each job's prepared article. */
  const workerOf: Worker[] = new Array(files.length);
  const waiting = new Map<number, () => void>();
  let nextJob = 0;
  let stopped = false;
  const deadline = options.deadlineMs !== undefined ? started + options.deadlineMs : Infinity;
  let writtenBatches = 0;
  let workerError: Error | undefined;

  const dispatch = (worker: Worker): void => {
    const aheadLimit = (writtenBatches + 1 + BULK_BATCHES_AHEAD) * batchSize;
    if (stopped || nextJob >= files.length || nextJob >= aheadLimit) {
      idle.add(worker);
      return;
    }
    if (performance.now() > deadline) {
      stopped = true;
      idle.add(worker);
      // Jobs never dispatched will get no reply: let the writer report them.
      for (const [job, resolveWait] of waiting) if (job >= nextJob) resolveWait();
      return;
    }
    const job = nextJob++;
    workerOf[job] = worker;
    worker.postMessage({ kind: 'prepare', job, file: files[job] } satisfies WorkerRequest);
  };
  const idle = new Set<Worker>();
  const wakeIdle = (): void => {
    for (const worker of [...idle]) {
      idle.delete(worker);
      dispatch(worker);
    }
  };
  for (const worker of workers) {
    worker.on('message', (reply: WorkerReply) => {
      replies[reply.job] = reply;
      waiting.get(reply.job)?.();
      dispatch(worker);
    });
    worker.on('error', (error) => {
      workerError = error;
      for (const resolveWait of waiting.values()) resolveWait();
    });
    dispatch(worker);
  }
  const replyOf = (job: number): Promise<WorkerReply | undefined> => {
    if (replies[job] || workerError || (stopped && job >= nextJob)) return Promise.resolve(replies[job]);
    return new Promise((resolveReply) => waiting.set(job, () => {
      waiting.delete(job);
      resolveReply(replies[job]);
    }));
  };

  const outcomes: FileOutcome[] = [];
  const loadedThisRun = new Map<string, { id: string; title: string }>();
  const report = (outcome: FileOutcome, index: number): void => {
    outcomes[index] = outcome;
    onFile(outcome, index);
  };
  const ms = () => performance.now() - started;
  let writing: Promise<void> = Promise.resolve();
  let writerIdleSince = started;
  try {
    for (let first = 0; first < files.length; first += batchSize) {
      const jobs = Array.from({ length: Math.min(batchSize, files.length - first) }, (_, i) => first + i);
      const batchReplies = await Promise.all(jobs.map(replyOf));
      if (workerError) throw new NewsgraphError(ErrorCode.INTERNAL, `an extraction worker failed: ${workerError.message}`);
      // Resolved in file order, each against every entity before it, while Neo4j still writes the last batch;
      // the workers relate them (relations and events need nothing outside the article).
      const failed: { index: number; outcome: FileOutcome }[] = [];
      const resolved: number[] = [];
      const pending: { index: number; graph: ArticleGraph }[] = [];
      const loadedBefore: { index: number; sha256: string }[] = [];
      let sliceStarted = performance.now();
      for (const [i, reply] of batchReplies.entries()) {
        if (performance.now() - sliceStarted > RESOLVE_SLICE_MS) {
          await yieldToEventLoop();
          sliceStarted = performance.now();
        }
        const index = jobs[i];
        const file = files[index];
        if (!reply) {
          failed.push({ index, outcome: { file, ok: false, error: new NewsgraphError(ErrorCode.LIMIT_EXCEEDED, `${file}: not loaded: the bulk load's time limit was reached`), ms: 0 } });
        } else if (reply.kind === 'failed') {
          failed.push({ index, outcome: { file, ok: false, error: new NewsgraphError(reply.code, reply.message, reply.details), ms: 0 } });
        } else if (reply.kind === 'loaded') {
          loadedBefore.push({ index, sha256: reply.sha256 });
        } else if (reply.kind === 'prepared') {
          replies[index] = undefined;
          try {
            refuseNonDanish(reply.language, file);
            const resolution = resolveArticle(reply, known.index);
            known.learn(resolution.entities);
            workerOf[index].postMessage({ kind: 'relate', job: index, resolution: packResolution(reply, resolution) } satisfies WorkerRequest);
            resolved.push(index);
          } catch (error) {
            workerOf[index].postMessage({ kind: 'drop', job: index } satisfies WorkerRequest);
            failed.push({ index, outcome: { file, ok: false, error: failure(file, error), ms: 0 } });
          }
        }
      }
      for (const [i, reply] of (await Promise.all(resolved.map(replyOf))).entries()) {
        const index = resolved[i];
        if (reply?.kind === 'graph') pending.push({ index, graph: reply.graph });
        else {
          const error = reply?.kind === 'failed' ? new NewsgraphError(reply.code, reply.message, reply.details)
            : new NewsgraphError(ErrorCode.INTERNAL, `an extraction worker failed: ${(workerError as Error | undefined)?.message ?? 'no reply'}`);
          failed.push({ index, outcome: { file: files[index], ok: false, error, ms: 0 } });
        }
      }
      for (const { index } of [...pending, ...loadedBefore]) replies[index] = undefined;
      await writing;
      const writeStarted = performance.now();
      const waitMs = writeStarted - writerIdleSince;
      writing = (async () => {
        for (const { index, outcome } of failed) report({ ...outcome, ms: ms() }, index);
        if (pending.length + loadedBefore.length > 0) {
          const keepPlans = init.loadedHashes.length + loadedThisRun.size >= (options.keepPlansMinArticles ?? KEEP_PLANS_MIN_ARTICLES);
          await writeBulkBatch(deps, files, pending, loadedBefore, loadedThisRun, report, ms, keepPlans);
        }
        writtenBatches++;
        wakeIdle();
        writerIdleSince = performance.now();
        options.onBatch?.({ articles: jobs.length, waitMs, writeMs: writerIdleSince - writeStarted });
      })();
      // Awaited at the next batch or at the end; until then a failure must not count as unhandled.
      writing.catch(() => {});
    }
    await writing;
  } finally {
    stopped = true;
    await writing.catch(() => {});
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}

/** Writes one batch: checks what is already loaded, folds the rest into one transaction, reports each file. */
async function writeBulkBatch(
  deps: BulkPipelineDeps,
  files: readonly string[],
  pending: readonly { index: number; graph: ArticleGraph }[],
  loadedBefore: readonly { index: number; sha256: string }[],
  loadedThisRun: Map<string, { id: string; title: string }>,
  report: (outcome: FileOutcome, index: number) => void,
  ms: () => number,
  keepPlans: boolean,
): Promise<void> {
  const existing = await deps.bulk.existing([
    ...pending.map(({ graph }) => ({ id: graph.article.id, sha256: graph.article.sha256 })),
    ...loadedBefore.map(({ sha256 }) => ({ id: `article:${sha256.slice(0, 16)}`, sha256 })),
  ]);
  const bySha = new Map(existing.map((e) => [e.sha256, e]));
  for (const { index, sha256 } of loadedBefore) {
    const found = bySha.get(sha256);
    report(found?.loadedId
      ? { file: files[index], ok: true, summary: unchanged(found.loadedId, found.loadedTitle ?? ''), ms: ms() }
      // Deleted since the run started: rare enough to load through the one-article path.
      : await oneByOne(deps, files[index], ms), index);
  }

  const fresh: { index: number; graph: ArticleGraph }[] = [];
  const edited: number[] = [];
  for (const item of pending) {
    const { sha256, id, title } = item.graph.article;
    const found = bySha.get(sha256);
    const seen = loadedThisRun.get(sha256) ?? (found?.loadedId ? { id: found.loadedId, title: found.loadedTitle ?? '' } : undefined);
    if (seen) report({ file: files[item.index], ok: true, summary: unchanged(seen.id, seen.title), ms: ms() }, item.index);
    else if (found?.sameIdSha256 && found.sameIdSha256 !== sha256) edited.push(item.index);
    else {
      loadedThisRun.set(sha256, { id, title });
      fresh.push(item);
    }
  }

  if (fresh.length > 0) {
    const redirects = await deps.entities.redirects([...new Set(fresh.flatMap(({ graph }) => graph.entities.map((e) => e.id)))]);
    const batches: { index: number; graph: ArticleGraph; batch: ArticleBatch }[] = [];
    for (const item of fresh) {
      try {
        const graph = applyRedirects(item.graph, redirects);
        batches.push({ ...item, graph, batch: buildArticleBatch(graph) });
      } catch (error) {
        loadedThisRun.delete(item.graph.article.sha256);
        report({ file: files[item.index], ok: false, error: failure(files[item.index], error), ms: ms() }, item.index);
      }
    }
    const folded = foldArticleBatches(batches.map((b) => b.batch));
    let written = { createdEntityIds: new Set<string>(), createdEventIds: new Set<string>(), createdRelationKeys: new Set<string>() } as BulkWriteOutcome;
    try {
      if (batches.length > 0) written = await deps.bulk.write(folded.batch, { keepPlans });
    } catch (error) {
      // Another loader committed one of these articles first: load them one by one, which handles that.
      if (!(isNewsgraphError(error) && error.details?.neo4jCode === 'Neo.ClientError.Schema.ConstraintValidationFailed')) throw error;
      for (const { index } of batches) report(await oneByOne(deps, files[index], ms), index);
      return;
    }
    for (const { index, graph, batch } of batches) {
      const articleId = batch.article.id;
      const mine = (first: ReadonlyMap<string, string>, id: string) => first.get(id) === articleId;
      const entitiesCreated = batch.entities.filter((e) => written.createdEntityIds.has(e.id) && mine(folded.firstSeen.entities, e.id)).map((e) => e.id);
      const eventsCreated = batch.events.filter((e) => written.createdEventIds.has(e.id) && mine(folded.firstSeen.events, e.id)).map((e) => e.id);
      const relationKeys = batch.relations.map((r) => relationKey(r.fromId, r.type, r.toId));
      const relationsCreated = relationKeys.filter((k) => written.createdRelationKeys.has(k) && mine(folded.firstSeen.relations, k)).length;
      report({
        file: files[index], ok: true, ms: ms(),
        summary: {
          articleId, title: graph.article.title, status: 'new',
          entitiesCreated: entitiesCreated.length, entitiesMerged: batch.entities.length - entitiesCreated.length,
          relationsCreated: relationsCreated + batch.citations.length, relationsMerged: batch.relations.length - relationsCreated,
          eventsCreated: eventsCreated.length, eventsMerged: batch.events.length - eventsCreated.length,
          createdNodeIds: [articleId, ...entitiesCreated, ...eventsCreated],
          mergedNodeIds: [...batch.entities.map((e) => e.id).filter((id) => !entitiesCreated.includes(id)), ...batch.events.map((e) => e.id).filter((id) => !eventsCreated.includes(id))],
        },
      }, index);
    }
  }

  // Edited articles replace their old version through the one-article path, after the batch.
  for (const index of edited) report(await oneByOne(deps, files[index], ms), index);
}

async function oneByOne(deps: PipelineDeps, file: string, ms: () => number): Promise<FileOutcome> {
  try {
    const summary = await ingestArticle(deps, { content: await readFile(file), source: file });
    return { file, ok: true, summary, ms: ms() };
  } catch (error) {
    const failed = failure(file, error);
    if (failed.code === ErrorCode.DATABASE_UNAVAILABLE) throw failed;
    return { file, ok: false, error: failed, ms: ms() };
  }
}

/**
 * A first load without the database: the bulk path runs as usual (workers, batches, each batch resolved against
 * the entities of the batches before it) but every batch is gathered by an ImportCollector, so the result is
 * the rows the bulk queries would have left in an empty graph, for neo4j-admin's importer
 * (server/db/admin-import.ts). Outcomes are the bulk path's: new, unchanged (repeated text) or failed per file.
 */
export async function collectFirstLoad(
  files: readonly string[],
  maxArticleBytes: number,
  onFile: (outcome: FileOutcome, index: number) => void = () => {},
  options: Pick<BulkOptions, 'batchSize' | 'workers'> = {},
): Promise<{ outcomes: FileOutcome[]; rows: ImportRows; batches: readonly BulkLoadBatch[] }> {
  const collector = new ImportCollector();
  // An empty graph: no known entities, no merged ones. Nothing else of the repositories is reached on this path
  // (only edited or deleted articles go one by one, and an empty graph has neither).
  const entities = { all: async () => [], redirects: async () => new Map<string, string>() } as unknown as EntityRepository;
  const articles = new Proxy({}, { get: () => () => { throw new Error('a first load has no database to load articles one by one into'); } }) as ArticleRepository;
  const outcomes = await ingestFilesBulk({ articles, entities, maxArticleBytes, bulk: collector }, files, onFile, options);
  return { outcomes, rows: collector.rows(), batches: collector.batches };
}
