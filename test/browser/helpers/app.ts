// Starts the real server (server/main.ts) on the tests' real Neo4j, with the built explorer and the seed articles loaded.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { readConfig } from '../../../server/config.ts';
import { startServer } from '../../../server/main.ts';
import { clearDatabase, testDriver, testNeo4j } from '../../support/db.ts';
import { ensureClientBuilt, REPO_ROOT } from './build.ts';

/** The shared seed articles; when this checkout has no ../shared, the project's own fixtures stand in. */
export const SHARED_SEEDS_DIR = join(REPO_ROOT, '..', 'shared', 'seeds');
export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'browser');

export function seedArticleFiles(): string[] {
  if (existsSync(SHARED_SEEDS_DIR)) {
    return readdirSync(SHARED_SEEDS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(SHARED_SEEDS_DIR, f));
  }
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.startsWith('seed-') && f.endsWith('.txt'))
    .sort()
    .map((f) => join(FIXTURES_DIR, f));
}

export interface RunningExplorer {
  url: string;
  driver: Driver;
  /** A GraphQL request from the test itself (to set up data or cross-check what the UI shows). */
  gql: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<T>;
  close: () => Promise<void>;
}

/** `env`: extra settings for the server (e.g. NEWSGRAPH_ALLOW_PRIVATE_URLS to load from a local test site). */
export async function startExplorer(env: Record<string, string> = {}): Promise<RunningExplorer> {
  await ensureClientBuilt();
  const driver = testDriver();
  await clearDatabase(driver);
  // Port 0: a free port; no demo data, so the graph holds exactly the seeds the tests load.
  const config = readConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', NEWSGRAPH_DEMO_DATA: '0', ...env });
  const server = await startServer(config, testNeo4j());
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data as T;
  };
  for (const file of seedArticleFiles()) {
    await gql(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { articleId } }`, {
      input: { text: readFileSync(file, 'utf8') },
    });
  }
  return {
    url: server.url,
    driver,
    gql,
    close: async () => {
      await server.close();
      await driver.close();
    },
  };
}
