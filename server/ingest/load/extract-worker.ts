// Worker thread of the bulk path: reads and prepares article files (clean, tag, type: most of extraction's cost),
// so that work uses every core while the main thread resolves articles in order and writes.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { ErrorCode, NewsgraphError, isNewsgraphError } from '../../errors.ts';
import { cleanArticle } from '../clean/index.ts';
import { prepareArticle } from '../extract.ts';
import { readArticle } from '../read.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './bulk-protocol.ts';

const init = workerData as WorkerInit;
const loadedHashes = new Set(init.loadedHashes);

function prepare(request: WorkerRequest, content: Uint8Array): WorkerReply {
  const raw = readArticle(content, { maxBytes: init.maxBytes, source: request.file });
  const { sha256, title } = cleanArticle(raw);
  // Already in the graph before this run: no need to extract it (the writer reports it unchanged).
  if (loadedHashes.has(sha256)) return { kind: 'loaded', job: request.job, sha256 };
  if (!title.trim()) {
    throw new NewsgraphError(ErrorCode.EMPTY_TEXT, `${request.file}: Article text is empty after cleaning: paste the article body or give a .txt file`);
  }
  return { kind: 'prepared', job: request.job, prepared: prepareArticle(raw, { maxBytes: init.maxBytes }) };
}

parentPort!.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = prepare(request, await readFile(request.file));
  } catch (error) {
    const failure = isNewsgraphError(error)
      ? error
      : new NewsgraphError((error as NodeJS.ErrnoException)?.code === 'ENOENT' ? ErrorCode.NOT_FOUND : ErrorCode.INTERNAL,
        error instanceof Error ? error.message : String(error));
    reply = { kind: 'failed', job: request.job, code: failure.code, message: failure.message, ...(failure.details ? { details: failure.details } : {}) };
  }
  parentPort!.postMessage(reply);
});
