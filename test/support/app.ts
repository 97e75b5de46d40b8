// The app on the test Neo4j, for the integration tests: its database layer and HTTP server, opened for a whole file by hooks.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Config, PROJECT_ROOT, readConfig } from '../../server/config.ts';
import { connectDatabase, createRepositories, type Database, type Repositories } from '../../server/db/index.ts';
import type { PipelineDeps } from '../../server/ingest/pipeline.ts';
import { type RunningServer, startServer } from '../../server/main.ts';
import { clearDatabase, testNeo4j } from './db.ts';

/** The seed articles shared by the project (outside the repository; absent in some checkouts). */
export const SEEDS_DIR = join(PROJECT_ROOT, '..', 'shared', 'seeds');
export const FIXTURES_DIR = join(PROJECT_ROOT, 'test', 'fixtures', 'loader');

export function seedFiles(): string[] {
  if (!existsSync(SEEDS_DIR)) return [];
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(SEEDS_DIR, f));
}

export interface TestApp {
  readonly database: Database;
  readonly repositories: Repositories;
  readonly pipeline: PipelineDeps;
  close(): Promise<void>;
}

/** The database layer on the test Neo4j, schema applied. */
export async function openTestApp(): Promise<TestApp> {
  const database = connectDatabase(testNeo4j());
  await database.applySchema();
  const repositories = createRepositories(database);
  return {
    database,
    repositories,
    pipeline: { articles: repositories.articles, entities: repositories.entities, maxArticleBytes: 2 * 1024 * 1024 },
    close: () => database.close(),
  };
}

/** Node and relationship totals, to prove that something changed nothing. */
export async function graphCounts(database: Database): Promise<{ nodes: number; relationships: number }> {
  const [row] = await database.read((q) => q.run('graph-counts'));
  return { nodes: Number(row.nodes), relationships: Number(row.relationships) };
}

export interface GraphQLResponse<T = Record<string, any>> {
  readonly status: number;
  readonly data?: T | null;
  readonly errors?: { message: string; path?: string[]; extensions: Record<string, any> }[];
}

export interface TestServer extends RunningServer {
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
}

/** startServer() on a free port, without demo data, against the test Neo4j. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config: Config = readConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', NEWSGRAPH_DEMO_DATA: '0', ...env });
  const server = await startServer(config, testNeo4j());
  const base = server.url.replace('0.0.0.0', '127.0.0.1');
  return {
    url: base,
    close: () => server.close(),
    async gql(query, variables = {}, headers = {}) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: any[] };
      return { status: response.status, data: body.data, errors: body.errors };
    },
  };
}

/** Opens something in beforeAll and closes it in afterAll; the function returned gives it to tests and hooks. */
function forEveryTest<T extends { close(): Promise<void> }>(what: string, open: () => Promise<T>): () => T {
  let opened: T | undefined;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.close();
    opened = undefined;
  });
  return () => {
    if (opened) return opened;
    throw new Error(`${what} is opened in beforeAll: use it in tests and hooks, not while the file is collected`);
  };
}

/** The test app as useTestApp hands it out: the hooks open and close it. */
export type FileTestApp = Omit<TestApp, 'close'>;

export interface UseTestAppOptions {
  /** Empty the database before each test (default true); false where tests set up, or build on, the graph themselves. */
  readonly emptyBeforeEach?: boolean;
  /** Run before each test, after emptying: e.g. load fixture graphs every test starts from. */
  readonly beforeEach?: (app: FileTestApp) => Promise<unknown>;
}

/**
 * The database layer for every test of a file (or of the describe it is called in): opened before the first test,
 * closed after the last, the database emptied before each test unless told otherwise. Call it at collection time.
 */
export function useTestApp(options: UseTestAppOptions = {}): FileTestApp {
  const app = forEveryTest('The test app', openTestApp);
  if (options.emptyBeforeEach !== false || options.beforeEach) {
    beforeEach(async () => {
      if (options.emptyBeforeEach !== false) await clearDatabase(app().database.driver);
      await options.beforeEach?.(app());
    });
  }
  return {
    get database() {
      return app().database;
    },
    get repositories() {
      return app().repositories;
    },
    get pipeline() {
      return app().pipeline;
    },
  };
}

/** startTestServer() for every test of a file (or describe): started before the first, closed after the last. Call it at collection time. */
export function useTestServer(env: Record<string, string> = {}): Omit<TestServer, 'close'> {
  const server = forEveryTest('The test server', () => startTestServer(env));
  return {
    get url() {
      return server().url;
    },
    gql: (query, variables, headers) => server().gql(query, variables, headers),
  };
}
