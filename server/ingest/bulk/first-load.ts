// A first load without the database: the bulk path gathers its batches as rows for neo4j-admin's importer.
import type { ImportRows } from '../../db/admin-import.ts';
import type { ArticleRepository, BulkLoadBatch, EntityRepository } from '../../db/index.ts';
import type { FileOutcome } from '../files.ts';
import { ImportCollector } from './import-collector.ts';
import { type BulkOptions, ingestFilesBulk } from './scheduler.ts';

/**
 * The bulk path runs as usual (workers, batches, each batch resolved against the entities of the batches before
 * it) but every batch is gathered by an ImportCollector, so the result is the rows the bulk queries would have
 * left in an empty graph, for neo4j-admin's importer (server/db/admin-import.ts). Outcomes are the bulk path's:
 * new, unchanged (repeated text) or failed per file.
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
  const entities = {
    all: async () => [],
    redirects: async () => new Map<string, string>(),
  } as unknown as EntityRepository;
  const articles = new Proxy(
    {},
    {
      get: () => () => {
        throw new Error('a first load has no database to load articles one by one into');
      },
    },
  ) as ArticleRepository;
  const outcomes = await ingestFilesBulk(
    { articles, entities, maxArticleBytes, bulk: collector },
    files,
    onFile,
    options,
  );
  return { outcomes, rows: collector.rows(), batches: collector.batches };
}
