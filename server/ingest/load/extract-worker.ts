// Worker thread of the bulk path: reads and extracts article files, so extraction uses every core while the main thread writes.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { ErrorCode, NewsgraphError, isNewsgraphError } from '../../errors.ts';
import { cleanArticle } from '../clean/index.ts';
import { extractArticle } from '../extract.ts';
import { readArticle } from '../read.ts';
import type { KnownIndex } from '../resolve/index.ts';
import { KnownIndexCache } from '../resolve/known.ts';
import type { KnownEntity } from '../types.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './bulk-protocol.ts';

const init = workerData as WorkerInit;
const known: KnownEntity[] = [...init.known];
const loadedHashes = new Set(init.loadedHashes);
let index: KnownIndex | undefined;
/** Keeps one index up to date as the writer sends new entities, instead of rebuilding it (~17 ms per 5,000 entities). */
const indexes = new KnownIndexCache();

function extract(request: Extract<WorkerRequest, { kind: 'extract' }>, content: Uint8Array): WorkerReply {
  const raw = readArticle(content, { maxBytes: init.maxBytes, source: request.file });
  const { sha256, title } = cleanArticle(raw);
  // Already in the graph before this run: no need to extract it (the writer reports it unchanged).
  if (loadedHashes.has(sha256)) return { kind: 'loaded', job: request.job, sha256 };
  if (!title.trim()) {
    throw new NewsgraphError(ErrorCode.EMPTY_TEXT, `${request.file}: Article text is empty after cleaning: paste the article body or give a .txt file`);
  }
  // Brought up to date only when the writer has sent new entities.
  index ??= indexes.index(known);
  return { kind: 'graph', job: request.job, graph: extractArticle(raw, { known: index, maxBytes: init.maxBytes }) };
}

parentPort!.on('message', async (request: WorkerRequest) => {
  if (request.kind === 'known') {
    known.push(...request.entities);
    index = undefined;
    return;
  }
  let reply: WorkerReply;
  try {
    reply = extract(request, await readFile(request.file));
  } catch (error) {
    const failure = isNewsgraphError(error)
      ? error
      : new NewsgraphError((error as NodeJS.ErrnoException)?.code === 'ENOENT' ? ErrorCode.NOT_FOUND : ErrorCode.INTERNAL,
        error instanceof Error ? error.message : String(error));
    reply = { kind: 'failed', job: request.job, code: failure.code, message: failure.message, ...(failure.details ? { details: failure.details } : {}) };
  }
  parentPort!.postMessage(reply);
});
