// A throwaway Neo4j for benchmarks: the project's embedded one on a free loopback port and a temp data dir (or NEO4J_URI's).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../server/config.ts';
import { type Neo4jCollector, startEmbeddedNeo4j } from '../server/db/embedded.ts';
import { connectDatabase, type Database, type Neo4jConnection } from '../server/db/index.ts';
import { int } from '../server/db/values.ts';

export interface BenchNeo4j {
  readonly connection: Neo4jConnection;
  /** The app's database layer on it, schema applied. */
  readonly database: Database;
  /** How it was started, for the result file. */
  readonly description: string;
  /** Deletes every node and relationship (schema kept), in batches. */
  clear(): Promise<void>;
  /** Runs one Cypher statement in an auto-commit transaction (bench-only Cypher from bench/cypher/). */
  run(cypher: string, params?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  /** Runs one statement in a managed write transaction (retried on transient errors). */
  write(cypher: string, params?: Record<string, unknown>): Promise<void>;
  /** A Neo4j integer (JavaScript numbers are sent as floats). */
  int(value: number): unknown;
  /** CPU seconds the Neo4j JVM has used so far (Linux /proc; undefined for an external NEO4J_URI). */
  cpuSeconds(): number | undefined;
  /** Resident memory of the Neo4j JVM in bytes (Linux /proc; undefined for an external NEO4J_URI). */
  rssBytes(): number | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the embedded Neo4j with the app's default heap and page cache (NEWSGRAPH_NEO4J_HEAP / _PAGECACHE
 * change them), so figures are what `npm start` users get; `collector` as EmbeddedNeo4jOptions.collector (default
 * the server's). With NEO4J_URI set, that database is used and EMPTIED.
 */
export async function startBenchNeo4j(options: { readonly collector?: Neo4jCollector } = {}): Promise<BenchNeo4j> {
  const config = readConfig();
  let connection: Neo4jConnection;
  let stopEmbedded = async () => {};
  let description: string;
  let pid: number | undefined;
  if (config.neo4jUri) {
    connection = {
      uri: config.neo4jUri,
      user: config.neo4jUser,
      password: config.neo4jPassword,
      database: config.neo4jDatabase,
    };
    description = `NEO4J_URI ${config.neo4jUri}`;
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-neo4j-'));
    const embedded = await startEmbeddedNeo4j({
      dataDir,
      boltPort: 0,
      heap: config.embeddedHeap,
      pageCache: config.embeddedPageCache,
      javaHome: config.javaHome,
      collector: options.collector ?? 'latency',
    });
    connection = { uri: embedded.uri, user: config.neo4jUser, password: config.neo4jPassword };
    pid = embedded.pid;
    description = `embedded Neo4j 5.26, heap ${config.embeddedHeap}, page cache ${config.embeddedPageCache}, ${options.collector === 'throughput' ? 'parallel' : 'G1'} collector`;
    stopEmbedded = async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const database = connectDatabase(connection);
  await database.verify();
  await database.applySchema();
  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    const session = database.driver.session({ database: connection.database });
    try {
      const result = await session.run(cypher, params);
      return result.records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  };
  return {
    connection,
    database,
    description,
    run,
    async write(cypher, params = {}) {
      const session = database.driver.session({ database: connection.database });
      try {
        await session.executeWrite((tx) => tx.run(cypher, params), { timeout: 600_000 });
      } finally {
        await session.close();
      }
    },
    int: (value: number) => int(value),
    cpuSeconds: () => (pid === undefined ? undefined : processCpuSeconds(pid)),
    rssBytes: () => (pid === undefined ? undefined : processRssBytes(pid)),
    async clear() {
      await run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    },
    async stop() {
      await database.close();
      await stopEmbedded();
    },
  };
}

/** VmRSS of a process from /proc/<pid>/status, in bytes. */
export function processRssBytes(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** utime + stime of a process from /proc/<pid>/stat, in seconds (clock ticks are 100 Hz on Linux). */
function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces, so split after its closing parenthesis).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

export interface GraphSize {
  readonly nodes: number;
  readonly relationships: number;
  readonly labels: Readonly<Record<string, number>>;
  readonly relationshipTypes: Readonly<Record<string, number>>;
}

/** Node and relationship counts per label and type (count store lookups, cheap at any size). */
export async function graphSize(neo4j: Pick<BenchNeo4j, 'run'>): Promise<GraphSize> {
  const labels: Record<string, number> = {};
  for (const label of ['Article', 'Entity', 'Person', 'Company', 'Government', 'Organization', 'Place', 'Event']) {
    const [row] = await neo4j.run(`MATCH (n:${label}) RETURN count(n) AS n`);
    labels[label] = Number(row.n);
  }
  const types: Record<string, number> = {};
  for (const row of await neo4j.run(
    'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS type',
  )) {
    const type = String(row.type);
    // Types come from the database's own list; backticks escaped all the same.
    const [count] = await neo4j.run(`MATCH ()-[r:\`${type.replaceAll('`', '``')}\`]->() RETURN count(r) AS n`);
    if (Number(count.n) > 0) types[type] = Number(count.n);
  }
  const [totals] = await neo4j.run(
    'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
  return { nodes: Number(totals.nodes), relationships: Number(totals.rels), labels, relationshipTypes: types };
}
