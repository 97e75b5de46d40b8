// The bulk path's main loop: workers prepare files in parallel, the main thread resolves them in file order and
// writes them in batches, one transaction per batch, while the next batch is being resolved.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { ErrorCode, NewsgraphError } from '../../errors.ts';
import type { ArticleGraph } from '../../model.ts';
import { packResolution, resolveArticle } from '../extract.ts';
import { type FileOutcome, fileFailure } from '../files.ts';
import { refuseNonDanish } from '../pipeline.ts';
import { GrowingKnownIndex } from '../resolve/index.ts';
import type { WorkerInit } from './protocol.ts';
import { ExtractionPool } from './workers.ts';
import { type BulkPipelineDeps, type BulkRun, writeBulkBatch } from './write.ts';

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
 * Articles per bulk transaction. Big enough that the fixed cost of a commit (full-text index refresh, log flush)
 * is shared by many articles and that a hub relationship's growing provenance lists (two countries named together
 * in hundreds of articles) are rewritten once per batch rather than once per few articles; small enough that one
 * transaction stays around 10 MB. Chosen by `npm run bench -- load` (docs/performance-notes.md).
 */
export const BULK_BATCH_ARTICLES = 250;
/** Most graph entities read at the start for resolution (the bulk path then adds every article's entities itself). */
export const BULK_KNOWN_ENTITIES_MAX = 500_000;
/** Batches extracted ahead of the one being written: keeps workers busy during a commit, memory bounded. */
const BULK_BATCHES_AHEAD = 2;
/**
 * Longest stretch (ms) the main thread resolves articles without letting the event loop run. The writer shares
 * the thread: a reply from Neo4j that arrives during a stretch waits for its end, and Neo4j idles meanwhile.
 */
const RESOLVE_SLICE_MS = 5;
/**
 * From this many articles in the graph on, bulk statements keep their plans (TransactionOptions.keepPlans in
 * db/database.ts) instead of being re-planned every 10 s while the load grows the graph. EXPLAIN of every bulk
 * statement gave the same plan on a graph of this size and on a five times bigger one, but not on an empty graph,
 * where the relation MERGE plans a scan; so the first plans are left to the default policy.
 */
export const KEEP_PLANS_MIN_ARTICLES = 1_000;

/**
 * Loads files like ingestFiles — same outcomes, same graph as loading them one by one in order — but much faster
 * for first loads. Worker threads prepare articles in parallel (read, clean, tag, type: most of the cost); the
 * main thread resolves each in file order against the graph's entities at the start plus those of every earlier
 * article, the workers relate them (relations, events), and the main thread writes batches of BULK_BATCH_ARTICLES
 * new articles per transaction (write.ts, cypher/bulk-*.cypher), resolving the next batch while Neo4j writes the
 * last one. Idempotent per article by text hash, like the one-article path; edited articles (same id, new text)
 * and a batch that races another loader fall back to the one-article path. A batch commits as a whole. Database
 * outages stop the run, as in ingestFiles.
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
  const known = new GrowingKnownIndex(await deps.entities.all(BULK_KNOWN_ENTITIES_MAX));
  const init: WorkerInit = { maxBytes: deps.maxArticleBytes, loadedHashes: await deps.bulk.loadedHashes() };
  const pool = new ExtractionPool(files, init, {
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.deadlineMs !== undefined ? { deadline: started + options.deadlineMs } : {}),
  });
  let writtenBatches = 0;
  pool.allowUpTo((1 + BULK_BATCHES_AHEAD) * batchSize);

  const outcomes: FileOutcome[] = [];
  const run: BulkRun = {
    files,
    report: (outcome, index) => {
      outcomes[index] = outcome;
      onFile(outcome, index);
    },
    ms: () => performance.now() - started,
    loadedThisRun: new Map(),
  };
  const workerFailure = () =>
    new NewsgraphError(ErrorCode.INTERNAL, `an extraction worker failed: ${pool.error?.message ?? 'no reply'}`);
  let writing: Promise<void> = Promise.resolve();
  let writerIdleSince = started;
  try {
    for (let first = 0; first < files.length; first += batchSize) {
      const jobs = Array.from({ length: Math.min(batchSize, files.length - first) }, (_, i) => first + i);
      const batchReplies = await Promise.all(jobs.map((job) => pool.reply(job)));
      if (pool.error) throw workerFailure();
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
          failed.push({
            index,
            outcome: {
              file,
              ok: false,
              error: new NewsgraphError(
                ErrorCode.LIMIT_EXCEEDED,
                `${file}: not loaded: the bulk load's time limit was reached`,
              ),
              ms: 0,
            },
          });
        } else if (reply.kind === 'failed') {
          failed.push({
            index,
            outcome: { file, ok: false, error: new NewsgraphError(reply.code, reply.message, reply.details), ms: 0 },
          });
        } else if (reply.kind === 'loaded') {
          loadedBefore.push({ index, sha256: reply.sha256 });
        } else if (reply.kind === 'prepared') {
          try {
            refuseNonDanish(reply.language, file);
            const resolution = resolveArticle(reply, known.index);
            known.learn(resolution.entities);
            pool.relate(index, packResolution(reply, resolution));
            resolved.push(index);
          } catch (error) {
            pool.drop(index);
            failed.push({ index, outcome: { file, ok: false, error: fileFailure(file, error), ms: 0 } });
          }
        }
      }
      for (const [i, reply] of (await Promise.all(resolved.map((job) => pool.reply(job)))).entries()) {
        const index = resolved[i];
        if (reply?.kind === 'graph') pending.push({ index, graph: reply.graph });
        else {
          const error =
            reply?.kind === 'failed' ? new NewsgraphError(reply.code, reply.message, reply.details) : workerFailure();
          failed.push({ index, outcome: { file: files[index], ok: false, error, ms: 0 } });
        }
      }
      for (const { index } of [...pending, ...loadedBefore]) pool.forget(index);
      await writing;
      const writeStarted = performance.now();
      const waitMs = writeStarted - writerIdleSince;
      writing = (async () => {
        for (const { index, outcome } of failed) run.report({ ...outcome, ms: run.ms() }, index);
        if (pending.length + loadedBefore.length > 0) {
          const keepPlans =
            init.loadedHashes.length + run.loadedThisRun.size >=
            (options.keepPlansMinArticles ?? KEEP_PLANS_MIN_ARTICLES);
          await writeBulkBatch(deps, run, { pending, loadedBefore }, keepPlans);
        }
        writtenBatches++;
        pool.allowUpTo((writtenBatches + 1 + BULK_BATCHES_AHEAD) * batchSize);
        writerIdleSince = performance.now();
        options.onBatch?.({ articles: jobs.length, waitMs, writeMs: writerIdleSince - writeStarted });
      })();
      // Awaited at the next batch or at the end; until then a failure must not count as unhandled.
      writing.catch(() => {});
    }
    await writing;
  } finally {
    pool.stop();
    await writing.catch(() => {});
    await pool.close();
  }
  return outcomes;
}
