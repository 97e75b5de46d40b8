// Write-only loading benchmark: the bulk path's transactions without extraction running beside them, timed
// statement by statement. Where `load` says how fast articles get in, this says where Neo4j's share goes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../server/config.ts';
import type { Database, QueryRunner, TransactionOptions } from '../server/db/database.ts';
import type { Neo4jCollector } from '../server/db/embedded.ts';
import { type BulkLoadBatch, BulkLoadRepository } from '../server/db/index.ts';
import { BULK_BATCH_ARTICLES, collectFirstLoad, KEEP_PLANS_MIN_ARTICLES } from '../server/ingest/bulk/index.ts';
import { type CorpusDensity, writeCorpus } from './corpus.ts';
import { startBenchNeo4j } from './neo4j.ts';
import { type BenchResult, type Figure, load, machine } from './report.ts';

export interface WriteBenchOptions {
  readonly articles: number;
  readonly seed: number;
  readonly density: CorpusDensity;
  /** The Neo4j JVM's collector (see LoadBenchOptions.collector). */
  readonly collector: Neo4jCollector;
  readonly batchSize?: number;
}

type Times = Record<string, number>;

/**
 * A stand-in for Database that runs a write transaction's statements one at a time (the loader pipelines them)
 * so that each named statement's wall time — packing, Neo4j running it, the reply — is its own. What a batch
 * takes beyond its statements is the commit.
 */
function serialTimedDatabase(database: Database, times: () => Times) {
  return {
    write: <T>(work: (q: QueryRunner) => Promise<T>, options?: TransactionOptions) =>
      database.write((q) => {
        let previous: Promise<unknown> = Promise.resolve();
        const timed = <R>(name: string, run: () => Promise<R>): Promise<R> => {
          const next = previous.then(async () => {
            const started = performance.now();
            try {
              return await run();
            } finally {
              const t = times();
              t[name] = (t[name] ?? 0) + performance.now() - started;
            }
          });
          previous = next.catch(() => undefined);
          return next;
        };
        return work({
          run: (name, params) => timed(name, () => q.run(name, params)),
          runWithRelationType: (name, type, params) => timed(name, () => q.runWithRelationType(name, type, params)),
        });
      }, options),
  };
}

export async function benchWrite(options: WriteBenchOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const loadStart = load();
  const t0 = performance.now();
  const batchSize = options.batchSize ?? BULK_BATCH_ARTICLES;
  // The batches the bulk path would write into an empty graph, extracted first (no database involved).
  const corpusDir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-write-'));
  let batches: readonly BulkLoadBatch[];
  try {
    const files = await writeCorpus(corpusDir, options.articles, { seed: options.seed, density: options.density });
    ({ batches } = await collectFirstLoad(files, readConfig().maxArticleBytes, undefined, { batchSize }));
  } finally {
    rmSync(corpusDir, { recursive: true, force: true });
  }

  const neo4j = await startBenchNeo4j({ collector: options.collector });
  let current: Times = {};
  const repository = new BulkLoadRepository(serialTimedDatabase(neo4j.database, () => current) as unknown as Database);
  const half = Math.floor(batches.length / 2);
  const secondHalf: Times = {};
  let articlesSecondHalf = 0;
  let secondHalfMs = 0;
  let neo4jCpu0 = 0;
  let nodeCpu0 = process.cpuUsage();
  const started = performance.now();
  let written = 0;
  try {
    for (const [i, batch] of batches.entries()) {
      if (i === half) {
        neo4jCpu0 = neo4j.cpuSeconds() ?? 0;
        nodeCpu0 = process.cpuUsage();
      }
      current = {};
      const batchStarted = performance.now();
      // As the pipeline does: plans kept once the graph holds KEEP_PLANS_MIN_ARTICLES.
      await repository.write(batch, { keepPlans: written >= KEEP_PLANS_MIN_ARTICLES });
      written += batch.articles.length;
      const ms = performance.now() - batchStarted;
      const statements = Object.values(current).reduce((a, b) => a + b, 0);
      if (i >= half) {
        articlesSecondHalf += batch.articles.length;
        secondHalfMs += ms;
        for (const [name, t] of Object.entries(current)) secondHalf[name] = (secondHalf[name] ?? 0) + t;
        secondHalf.commit = (secondHalf.commit ?? 0) + ms - statements;
      }
    }
    const allMs = performance.now() - started;
    const neo4jCpu = (((neo4j.cpuSeconds() ?? 0) - neo4jCpu0) * 1000) / articlesSecondHalf;
    const nodeCpuUsage = process.cpuUsage(nodeCpu0);
    const nodeCpu = (nodeCpuUsage.user + nodeCpuUsage.system) / 1000 / articlesSecondHalf;
    const articles = batches.reduce((n, b) => n + b.articles.length, 0);
    const figures: Figure[] = [
      {
        label: `bulk writes only, statements one at a time: ${articles.toLocaleString('en-US')} pre-extracted articles in batches of ${batchSize}`,
        value: articles / (allMs / 1000),
        unit: 'articles/s',
      },
      {
        label: 'the same, second half (graph half built, JVM warm)',
        value: articlesSecondHalf / (secondHalfMs / 1000),
        unit: 'articles/s',
      },
      { label: 'Neo4j CPU per article, second half', value: neo4jCpu, unit: 'ms' },
      { label: 'Node CPU per article, second half (driver packing and replies)', value: nodeCpu, unit: 'ms' },
    ];
    const perStatement = Object.fromEntries(
      Object.entries(secondHalf).map(([name, ms]) => [name, Number((ms / articlesSecondHalf).toFixed(3))]),
    );
    return {
      name: `write${options.density === 'dense' ? '-dense' : ''}${options.collector === 'latency' ? '-latency' : ''}`,
      command: `npm run bench -- write --articles ${options.articles}${options.density !== 'news' ? ` --density ${options.density}` : ''}${options.collector !== 'throughput' ? ` --collector ${options.collector}` : ''}`,
      startedAt,
      seconds: Math.round((performance.now() - t0) / 1000),
      loadStart,
      loadEnd: load(),
      machine: machine(),
      params: {
        articles: options.articles,
        seed: options.seed,
        density: options.density,
        collector: options.collector,
        batchSize,
        neo4j: neo4j.description,
      },
      figures,
      details: { msPerArticleSecondHalf: perStatement },
      notes: [
        `wall ms per article in the second half, by statement (run one at a time; the loader pipelines them): ${Object.entries(
          perStatement,
        )
          .map(([n, ms]) => `${n.replace(/^bulk-/, '')} ${ms}`)
          .join(', ')}`,
      ],
    };
  } finally {
    await neo4j.stop();
  }
}
