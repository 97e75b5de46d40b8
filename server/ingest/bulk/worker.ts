// Worker thread of the bulk path: prepares article files (clean, tag, type: most of extraction's cost) and relates
// them once the main thread has resolved them in order, so extraction uses every core.
import { readFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { ErrorCode, isNewsgraphError, NewsgraphError } from '../../errors.ts';
import { cleanArticleDetailed } from '../clean/index.ts';
import { type PreparedArticle, prepareCleaned, relateArticle, unpackResolution } from '../extract.ts';
import { readArticle } from '../read.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './protocol.ts';

const init = workerData as WorkerInit;
const loadedHashes = new Set(init.loadedHashes);
/**
 * The nice value of an extraction thread. The rate of a bulk load is the rate of its single writer, whose path is
 * the main thread (resolving, packing statements) and Neo4j's transaction; the workers run ahead of it
 * (BULK_BATCHES_AHEAD in scheduler.ts) and can wait. On two cores all of them compete, so the workers yield the CPU
 * to the writer's path and take what it leaves (A/B runs: docs/performance-notes.md, "Loading").
 */
const WORKER_NICE = 10;

/**
 * Lowers this thread's scheduling priority. Only on Linux, where the nice value belongs to a thread: elsewhere it
 * would lower the whole process, writer included. A system that refuses leaves the thread as it is.
 */
function lowerOwnPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    // pid 0: the calling thread (Linux keeps one nice value per thread).
    setPriority(0, WORKER_NICE);
  } catch {
    // Not allowed here (a container's policy, say): extraction runs at normal priority.
  }
}

lowerOwnPriority();

/** Prepared articles waiting for their resolution, by job. */
const held = new Map<number, PreparedArticle>();

async function answer(request: WorkerRequest): Promise<WorkerReply | undefined> {
  const { job } = request;
  if (request.kind === 'drop') {
    held.delete(job);
    return undefined;
  }
  if (request.kind === 'relate') {
    const prepared = held.get(job);
    held.delete(job);
    if (!prepared) throw new NewsgraphError(ErrorCode.INTERNAL, `bulk worker: no prepared article for job ${job}`);
    return { kind: 'graph', job, graph: relateArticle(prepared, unpackResolution(prepared, request.resolution)) };
  }
  const raw = readArticle(await readFile(request.file), { maxBytes: init.maxBytes, source: request.file });
  const cleaned = cleanArticleDetailed(raw);
  const { sha256, title } = cleaned.article;
  // Already in the graph before this run: no need to extract it (the writer reports it unchanged).
  if (loadedHashes.has(sha256)) return { kind: 'loaded', job, sha256 };
  if (!title.trim()) {
    throw new NewsgraphError(
      ErrorCode.EMPTY_TEXT,
      `${request.file}: Article text is empty after cleaning: paste the article body or give a .txt file`,
    );
  }
  const prepared = prepareCleaned(cleaned);
  held.set(job, prepared);
  return { kind: 'prepared', job, typed: prepared.typed, language: prepared.language };
}

parentPort!.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply | undefined;
  try {
    reply = await answer(request);
  } catch (error) {
    const failure = isNewsgraphError(error)
      ? error
      : new NewsgraphError(
          (error as NodeJS.ErrnoException)?.code === 'ENOENT' ? ErrorCode.NOT_FOUND : ErrorCode.INTERNAL,
          error instanceof Error ? error.message : String(error),
        );
    reply = {
      kind: 'failed',
      job: request.job,
      code: failure.code,
      message: failure.message,
      ...(failure.details ? { details: failure.details } : {}),
    };
  }
  if (reply) parentPort!.postMessage(reply);
});
