// End-to-end loading benchmark: synthetic articles from files into Neo4j, through the per-article pipeline and the bulk path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../server/config.ts';
import { adminImport } from '../server/db/admin-import.ts';
import { type Neo4jCollector, startEmbeddedNeo4j } from '../server/db/embedded.ts';
import { BulkLoadRepository, connectDatabase, createRepositories } from '../server/db/index.ts';
import { BULK_BATCH_ARTICLES, collectFirstLoad, ingestFilesBulk } from '../server/ingest/bulk/index.ts';
import { collectArticleFiles, ingestFiles } from '../server/ingest/files.ts';
import type { PipelineDeps } from '../server/ingest/pipeline.ts';
import { type CorpusDensity, DEFAULT_SEED, writeCorpus } from './corpus.ts';
import { type BenchNeo4j, type GraphSize, graphSize, startBenchNeo4j } from './neo4j.ts';
import { type BenchResult, type Figure, load, machine } from './report.ts';

/** The issue's floor: articles per second, sustained, into Neo4j. */
export const LOAD_FLOOR_ARTICLES_PER_S = 100;
/** No load run may take longer than this; the run stops and reports what it did. */
const MAX_RUN_MS = 30 * 60_000;

export interface LoadBenchOptions {
  readonly sizes: readonly number[];
  readonly seed: number;
  readonly density: CorpusDensity;
  /** The Neo4j JVM's collector: `throughput` as `newsgraph ingest` starts its own, `latency` as the server runs it. */
  readonly collector: Neo4jCollector;
  /** Sizes up to this also go through the per-article pipeline (it is the slow one). */
  readonly perArticleMax: number;
  /** Articles per bulk transaction (default: the loader's own). */
  readonly batchSize?: number;
}

interface Run {
  readonly path: 'per-article' | 'bulk';
  readonly articles: number;
  readonly loaded: number;
  readonly failed: number;
  readonly seconds: number;
  readonly articlesPerS: number;
  readonly loadStart: number;
  readonly loadEnd: number;
  readonly graph: GraphSize;
  /** Entities with the same id (must be 0) and relationships duplicated between the same nodes (must be 0). */
  readonly duplicateEntities: number;
  readonly duplicateRelationships: number;
  /** A second load of the same files: every article must come back unchanged, the graph identical. */
  readonly rerunUnchanged: boolean;
  readonly rerunSeconds: number;
  /** CPU milliseconds per article: this Node process (all threads) and the Neo4j JVM. */
  readonly cpuMsPerArticle: { readonly node: number; readonly neo4j: number | null };
  /** Articles/s over the second half of the run (warm JVM and caches); undefined for tiny runs. */
  readonly sustainedPerS: number | undefined;
  /** Bulk path: seconds the writer waited for extraction vs spent writing. */
  readonly split?: { readonly waitForExtractionS: number; readonly writeS: number };
}

async function invariants(neo4j: BenchNeo4j): Promise<{ duplicateEntities: number; duplicateRelationships: number }> {
  const [entities] = await neo4j.run(
    'MATCH (e:Entity) WITH e.id AS id, count(*) AS n WHERE n > 1 RETURN count(*) AS dups',
  );
  const [relationships] = await neo4j.run(`MATCH (a)-[r]->(b) WHERE NOT type(r) IN ['PARTICIPATES_IN']
    WITH a, b, type(r) AS type, count(*) AS n WHERE n > 1 RETURN count(*) AS dups`);
  return { duplicateEntities: Number(entities.dups), duplicateRelationships: Number(relationships.dups) };
}

async function loadOnce(
  neo4j: BenchNeo4j,
  files: readonly string[],
  path: Run['path'],
  batchSize?: number,
): Promise<Run> {
  await neo4j.clear();
  const repositories = createRepositories(neo4j.database);
  const deps: PipelineDeps = {
    articles: repositories.articles,
    entities: repositories.entities,
    maxArticleBytes: 2 * 1024 * 1024,
  };
  const loadStart = load()[0];
  const nodeCpu0 = process.cpuUsage();
  const neo4jCpu0 = neo4j.cpuSeconds();
  const started = performance.now();
  let waitMs = 0;
  let writeMs = 0;
  /** When each article's load finished (a bulk batch's articles all at its commit), ms from `started`. */
  const done: number[] = [];
  const ingest = (list: readonly string[]) =>
    path === 'bulk'
      ? ingestFilesBulk({ ...deps, bulk: new BulkLoadRepository(neo4j.database) }, list, undefined, {
          ...(batchSize ? { batchSize } : {}),
          deadlineMs: MAX_RUN_MS,
          onBatch: (timing) => {
            waitMs += timing.waitMs;
            writeMs += timing.writeMs;
            for (let i = 0; i < timing.articles; i++) done.push(performance.now() - started);
          },
        })
      : ingestFiles(deps, list, () => {
          done.push(performance.now() - started);
        });
  const outcomes = await ingest(files);
  // Sustained rate: the second half of the run, after Neo4j's JIT and query caches have warmed up.
  const half = Math.floor(done.length / 2);
  const sustainedPerS =
    done.length >= 4 ? (done.length - half) / ((done[done.length - 1] - done[half - 1]) / 1000) : undefined;
  // The re-run below would add its own batches: keep the first load's split.
  const split = { waitForExtractionS: waitMs / 1000, writeS: writeMs / 1000 };
  const seconds = (performance.now() - started) / 1000;
  const loadEnd = load()[0];
  // CPU per article, whatever the load: Node (main thread + extraction workers) and the Neo4j JVM.
  const nodeCpu = process.cpuUsage(nodeCpu0);
  const neo4jCpu1 = neo4j.cpuSeconds();
  const cpuMsPerArticle = {
    node: (nodeCpu.user + nodeCpu.system) / 1000 / files.length,
    neo4j: neo4jCpu0 !== undefined && neo4jCpu1 !== undefined ? ((neo4jCpu1 - neo4jCpu0) * 1000) / files.length : null,
  };
  const loaded = outcomes.filter((o) => o.ok).length;
  const graph = await graphSize(neo4j);
  const checks = await invariants(neo4j);
  // Idempotency at scale: the same files again change nothing.
  const rerunStarted = performance.now();
  const again = await ingest(files);
  const rerunSeconds = (performance.now() - rerunStarted) / 1000;
  const after = await graphSize(neo4j);
  const rerunUnchanged =
    again.every((o) => o.ok && o.summary.status === 'unchanged') &&
    after.nodes === graph.nodes &&
    after.relationships === graph.relationships;
  return {
    path,
    articles: files.length,
    loaded,
    failed: files.length - loaded,
    seconds,
    articlesPerS: loaded / seconds,
    loadStart,
    loadEnd,
    graph,
    ...checks,
    rerunUnchanged,
    rerunSeconds,
    cpuMsPerArticle,
    sustainedPerS,
    ...(path === 'bulk' ? { split } : {}),
  };
}

interface ImportRun {
  readonly articles: number;
  readonly loaded: number;
  /** Files to a started Neo4j with the schema built: what a user waits for. */
  readonly seconds: number;
  readonly articlesPerS: number;
  readonly split: {
    readonly extractS: number;
    readonly csvS: number;
    readonly importS: number;
    readonly startAndSchemaS: number;
  };
  readonly loadStart: number;
  readonly graph: GraphSize;
}

/** A first load of `files` through neo4j-admin's importer into a fresh, empty data directory of its own. */
async function importOnce(files: readonly string[], collector: Neo4jCollector): Promise<ImportRun> {
  const config = readConfig();
  const home = mkdtempSync(join(tmpdir(), 'newsgraph-bench-import-'));
  const loadStart = load()[0];
  try {
    const started = performance.now();
    const { outcomes, rows } = await collectFirstLoad(files, config.maxArticleBytes);
    const extracted = performance.now();
    const result = await adminImport(rows, { home, javaHome: config.javaHome, heap: config.embeddedHeap });
    const imported = performance.now();
    const embedded = await startEmbeddedNeo4j({
      dataDir: home,
      boltPort: 0,
      heap: config.embeddedHeap,
      pageCache: config.embeddedPageCache,
      javaHome: config.javaHome,
      collector,
    });
    const database = connectDatabase({ uri: embedded.uri, user: config.neo4jUser, password: config.neo4jPassword });
    try {
      await database.applySchema();
      await new BulkLoadRepository(database).finishImport();
      const seconds = (performance.now() - started) / 1000;
      const session = () => database.driver.session();
      const graph = await graphSize({
        run: async (cypher: string) => {
          const s = session();
          try {
            return (await s.run(cypher)).records.map((r) => r.toObject());
          } finally {
            await s.close();
          }
        },
      });
      const loaded = outcomes.filter((o) => o.ok).length;
      return {
        articles: files.length,
        loaded,
        seconds,
        articlesPerS: loaded / seconds,
        loadStart,
        graph,
        split: {
          extractS: (extracted - started) / 1000,
          csvS: result.csvMs / 1000,
          importS: result.importMs / 1000,
          startAndSchemaS: (performance.now() - imported) / 1000,
        },
      };
    } finally {
      await database.close();
      await embedded.stop();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

export async function benchLoad(options: LoadBenchOptions): Promise<BenchResult[]> {
  const startedAt = new Date().toISOString();
  const loadStart = load();
  const t0 = performance.now();
  const neo4j = await startBenchNeo4j({ collector: options.collector });
  const corpusDir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-corpus-'));
  const runs: Run[] = [];
  const imports: ImportRun[] = [];
  try {
    for (const size of options.sizes) {
      const dir = join(corpusDir, String(size));
      await writeCorpus(dir, size, { seed: options.seed, density: options.density });
      const files = await collectArticleFiles([dir]);
      if (size <= options.perArticleMax) runs.push(await loadOnce(neo4j, files, 'per-article'));
      runs.push(await loadOnce(neo4j, files, 'bulk', options.batchSize));
      imports.push(await importOnce(files, options.collector));
      process.stdout.write(
        `  load ${size}: ${runs
          .filter((r) => r.articles === size)
          .map((r) => `${r.path} ${r.articlesPerS.toFixed(1)}/s`)
          .join(', ')}\n`,
      );
    }
  } finally {
    rmSync(corpusDir, { recursive: true, force: true });
    await neo4j.stop();
  }

  const figures: Figure[] = [];
  for (const run of runs) {
    figures.push({
      label: `${run.path}: ${run.articles.toLocaleString('en-US')} articles (graph after: ${run.graph.labels.Entity.toLocaleString('en-US')} entities, ${run.graph.labels.Event.toLocaleString('en-US')} events, ${run.graph.relationships.toLocaleString('en-US')} relationships)`,
      value: run.articlesPerS,
      unit: 'articles/s',
      floor: { atLeast: LOAD_FLOOR_ARTICLES_PER_S },
      load: run.loadStart,
    });
    if (run.sustainedPerS !== undefined) {
      figures.push({
        label: `${run.path}: ${run.articles.toLocaleString('en-US')} articles, sustained (second half of the run, Neo4j warm)`,
        value: run.sustainedPerS,
        unit: 'articles/s',
        floor: { atLeast: LOAD_FLOOR_ARTICLES_PER_S },
        load: run.loadEnd,
      });
    }
  }
  for (const run of imports) {
    figures.push({
      label: `first load with neo4j-admin import (ingest --import): ${run.articles.toLocaleString('en-US')} articles, files to a started Neo4j with indexes built (graph after: ${run.graph.labels.Entity.toLocaleString('en-US')} entities, ${run.graph.relationships.toLocaleString('en-US')} relationships)`,
      value: run.articlesPerS,
      unit: 'articles/s',
      floor: { atLeast: LOAD_FLOOR_ARTICLES_PER_S },
      load: run.loadStart,
    });
  }
  const notes: string[] = [];
  for (const run of imports) {
    const bulk = runs.find((r) => r.articles === run.articles && r.path === 'bulk');
    notes.push(
      `import ${run.articles}: ${run.seconds.toFixed(0)} s = extraction ${run.split.extractS.toFixed(0)} s + CSV ${run.split.csvS.toFixed(0)} s + ` +
        `neo4j-admin ${run.split.importS.toFixed(0)} s + start, schema and indexes ${run.split.startAndSchemaS.toFixed(0)} s` +
        (bulk
          ? `; ${(run.articlesPerS / bulk.articlesPerS).toFixed(1)}× the transactional bulk path (graphs: import ${run.graph.nodes} nodes / ` +
            `${run.graph.relationships} relationships, bulk ${bulk.graph.nodes} / ${bulk.graph.relationships})`
          : ''),
    );
  }
  for (const size of options.sizes) {
    const perArticle = runs.find((r) => r.articles === size && r.path === 'per-article');
    const bulk = runs.find((r) => r.articles === size && r.path === 'bulk');
    if (perArticle && bulk) {
      notes.push(
        `${size} articles: bulk path ${(bulk.articlesPerS / perArticle.articlesPerS).toFixed(1)}× the per-article pipeline ` +
          `(${bulk.articlesPerS.toFixed(1)} vs ${perArticle.articlesPerS.toFixed(1)} articles/s); graphs: per-article ${perArticle.graph.nodes} nodes / ` +
          `${perArticle.graph.relationships} relationships, bulk ${bulk.graph.nodes} / ${bulk.graph.relationships}`,
      );
    }
    if (bulk?.split) {
      notes.push(
        `${size} articles, bulk: the writer waited ${bulk.split.waitForExtractionS.toFixed(0)} s for extraction and wrote for ` +
          `${bulk.split.writeS.toFixed(0)} s of ${bulk.seconds.toFixed(0)} s`,
      );
    }
  }
  for (const run of runs) {
    const { node, neo4j: db } = run.cpuMsPerArticle;
    notes.push(
      `${run.path} ${run.articles}: ${node.toFixed(0)} ms Node CPU + ${db === null ? '?' : db.toFixed(0)} ms Neo4j CPU per article ` +
        `(so ${db === null ? '?' : (1000 / (node + db)).toFixed(0)} articles per CPU-second of both; 100 articles/s needs ${db === null ? '?' : ((100 * (node + db)) / 1000).toFixed(1)} cores)`,
    );
  }
  for (const run of runs) {
    if (run.duplicateEntities > 0 || run.duplicateRelationships > 0 || !run.rerunUnchanged || run.failed > 0) {
      notes.push(
        `${run.path} ${run.articles}: ${run.failed} failed, ${run.duplicateEntities} duplicate entity ids, ` +
          `${run.duplicateRelationships} duplicated relationships, re-run unchanged: ${run.rerunUnchanged}`,
      );
    }
  }
  return [
    {
      name: `load${options.density === 'dense' ? '-dense' : ''}${options.collector === 'latency' ? '-latency' : ''}`,
      command: `npm run bench -- load --articles ${options.sizes.join(',')}${options.perArticleMax !== 1000 ? ` --per-article-max ${options.perArticleMax}` : ''}${options.seed !== DEFAULT_SEED ? ` --seed ${options.seed}` : ''}${options.batchSize ? ` --batch-size ${options.batchSize}` : ''}${options.density !== 'news' ? ` --density ${options.density}` : ''}${options.collector !== 'throughput' ? ` --collector ${options.collector}` : ''}`,
      startedAt,
      seconds: Math.round((performance.now() - t0) / 1000),
      loadStart,
      loadEnd: load(),
      machine: machine(),
      params: {
        sizes: options.sizes,
        seed: options.seed,
        density: options.density,
        collector: options.collector,
        perArticleMax: options.perArticleMax,
        batchSize: options.batchSize ?? BULK_BATCH_ARTICLES,
        neo4j: neo4j.description,
      },
      figures,
      details: { runs, imports },
      notes,
    },
  ];
}
