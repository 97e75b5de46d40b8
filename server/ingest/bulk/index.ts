// The bulk wing of ingest: many files at once, extraction in a worker pool, many articles per write transaction.

export { collectFirstLoad } from './first-load.ts';
export { foldArticleBatches } from './fold.ts';
export type { BulkBatchTiming, BulkOptions } from './scheduler.ts';
export { BULK_BATCH_ARTICLES, BULK_KNOWN_ENTITIES_MAX, ingestFilesBulk, KEEP_PLANS_MIN_ARTICLES } from './scheduler.ts';
export type { BulkPipelineDeps } from './write.ts';
