// Writes one batch of the bulk path: what is loaded already is reported unchanged, the rest folds into ONE transaction.
import type { ArticleBatch, BulkLoadRepository, BulkWriteOutcome } from '../../db/index.ts';
import { isNewsgraphError } from '../../errors.ts';
import type { ArticleGraph } from '../../model.ts';
import { type FileOutcome, fileFailure, ingestFile } from '../files.ts';
import { applyRedirects, buildArticleBatch, unchangedSummary } from '../load/index.ts';
import type { PipelineDeps } from '../pipeline.ts';
import { foldArticleBatches, relationKey } from './fold.ts';

export interface BulkPipelineDeps extends PipelineDeps {
  /** The database's bulk writer, or a first-load collector that gathers the rows instead (import-collector.ts). */
  readonly bulk: Pick<BulkLoadRepository, 'loadedHashes' | 'existing' | 'write'>;
}

/** One batch as the scheduler hands it over: graphs to write, and files whose text was loaded before the run. */
export interface BulkBatch {
  readonly pending: readonly { index: number; graph: ArticleGraph }[];
  readonly loadedBefore: readonly { index: number; sha256: string }[];
}

/** What a run's batches share: the files, where outcomes go, and which texts this run has written so far. */
export interface BulkRun {
  readonly files: readonly string[];
  readonly report: (outcome: FileOutcome, index: number) => void;
  /** Milliseconds since the run started, for outcomes. */
  readonly ms: () => number;
  /** Text hash -> the article this run wrote with it, so a copy in a later batch comes back unchanged. */
  readonly loadedThisRun: Map<string, { id: string; title: string }>;
}

/** Writes one batch: checks what is already loaded, folds the rest into one transaction, reports each file. */
export async function writeBulkBatch(
  deps: BulkPipelineDeps,
  run: BulkRun,
  { pending, loadedBefore }: BulkBatch,
  keepPlans: boolean,
): Promise<void> {
  const { files, report, ms, loadedThisRun } = run;
  const existing = await deps.bulk.existing([
    ...pending.map(({ graph }) => ({ id: graph.article.id, sha256: graph.article.sha256 })),
    ...loadedBefore.map(({ sha256 }) => ({ id: `article:${sha256.slice(0, 16)}`, sha256 })),
  ]);
  const bySha = new Map(existing.map((e) => [e.sha256, e]));
  for (const { index, sha256 } of loadedBefore) {
    const found = bySha.get(sha256);
    report(
      found?.loadedId
        ? { file: files[index], ok: true, summary: unchangedSummary(found.loadedId, found.loadedTitle ?? ''), ms: ms() }
        : // Deleted since the run started: rare enough to load through the one-article path.
          await ingestFile(deps, files[index], ms),
      index,
    );
  }

  const fresh: { index: number; graph: ArticleGraph }[] = [];
  const edited: number[] = [];
  for (const item of pending) {
    const { sha256, id, title } = item.graph.article;
    const found = bySha.get(sha256);
    const seen =
      loadedThisRun.get(sha256) ??
      (found?.loadedId ? { id: found.loadedId, title: found.loadedTitle ?? '' } : undefined);
    if (seen)
      report(
        { file: files[item.index], ok: true, summary: unchangedSummary(seen.id, seen.title), ms: ms() },
        item.index,
      );
    else if (found?.sameIdSha256 && found.sameIdSha256 !== sha256) edited.push(item.index);
    else {
      loadedThisRun.set(sha256, { id, title });
      fresh.push(item);
    }
  }

  if (fresh.length > 0) await writeFresh(deps, run, fresh, keepPlans);

  // Edited articles replace their old version through the one-article path, after the batch.
  for (const index of edited) report(await ingestFile(deps, files[index], ms), index);
}

/** Writes articles new to the graph in one transaction and reports what each of them created. */
async function writeFresh(
  deps: BulkPipelineDeps,
  run: BulkRun,
  fresh: readonly { index: number; graph: ArticleGraph }[],
  keepPlans: boolean,
): Promise<void> {
  const { files, report, ms, loadedThisRun } = run;
  const redirects = await deps.entities.redirects([
    ...new Set(fresh.flatMap(({ graph }) => graph.entities.map((e) => e.id))),
  ]);
  const batches: { index: number; graph: ArticleGraph; batch: ArticleBatch }[] = [];
  for (const item of fresh) {
    try {
      const graph = applyRedirects(item.graph, redirects);
      batches.push({ ...item, graph, batch: buildArticleBatch(graph) });
    } catch (error) {
      loadedThisRun.delete(item.graph.article.sha256);
      report(
        { file: files[item.index], ok: false, error: fileFailure(files[item.index], error), ms: ms() },
        item.index,
      );
    }
  }
  const folded = foldArticleBatches(batches.map((b) => b.batch));
  let written: BulkWriteOutcome = {
    createdEntityIds: new Set(),
    createdEventIds: new Set(),
    createdRelationKeys: new Set(),
  };
  try {
    if (batches.length > 0) written = await deps.bulk.write(folded.batch, { keepPlans });
  } catch (error) {
    // Another loader committed one of these articles first: load them one by one, which handles that.
    if (!(isNewsgraphError(error) && error.details?.neo4jCode === 'Neo.ClientError.Schema.ConstraintValidationFailed'))
      throw error;
    for (const { index } of batches) report(await ingestFile(deps, files[index], ms), index);
    return;
  }
  for (const { index, graph, batch } of batches) {
    const articleId = batch.article.id;
    const mine = (first: ReadonlyMap<string, string>, id: string) => first.get(id) === articleId;
    const entitiesCreated = batch.entities
      .filter((e) => written.createdEntityIds.has(e.id) && mine(folded.firstSeen.entities, e.id))
      .map((e) => e.id);
    const eventsCreated = batch.events
      .filter((e) => written.createdEventIds.has(e.id) && mine(folded.firstSeen.events, e.id))
      .map((e) => e.id);
    const relationKeys = batch.relations.map((r) => relationKey(r.fromId, r.type, r.toId));
    const relationsCreated = relationKeys.filter(
      (k) => written.createdRelationKeys.has(k) && mine(folded.firstSeen.relations, k),
    ).length;
    report(
      {
        file: files[index],
        ok: true,
        ms: ms(),
        summary: {
          articleId,
          title: graph.article.title,
          status: 'new',
          entitiesCreated: entitiesCreated.length,
          entitiesMerged: batch.entities.length - entitiesCreated.length,
          relationsCreated: relationsCreated + batch.citations.length,
          relationsMerged: batch.relations.length - relationsCreated,
          eventsCreated: eventsCreated.length,
          eventsMerged: batch.events.length - eventsCreated.length,
          createdNodeIds: [articleId, ...entitiesCreated, ...eventsCreated],
          mergedNodeIds: [
            ...batch.entities.map((e) => e.id).filter((id) => !entitiesCreated.includes(id)),
            ...batch.events.map((e) => e.id).filter((id) => !eventsCreated.includes(id)),
          ],
        },
      },
      index,
    );
  }
}
