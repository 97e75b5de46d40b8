// GraphQL latency over HTTP: autocannon against startServer() on generated graphs of 10^4-10^6 entities, loopback only.
import autocannon from 'autocannon';
import { readConfig } from '../server/config.ts';
import { startServer } from '../server/main.ts';
import { DEFAULT_SEED } from './corpus.ts';
import { type GeneratedGraph, generateGraph } from './graph-gen.ts';
import { startBenchNeo4j } from './neo4j.ts';
import { type BenchResult, type Figure, load, machine } from './report.ts';

/** The issue's floors for a 1-hop neighbourhood at 10^5 entities, warm. */
export const NEIGHBORHOOD_P50_FLOOR_MS = 10;
export const NEIGHBORHOOD_P99_FLOOR_MS = 50;
/** Warm-up per query type before measuring (JIT, query plans), then each distinct request once (caches). */
const WARM_UP_S = 3;
const WARM_EACH_MAX_MS = 90_000;

export interface GraphqlBenchOptions {
  readonly sizes: readonly number[];
  readonly durationS: number;
  readonly connections: number;
  readonly seed: number;
  /** Suffix of the result name, e.g. "before" for a baseline kept next to the current figures. */
  readonly tag?: string;
  /**
   * Re-enable Nagle's algorithm on the driver's sockets, as before server/db/driver.ts turned it off: for the
   * before/after comparison of that fix without checking out old code.
   */
  readonly nagle?: boolean;
}

/** Wraps net.connect (already wrapped by driver.ts to set TCP_NODELAY) so new sockets get Nagle back. */
async function restoreNagle(): Promise<void> {
  const net = (await import('node:net')).default;
  const connect = net.connect;
  (net as { connect: typeof net.connect }).connect = function (this: unknown, ...args: unknown[]) {
    const socket = (connect as (...a: unknown[]) => import('node:net').Socket).apply(this, args);
    socket.setNoDelay(false);
    return socket;
  } as typeof net.connect;
}

interface QueryKind {
  readonly name: string;
  readonly label: string;
  /** A request body for the i-th request (parameters vary over the sample). */
  body(i: number): string;
  /** How many different bodies there are (the warm-up sends each once); 0 = every request differs (cache misses). */
  readonly distinct: number;
}

function kinds(sample: GeneratedGraph['sample']): QueryKind[] {
  const at = <T>(list: readonly T[], i: number) => list[i % list.length];
  const gql = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
  const SUBGRAPH = 'nodes { id label name weight } edges { id source target type support } truncated remaining';
  return [
    {
      name: 'search',
      label: 'search (20 hits)',
      body: (i) =>
        gql('query($q: String!) { search(query: $q, limit: 20) { id label name score } }', { q: at(sample.words, i) }),
      distinct: sample.words.length,
    },
    {
      name: 'neighborhood-1',
      label: '1-hop neighborhood (limit 200)',
      body: (i) =>
        gql(`query($id: ID!) { neighborhood(ids: [$id], depth: 1, limit: 200) { ${SUBGRAPH} } }`, {
          id: at(sample.typical, i),
        }),
      distinct: sample.typical.length,
    },
    // Limits 151..200 make nearly every request new to the server's neighbourhood cache: the cost of a miss.
    {
      name: 'neighborhood-1-miss',
      label: '1-hop neighborhood (limit 151-200, cache misses)',
      body: (i) =>
        gql(`query($id: ID!, $n: Int) { neighborhood(ids: [$id], depth: 1, limit: $n) { ${SUBGRAPH} } }`, {
          id: at(sample.typical, i),
          n: 151 + (Math.floor(i / sample.typical.length) % 50),
        }),
      distinct: 0,
    },
    {
      name: 'neighborhood-1-hub',
      label: '1-hop neighborhood of the 20 biggest hubs (limit 200)',
      body: (i) =>
        gql(`query($id: ID!) { neighborhood(ids: [$id], depth: 1, limit: 200) { ${SUBGRAPH} } }`, {
          id: at(sample.hubs, i),
        }),
      distinct: sample.hubs.length,
    },
    {
      name: 'neighborhood-1-hub-miss',
      label: '1-hop neighborhood of the 20 biggest hubs (limit 151-200, cache misses)',
      body: (i) =>
        gql(`query($id: ID!, $n: Int) { neighborhood(ids: [$id], depth: 1, limit: $n) { ${SUBGRAPH} } }`, {
          id: at(sample.hubs, i),
          n: 151 + (Math.floor(i / sample.hubs.length) % 50),
        }),
      distinct: 0,
    },
    {
      name: 'neighborhood-2',
      label: '2-hop neighborhood (limit 200)',
      body: (i) =>
        gql(`query($id: ID!) { neighborhood(ids: [$id], depth: 2, limit: 200) { ${SUBGRAPH} } }`, {
          id: at(sample.typical, i),
        }),
      distinct: sample.typical.length,
    },
    {
      name: 'paths',
      label: 'paths (maxDepth 4)',
      body: (i) =>
        gql(`query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxDepth: 4) { ${SUBGRAPH} } }`, {
          a: at(sample.pairs, i)[0],
          b: at(sample.pairs, i)[1],
        }),
      distinct: sample.pairs.length,
    },
    {
      name: 'filter',
      label: 'companies(where: {name: {contains}}, limit: 20)',
      body: (i) =>
        gql('query($s: String!) { companies(where: {name: {contains: $s}}, limit: 20) { id name mentionCount } }', {
          s: at(sample.words, i).slice(0, 5),
        }),
      distinct: sample.words.length,
    },
  ];
}

interface Measured {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly requestsPerS: number;
  readonly requests: number;
  readonly errors: number;
}

async function cannon(url: string, kind: QueryKind, connections: number, durationS: number): Promise<Measured> {
  let i = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration: durationS,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: kind.body(i++) }) }],
  });
  return {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    requestsPerS: result.requests.average,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

/** "Warm": every distinct request of the kind answered once before measuring (bounded by WARM_EACH_MAX_MS). */
async function warmEach(url: string, kind: QueryKind): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < kind.distinct && performance.now() - started < WARM_EACH_MAX_MS; i++) {
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: kind.body(i),
    }).then((r) => r.arrayBuffer());
  }
}

/** Sends a few requests of each kind and fails loudly on GraphQL errors: autocannon only sees HTTP status. */
async function check(url: string, kind: QueryKind): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: kind.body(i),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    if (body.errors) throw new Error(`${kind.name} request ${i} failed: ${body.errors[0].message}\n${kind.body(i)}`);
  }
}

export async function benchGraphql(options: GraphqlBenchOptions): Promise<BenchResult[]> {
  const startedAt = new Date().toISOString();
  const loadStart = load();
  const t0 = performance.now();
  const neo4j = await startBenchNeo4j();
  if (options.nagle) await restoreNagle();
  const details: Record<string, unknown>[] = [];
  const figures: Figure[] = [];
  try {
    for (const size of options.sizes) {
      const graph = await generateGraph(neo4j, size, options.seed);
      process.stdout.write(
        `  graphql ${size}: generated ${graph.entities} entities, ${graph.articles} articles, ${graph.relationships} relationships in ${graph.seconds} s\n`,
      );
      const config = readConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', NEWSGRAPH_DEMO_DATA: '0' });
      const server = await startServer(config, neo4j.connection);
      try {
        for (const kind of kinds(graph.sample)) {
          await check(server.url, kind);
          await cannon(server.url, kind, 2, WARM_UP_S);
          await warmEach(server.url, kind);
          const loadAt = load()[0];
          const single = await cannon(server.url, kind, 1, options.durationS);
          const concurrent = await cannon(server.url, kind, options.connections, options.durationS);
          details.push({ size, entities: graph.entities, kind: kind.name, load: loadAt, single, concurrent });
          process.stdout.write(
            `    ${kind.name}: p50 ${single.p50} ms, p99 ${single.p99} ms (1 client); ${concurrent.requestsPerS.toFixed(1)} req/s, p99 ${concurrent.p99} ms (${options.connections} clients) [load ${loadAt}]\n`,
          );
          const tenK = size >= 100_000 ? '10^5+' : 'small';
          const floors = kind.name === 'neighborhood-1' && tenK === '10^5+';
          const at = `${graph.entities.toLocaleString('en-US')} entities`;
          figures.push(
            {
              label: `${kind.label}, ${at}: p50, 1 client`,
              value: single.p50,
              unit: 'ms',
              load: loadAt,
              ...(floors ? { floor: { atMost: NEIGHBORHOOD_P50_FLOOR_MS } } : {}),
            },
            {
              label: `${kind.label}, ${at}: p99, 1 client`,
              value: single.p99,
              unit: 'ms',
              load: loadAt,
              ...(floors ? { floor: { atMost: NEIGHBORHOOD_P99_FLOOR_MS } } : {}),
            },
            {
              label: `${kind.label}, ${at}: requests/s, ${options.connections} clients (p99 ${concurrent.p99} ms)`,
              value: concurrent.requestsPerS,
              unit: 'req/s',
              load: loadAt,
            },
          );
          if (single.errors + concurrent.errors > 0)
            process.stdout.write(`    ${kind.name}: ${single.errors + concurrent.errors} failed requests\n`);
        }
      } finally {
        await server.close();
      }
      details.push({
        size,
        graph: {
          entities: graph.entities,
          articles: graph.articles,
          events: graph.events,
          relationships: graph.relationships,
          generateSeconds: graph.seconds,
        },
      });
    }
  } finally {
    await neo4j.stop();
  }
  const name = options.tag ? `graphql-${options.tag}` : 'graphql';
  return [
    {
      name,
      command: `npm run bench -- graphql --entities ${options.sizes.join(',')} --duration ${options.durationS} --connections ${options.connections}${options.tag ? ` --tag ${options.tag}` : ''}${options.nagle ? ' --nagle' : ''}${options.seed !== DEFAULT_SEED ? ` --seed ${options.seed}` : ''}`,
      startedAt,
      seconds: Math.round((performance.now() - t0) / 1000),
      loadStart,
      loadEnd: load(),
      machine: machine(),
      params: {
        nagle: Boolean(options.nagle),
        sizes: options.sizes,
        durationS: options.durationS,
        connections: options.connections,
        warmUpS: WARM_UP_S,
        neo4j: neo4j.description,
      },
      figures,
      details,
      notes: [
        'latency = autocannon over loopback HTTP with 1 connection after a warm-up (3 s of load, then every distinct request of the kind once); requests/s with the concurrent connections; the floors apply to the 1-hop row at 10^5 entities; "cache misses" rows vary the limit so every request is new to the neighbourhood cache',
      ],
    },
  ];
}
