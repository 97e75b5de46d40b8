// The only reader of process.env: one frozen, typed configuration object, validated once.

import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface Config {
  /** Bolt URI of an external Neo4j; when unset the project starts its own embedded Neo4j. */
  readonly neo4jUri: string | undefined;
  readonly neo4jUser: string;
  readonly neo4jPassword: string;
  /** Neo4j database name (default: the server's default database). */
  readonly neo4jDatabase: string | undefined;
  /** Project data directory (default `.data`); the embedded Neo4j keeps its store in `<dataDir>/neo4j`. */
  readonly dataDir: string;
  /** Bolt port of the embedded Neo4j (default 7687; 0 = pick a free one). */
  readonly embeddedBoltPort: number;
  /** Maximum Java heap of the embedded Neo4j, e.g. `1g` (default `1g`). */
  readonly embeddedHeap: string;
  /** Page cache of the embedded Neo4j, e.g. `512m` (default `512m`). */
  readonly embeddedPageCache: string;
  /** JDK used to run the embedded Neo4j (default: `java` on the PATH). */
  readonly javaHome: string | undefined;
  /** HTTP host/port of the GraphQL server and explorer (default 127.0.0.1:4000). */
  readonly host: string;
  readonly port: number;
  /** Token required for mutations when bound to a non-loopback host. */
  readonly apiToken: string | undefined;
  /** Extra browser origins allowed to call /graphql (NEWSGRAPH_ALLOWED_ORIGINS, comma-separated); the app's own origin always is. */
  readonly allowedOrigins: readonly string[];
  /**
   * Extra host names the server answers to (NEWSGRAPH_ALLOWED_HOSTS, comma-separated, lower-case, no port), beyond
   * the bind address, localhost, 127.0.0.1 and [::1]; a request with any other Host is refused (DNS rebinding).
   */
  readonly allowedHosts: readonly string[];
  /** Largest article text accepted, in bytes (default 2 MiB). */
  readonly maxArticleBytes: number;
  /** Timeout of every read transaction the app sends, generated GraphQL or named query, in ms (default 15 s). */
  readonly readTimeoutMs: number;
  /** Largest estimated cost of a GraphQL operation (nesting × list sizes) run at all (default 100,000). */
  readonly maxQueryCost: number;
  /** Largest GraphQL response body sent, in bytes (default 16 MiB); a larger answer is replaced by an error. */
  readonly maxResponseBytes: number;
  /** Load the demo articles in data/articles when the database is empty (default true). */
  readonly loadDemoData: boolean;
  /** Time one HTTP request of a URL load may take, headers and body, in ms (default 15 s). */
  readonly fetchTimeoutMs: number;
  /** Least time between two requests to the same host, in ms (default 1000: at most one request per second). */
  readonly fetchHostIntervalMs: number;
  /**
   * NEWSGRAPH_ALLOW_PRIVATE_URLS=1: URLs whose host is a loopback, private, link-local or metadata address may be
   * fetched (default off: the SSRF guard refuses them). For tests and news sites on a local network only.
   */
  readonly allowPrivateUrls: boolean;
  /**
   * How often the server polls each watched feed, in ms (NEWSGRAPH_FEED_INTERVAL: a duration such as `15m`, `90s`,
   * `1h` or `500ms`; a bare number is seconds; default 15 minutes). Each poll is jittered by ±10%.
   */
  readonly feedIntervalMs: number;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `${name}=${JSON.stringify(raw)} is not a non-negative integer: unset it or give a number such as ${fallback}`,
    );
  }
  return value;
}

function positiveIntFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = intFromEnv(env, name, fallback);
  if (value === 0) throw new Error(`${name}=0 would refuse everything: unset it or give a number such as ${fallback}`);
  return value;
}

function booleanFromEnv(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new Error(`${name}=${JSON.stringify(raw)} is neither 1 nor 0: set it to 1 to switch it on, or unset it`);
}

function sizeFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+[kmg]?$/i.test(raw)) {
    throw new Error(
      `${name}=${JSON.stringify(raw)} is not a memory size: use a number with k, m or g, such as ${fallback}`,
    );
  }
  return raw;
}

const DURATION_UNITS_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A duration such as `15m`, `90s`, `1h` or `500ms` in ms (a bare number is seconds); throws a message saying how to fix it. */
export function parseDuration(raw: string, name: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(raw.trim());
  const ms = match ? Number(match[1]) * (DURATION_UNITS_MS[(match[2] ?? 's').toLowerCase()] ?? 1000) : Number.NaN;
  if (!Number.isFinite(ms) || ms < 100) {
    throw new Error(
      `${name}=${JSON.stringify(raw)} is not a duration of at least 100 ms: give a number with ms, s, m or h, such as 15m`,
    );
  }
  return Math.round(ms);
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const neo4jUri = env.NEO4J_URI || undefined;
  if (neo4jUri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(neo4jUri)) {
    throw new Error(
      `NEO4J_URI=${neo4jUri} is not a Bolt URI: use bolt://host:7687 or neo4j://host:7687 (or neo4j+s:// for Aura)`,
    );
  }
  return Object.freeze({
    neo4jUri,
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || 'newsgraph',
    neo4jDatabase: env.NEO4J_DATABASE || undefined,
    dataDir: resolve(env.NEWSGRAPH_DATA_DIR || join(PROJECT_ROOT, '.data')),
    embeddedBoltPort: intFromEnv(env, 'NEWSGRAPH_BOLT_PORT', 7687),
    embeddedHeap: sizeFromEnv(env, 'NEWSGRAPH_NEO4J_HEAP', '1g'),
    embeddedPageCache: sizeFromEnv(env, 'NEWSGRAPH_NEO4J_PAGECACHE', '512m'),
    javaHome: env.JAVA_HOME || undefined,
    host: env.HOST || '127.0.0.1',
    port: intFromEnv(env, 'PORT', 4000),
    apiToken: env.NEWSGRAPH_API_TOKEN || undefined,
    allowedOrigins: Object.freeze(
      (env.NEWSGRAPH_ALLOWED_ORIGINS ?? '')
        .split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean),
    ),
    allowedHosts: Object.freeze(
      (env.NEWSGRAPH_ALLOWED_HOSTS ?? '')
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean)
        .map((h) => {
          if (/[/:@]/.test(h.replace(/^\[[0-9a-f:.]+\]$/, ''))) {
            throw new Error(
              `NEWSGRAPH_ALLOWED_HOSTS entry ${JSON.stringify(h)} is not a host name: give names only, without scheme or port, e.g. newsgraph.example.org`,
            );
          }
          return h;
        }),
    ),
    maxArticleBytes: intFromEnv(env, 'NEWSGRAPH_MAX_ARTICLE_BYTES', 2 * 1024 * 1024),
    loadDemoData: env.NEWSGRAPH_DEMO_DATA !== '0',
    readTimeoutMs: positiveIntFromEnv(env, 'NEWSGRAPH_READ_TIMEOUT_MS', 15_000),
    maxQueryCost: positiveIntFromEnv(env, 'NEWSGRAPH_MAX_QUERY_COST', 100_000),
    maxResponseBytes: positiveIntFromEnv(env, 'NEWSGRAPH_MAX_RESPONSE_BYTES', 16 * 1024 * 1024),
    fetchTimeoutMs: positiveIntFromEnv(env, 'NEWSGRAPH_FETCH_TIMEOUT_MS', 15_000),
    fetchHostIntervalMs: intFromEnv(env, 'NEWSGRAPH_FETCH_HOST_INTERVAL_MS', 1000),
    allowPrivateUrls: booleanFromEnv(env, 'NEWSGRAPH_ALLOW_PRIVATE_URLS'),
    feedIntervalMs: env.NEWSGRAPH_FEED_INTERVAL
      ? parseDuration(env.NEWSGRAPH_FEED_INTERVAL, 'NEWSGRAPH_FEED_INTERVAL')
      : 15 * 60_000,
  });
}
