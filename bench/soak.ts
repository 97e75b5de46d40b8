// Soak: mixed reads, ingests and one nested-query attacker at fixed rates against startServer() for minutes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../server/config.ts';
import { BulkLoadRepository, createRepositories } from '../server/db/index.ts';
import { ingestFilesBulk } from '../server/ingest/bulk/index.ts';
import { startServer } from '../server/main.ts';
import { syntheticArticle, writeCorpus } from './corpus.ts';
import { startBenchNeo4j } from './neo4j.ts';
import { type BenchResult, type Figure, load, machine, percentile } from './report.ts';

/** The bound for search while the attacker runs. */
export const SEARCH_P99_FLOOR_MS = 200;
/** Requests one client may have open; beyond it a tick is counted as missed rather than piling up. */
const MAX_IN_FLIGHT = 8;

/** The query of issue 18 that ran 165 s and returned 370 MB. */
const NESTED_ATTACK = '{ articles(limit: 1000) { id mentions { id mentionedIn { id mentions { id name } } } } }';

export interface SoakOptions {
  readonly durationS: number;
  /** Articles loaded before the soak starts. */
  readonly articles: number;
  readonly seed: number;
  /** Read clients, each sending `readsPerSecond`. */
  readonly readClients: number;
  readonly readsPerSecond: number;
}

interface Operation {
  readonly name: string;
  /** A request body for the i-th request. */
  body(i: number): string;
  /** Error codes that are the expected answer (the attacker's refusal), counted as success. */
  readonly expected?: readonly string[];
}

interface Tally {
  latencies: number[];
  errors: Record<string, number>;
  missed: number;
}

const mb = (bytes: number | undefined) => (bytes === undefined ? Number.NaN : Math.round(bytes / 1024 / 102.4) / 10);

export async function benchSoak(options: SoakOptions): Promise<BenchResult> {
  const startedAt = new Date();
  const loadStart = load();
  const neo4j = await startBenchNeo4j();
  const corpusDir = mkdtempSync(join(tmpdir(), 'newsgraph-soak-'));
  try {
    process.stdout.write(`soak: loading ${options.articles} articles…\n`);
    const files = await writeCorpus(corpusDir, options.articles, { seed: options.seed });
    const repositories = createRepositories(neo4j.database);
    await ingestFilesBulk(
      {
        articles: repositories.articles,
        entities: repositories.entities,
        maxArticleBytes: 2 * 1024 * 1024,
        bulk: new BulkLoadRepository(neo4j.database),
      },
      files,
    );
    const entities = await neo4j.run(
      'MATCH (e:Entity) RETURN e.id AS id, e.name AS name ORDER BY e.mentionCount DESC, e.id LIMIT 300',
    );
    const ids = entities.map((e) => String(e.id));
    const words = entities.map((e) => String(e.name).split(/\s+/)[0]).filter((w) => w.length >= 3);
    const companies = entities.filter((e) => String(e.id).startsWith('company:')).map((e) => String(e.name));

    const config = readConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', NEWSGRAPH_DEMO_DATA: '0' });
    const server = await startServer(config, neo4j.connection);
    const at = <T>(list: readonly T[], i: number) => list[i % list.length];
    const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
    const reads: Operation[] = [
      {
        name: 'search',
        body: (i) => body('query($q: String!) { search(query: $q, limit: 20) { id name } }', { q: at(words, i) }),
      },
      {
        name: 'neighborhood',
        body: (i) =>
          body('query($id: ID!) { neighborhood(ids: [$id], limit: 200) { nodes { id name } edges { id type } } }', {
            id: at(ids, i * 7),
          }),
      },
      {
        name: 'paths',
        body: (i) =>
          body('query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxDepth: 4) { nodes { id } edges { type } } }', {
            a: at(ids, i * 3),
            b: at(ids, i * 11 + 5),
          }),
      },
      {
        name: 'generated filter',
        body: (i) =>
          body(
            'query($n: String!) { companies(where: {name: {contains: $n}}, limit: 20) { id name mentionCount mentionedIn(limit: 5) { title } } }',
            { n: at(companies, i).slice(0, 4) },
          ),
      },
    ];
    let nextArticle = options.articles;
    const ingest: Operation = {
      name: 'ingest',
      body: () => {
        const article = syntheticArticle(nextArticle++, options.articles * 10, { seed: options.seed });
        return body('mutation($t: String!) { ingestArticle(input: {text: $t}) { status } }', { t: article.text });
      },
    };
    const attack: Operation = {
      name: 'attacker (nested query)',
      body: () => body(NESTED_ATTACK),
      expected: ['QUERY_TOO_COMPLEX'],
    };

    const tallies = new Map<string, Tally>();
    const tally = (name: string) => {
      let t = tallies.get(name);
      if (!t) {
        t = { latencies: [], errors: {}, missed: 0 };
        tallies.set(name, t);
      }
      return t;
    };
    const send = async (operation: Operation, i: number, measure: boolean): Promise<void> => {
      const started = performance.now();
      let code: string | undefined;
      try {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: operation.body(i),
        });
        const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        code = answer.errors?.[0]?.extensions?.code ?? (response.ok ? undefined : `HTTP ${response.status}`);
      } catch (error) {
        code = `network: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (!measure) return;
      const t = tally(operation.name);
      t.latencies.push(performance.now() - started);
      if (code && !operation.expected?.includes(code)) t.errors[code] = (t.errors[code] ?? 0) + 1;
    };

    // Warm-up: every read kind a few times (plans, JIT), not measured.
    for (let i = 0; i < 20; i++) for (const operation of reads) await send(operation, i, false);

    const memoryStart = { server: process.memoryUsage(), neo4j: neo4j.rssBytes() };
    process.stdout.write(
      `soak: ${options.durationS} s, ${options.readClients} read clients × ${options.readsPerSecond}/s, 1 ingest per 10 s, 1 attack per 2 s\n`,
    );
    const deadline = performance.now() + options.durationS * 1000;
    const clients: Promise<void>[] = [];
    /** An open-loop client: one request every `intervalMs` whatever the answers take (up to MAX_IN_FLIGHT open). */
    const client = (intervalMs: number, pick: (i: number) => Operation, offset: number) =>
      new Promise<void>((resolveClient) => {
        let i = offset;
        let open = 0;
        const pending = new Set<Promise<void>>();
        const timer = setInterval(() => {
          if (performance.now() >= deadline) {
            clearInterval(timer);
            Promise.all(pending).then(() => resolveClient());
            return;
          }
          const operation = pick(i);
          if (open >= MAX_IN_FLIGHT) {
            tally(operation.name).missed++;
            i++;
            return;
          }
          open++;
          const request = send(operation, i++, true).finally(() => {
            open--;
            pending.delete(request);
          });
          pending.add(request);
        }, intervalMs);
      });
    for (let c = 0; c < options.readClients; c++) {
      clients.push(client(1000 / options.readsPerSecond, (i) => reads[i % reads.length], c));
    }
    clients.push(client(10_000, () => ingest, 0));
    clients.push(client(2_000, () => attack, 0));
    let lastReport = performance.now();
    const progress = setInterval(() => {
      if (performance.now() - lastReport < 60_000) return;
      lastReport = performance.now();
      const done = [...tallies.values()].reduce((n, t) => n + t.latencies.length, 0);
      process.stdout.write(
        `soak: ${Math.round((deadline - performance.now()) / 1000)} s left, ${done} requests, load ${load()[0]}\n`,
      );
    }, 5_000);
    await Promise.all(clients);
    clearInterval(progress);
    const memoryEnd = { server: process.memoryUsage(), neo4j: neo4j.rssBytes() };
    await server.close();

    const figures: Figure[] = [];
    const perOperation: Record<string, unknown> = {};
    for (const [name, t] of tallies) {
      const sorted = [...t.latencies].sort((a, b) => a - b);
      const errors = Object.values(t.errors).reduce((n, e) => n + e, 0);
      perOperation[name] = {
        requests: sorted.length,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.at(-1),
        errors: t.errors,
        missed: t.missed,
      };
      figures.push({ label: `${name}: p50`, value: percentile(sorted, 50), unit: 'ms' });
      figures.push({
        label: `${name}: p99 (${sorted.length} requests)`,
        value: percentile(sorted, 99),
        unit: 'ms',
        ...(name === 'search' ? { floor: { atMost: SEARCH_P99_FLOOR_MS } } : {}),
      });
      figures.push({ label: `${name}: errors`, value: errors + t.missed, unit: 'requests' });
    }
    figures.push(
      { label: 'server process RSS at start', value: mb(memoryStart.server.rss), unit: 'MB' },
      { label: 'server process RSS at end', value: mb(memoryEnd.server.rss), unit: 'MB' },
      { label: 'server heap used at start', value: mb(memoryStart.server.heapUsed), unit: 'MB' },
      { label: 'server heap used at end', value: mb(memoryEnd.server.heapUsed), unit: 'MB' },
      { label: 'Neo4j JVM RSS at start', value: mb(memoryStart.neo4j), unit: 'MB' },
      { label: 'Neo4j JVM RSS at end', value: mb(memoryEnd.neo4j), unit: 'MB' },
    );
    return {
      name: 'soak',
      command: `npm run bench -- soak --duration ${options.durationS} --articles ${options.articles}`,
      startedAt: startedAt.toISOString(),
      seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      loadStart,
      loadEnd: load(),
      machine: machine(),
      params: { ...options, neo4j: neo4j.description },
      figures,
      details: { perOperation, memoryStart, memoryEnd },
      notes: [
        'The server runs in the bench process, so its RSS includes the clients (fetch) and the loaded corpus; heap used is the better measure of growth.',
      ],
    };
  } finally {
    await neo4j.stop();
    rmSync(corpusDir, { recursive: true, force: true });
  }
}
