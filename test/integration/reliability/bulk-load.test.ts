// The bulk load path gives the graph one-by-one loading gives: same provenance, counts and aliases; idempotent; all-or-nothing per batch.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../../bench/corpus.ts';
import { BulkLoadRepository } from '../../../server/db/index.ts';
import { foldArticleBatches, ingestFilesBulk } from '../../../server/ingest/bulk/index.ts';
import { extractArticle } from '../../../server/ingest/extract.ts';
import { collectArticleFiles, ingestFiles } from '../../../server/ingest/files.ts';
import { buildArticleBatch, loadArticleGraph } from '../../../server/ingest/load/index.ts';
import {
  huaweiDuplicateGraph,
  huaweiFollowUpGraph,
  huaweiLinkGraph,
  huaweiSanctionGraph,
} from '../../fixtures/loader/graphs.ts';
import { graphCounts, useTestApp } from '../../support/app.ts';
import { clearDatabase } from '../../support/db.ts';
import { CLEAN, graphFingerprint, integrity } from './graph.ts';

// Each test empties the database itself, as often as it loads.
const app = useTestApp({ emptyBeforeEach: false });
let bulk: BulkLoadRepository;
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bulk-'));
// Names shared across articles (as in real news): the same person in full in one article and by surname or with a
// typo in a later one, so resolution across articles and batches has work to do.
const corpus = [...syntheticCorpus(30, { seed: 31_337, minBytes: 2500, maxBytes: 3500 })];

beforeAll(() => {
  bulk = new BulkLoadRepository(app.database);
  for (const article of corpus) writeFileSync(join(dir, article.fileName), article.text);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The nice value of each of this process's threads that is not at the default 0 (Linux: /proc/self/task/<tid>/stat). */
function nicedThreads(): number[] {
  const values: number[] = [];
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // The fields after the command name, which may hold spaces: state is field 3, nice field 19.
      const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      if (nice !== 0) values.push(nice);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return values;
}

const fixtures = () => [huaweiSanctionGraph(), huaweiFollowUpGraph(), huaweiDuplicateGraph()];

describe('folding articles into one bulk transaction', () => {
  it('writes exactly what loading them one by one in the same order writes', async () => {
    await clearDatabase(app.database.driver);
    for (const graph of fixtures()) await loadArticleGraph(app.repositories, graph);
    const oneByOne = await graphFingerprint(app.database);

    await clearDatabase(app.database.driver);
    await bulk.write(foldArticleBatches(fixtures().map(buildArticleBatch)).batch);
    expect(await graphFingerprint(app.database)).toEqual(oneByOne);
  });

  it('on top of a graph that already has some of the entities and facts', async () => {
    const [first, ...rest] = fixtures();
    await clearDatabase(app.database.driver);
    for (const graph of [first, ...rest]) await loadArticleGraph(app.repositories, graph);
    const oneByOne = await graphFingerprint(app.database);

    await clearDatabase(app.database.driver);
    await loadArticleGraph(app.repositories, first);
    await bulk.write(foldArticleBatches(rest.map(buildArticleBatch)).batch);
    expect(await graphFingerprint(app.database)).toEqual(oneByOne);
  });

  it('keeps the mark of a fact read only from "Læs også" headlines as loading one by one does', async () => {
    for (const order of [
      [huaweiLinkGraph(), huaweiSanctionGraph()],
      [huaweiSanctionGraph(), huaweiLinkGraph()],
      [huaweiLinkGraph(), huaweiDuplicateGraph()],
    ]) {
      await clearDatabase(app.database.driver);
      for (const graph of order) await loadArticleGraph(app.repositories, graph);
      const oneByOne = await graphFingerprint(app.database);
      for (const split of [0, 1]) {
        await clearDatabase(app.database.driver);
        for (const graph of order.slice(0, split)) await loadArticleGraph(app.repositories, graph);
        await bulk.write(foldArticleBatches(order.slice(split).map(buildArticleBatch)).batch);
        expect(await graphFingerprint(app.database)).toEqual(oneByOne);
      }
    }
  });
});

describe('ingestFilesBulk on 30 generated articles', () => {
  it('gives the one-by-one graph, reports every file, and a second run changes nothing', async () => {
    const files = await collectArticleFiles([dir]);
    await clearDatabase(app.database.driver);
    await ingestFiles(app.pipeline, files);
    const oneByOne = await graphFingerprint(app.database);
    // Loading in order mattered: later articles resolved names to entities of earlier ones.
    const entities = oneByOne.nodes.filter((n) => (JSON.parse(n).labels as string[]).includes('Entity')).length;
    const separately = new Set(corpus.flatMap((a) => extractArticle({ text: a.text }).entities.map((e) => e.id))).size;
    expect(entities).toBeLessThan(separately);

    await clearDatabase(app.database.driver);
    // Small batches and two workers, so articles are prepared out of order and the run crosses batch boundaries.
    // While it runs, the extraction threads (and only they) yield the CPU to the writer's path.
    const niced: number[][] = [];
    const outcomes = await ingestFilesBulk({ ...app.pipeline, bulk }, files, undefined, {
      batchSize: 8,
      workers: 2,
      onBatch: () => {
        niced.push(nicedThreads());
      },
    });
    if (process.platform === 'linux') expect(niced[0]).toEqual([10, 10]);
    expect(nicedThreads()).toEqual([]);
    expect(outcomes.map((o) => o.ok && o.summary.status)).toEqual(files.map(() => 'new'));
    expect(await integrity(app.database)).toEqual(CLEAN);
    expect(await graphFingerprint(app.database)).toEqual(oneByOne);

    const before = await graphCounts(app.database);
    const again = await ingestFilesBulk({ ...app.pipeline, bulk }, files, undefined, { batchSize: 8, workers: 2 });
    expect(again.map((o) => o.ok && o.summary.status)).toEqual(files.map(() => 'unchanged'));
    expect(await graphCounts(app.database)).toEqual(before);
  }, 180_000);

  it("keeps its statements' plans once the graph holds enough articles, and writes the same graph with them", async () => {
    const files = await collectArticleFiles([dir]);
    await clearDatabase(app.database.driver);
    await ingestFilesBulk({ ...app.pipeline, bulk }, files, undefined, {
      batchSize: 8,
      workers: 2,
      keepPlansMinArticles: Infinity,
    });
    const expected = await graphFingerprint(app.database);

    await clearDatabase(app.database.driver);
    const kept: boolean[] = [];
    const recording = {
      loadedHashes: () => bulk.loadedHashes(),
      existing: (articles: Parameters<BulkLoadRepository['existing']>[0]) => bulk.existing(articles),
      write: (...[batch, options]: Parameters<BulkLoadRepository['write']>) => {
        kept.push(options?.keepPlans ?? false);
        return bulk.write(batch, options);
      },
    };
    // Every bulk statement runs with `CYPHER replan=skip` from the second batch of 8 on.
    const outcomes = await ingestFilesBulk({ ...app.pipeline, bulk: recording }, files, undefined, {
      batchSize: 8,
      workers: 2,
      keepPlansMinArticles: 8,
    });
    expect(outcomes.map((o) => o.ok && o.summary.status)).toEqual(files.map(() => 'new'));
    expect(kept).toEqual([false, true, true, true]);
    expect(await integrity(app.database)).toEqual(CLEAN);
    expect(await graphFingerprint(app.database)).toEqual(expected);
  }, 180_000);

  it("a text repeated in a later batch of the same run is reported unchanged, under the first copy's id", async () => {
    // A copy must be caught by the run's own bookkeeping of the texts it has loaded, not by the database.
    const copies = mkdtempSync(join(tmpdir(), 'newsgraph-bulk-copies-'));
    try {
      const originals = (await collectArticleFiles([dir])).slice(0, 12);
      const files = originals.map((file, i) => {
        const copy = join(copies, `${String(i).padStart(2, '0')}.txt`);
        writeFileSync(copy, readFileSync(file));
        return copy;
      });
      // In batches of 4: copies of files 0 and 1 land in the batches after theirs, a copy of file 8 in the same
      // batch as file 8, and a copy of file 5 two batches later.
      for (const [at, from] of [
        [5, 0],
        [6, 1],
        [8, 8],
        [10, 5],
      ] as const) {
        const copy = join(copies, `${String(at).padStart(2, '0')}b-copy-of-${from}.txt`);
        writeFileSync(copy, readFileSync(files[from]));
      }
      const withCopies = await collectArticleFiles([copies]);
      await clearDatabase(app.database.driver);
      await ingestFilesBulk({ ...app.pipeline, bulk }, files, undefined, { batchSize: 4, workers: 2 });
      const expected = await graphFingerprint(app.database);

      await clearDatabase(app.database.driver);
      // Caught by the database instead, a copy would fail its batch on the article id constraint and the batch
      // would be loaded again one by one: the outcomes would look the same, so the refusals are counted.
      let refusedBatches = 0;
      const counting = {
        loadedHashes: () => bulk.loadedHashes(),
        existing: (articles: Parameters<BulkLoadRepository['existing']>[0]) => bulk.existing(articles),
        write: async (...args: Parameters<BulkLoadRepository['write']>) => {
          try {
            return await bulk.write(...args);
          } catch (error) {
            refusedBatches++;
            throw error;
          }
        },
      };
      const outcomes = await ingestFilesBulk({ ...app.pipeline, bulk: counting }, withCopies, undefined, {
        batchSize: 4,
        workers: 2,
      });
      expect(refusedBatches).toBe(0);
      const byFile = new Map(outcomes.map((o) => [o.file, o]));
      for (const file of withCopies) {
        const outcome = byFile.get(file);
        expect(outcome?.ok, file).toBe(true);
        if (!outcome?.ok) continue;
        const copyOf = /copy-of-(\d+)/.exec(file)?.[1];
        if (copyOf === undefined) {
          expect(outcome.summary.status, file).toBe('new');
        } else {
          const original = byFile.get(files[Number(copyOf)]);
          expect(outcome.summary.status, file).toBe('unchanged');
          expect(outcome.summary.articleId).toBe(original?.ok ? original.summary.articleId : undefined);
        }
      }
      expect(await graphFingerprint(app.database)).toEqual(expected);
    } finally {
      rmSync(copies, { recursive: true, force: true });
    }
  }, 180_000);
});
