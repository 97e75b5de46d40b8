// Starts the real server (server/main.ts) on the tests' real Neo4j, with the built explorer and the seed articles loaded,
// and opens the explorer in Chromium on it (`openExplorer`, what every browser test file starts from).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { readConfig } from '../../../server/config.ts';
import { startServer } from '../../../server/main.ts';
import { clearDatabase, testDriver, testNeo4j } from '../../support/db.ts';
import { type LaunchedBrowser, launchBrowser } from './browser.ts';
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
  /** Loads one article file's text through the API, as the seeds are loaded. */
  ingest: (text: string) => Promise<void>;
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
  const ingest = async (text: string): Promise<void> => {
    await gql(`mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { articleId } }`, {
      input: { text },
    });
  };
  for (const file of seedArticleFiles()) await ingest(readFileSync(file, 'utf8'));
  return {
    url: server.url,
    driver,
    gql,
    ingest,
    close: async () => {
      await server.close();
      await driver.close();
    },
  };
}

/** A browser test file's beforeAll: server start (schema build), the seed ingests and a Vite build when stale. */
export const SETUP_TIMEOUT_MS = 300_000;
/** One browser test: a few user actions, each waiting on the server and the canvas layout. */
export const STEP_TIMEOUT_MS = 120_000;

/** Where the page stands once `openExplorer` returns. */
export type ExplorerReady =
  /** The explorer at `/`, its empty canvas showing where to start. */
  | 'start'
  /** The explorer at `/` with the Load panel opened. */
  | 'load-panel'
  /** No page opened yet: the test navigates itself. */
  | 'blank'
  /** The explorer at `path`, then this wait (a view restored from the URL, say). */
  | ((page: Page) => Promise<void>);

export interface OpenExplorerOptions {
  /** Extra settings for the server, as for `startExplorer`. Default: none. */
  env?: Record<string, string>;
  /** The browser window and language, as for `launchBrowser`. Default: 1440×900, en-US. */
  width?: number;
  height?: number;
  locale?: string;
  /**
   * Runs once the seeds are loaded and before the browser starts: more articles, or the view to open. Returns the
   * path (with hash) to open instead of `/`. Default: nothing.
   */
  prepare?: (app: RunningExplorer) => Promise<string | undefined>;
  /** Default: 'start'. */
  ready?: ExplorerReady;
}

/** The server (seeds loaded) and a browser on its explorer: what every browser test file starts from. */
export interface OpenedExplorer extends Omit<RunningExplorer, 'close'>, Omit<LaunchedBrowser, 'close'> {
  /** Closes the browser, then the server. */
  close: () => Promise<void>;
}

/** Starts the server, launches Chromium and opens the explorer; whatever started is stopped again if a step fails. */
export async function openExplorer(options: OpenExplorerOptions = {}): Promise<OpenedExplorer> {
  const { env, width = 1440, height = 900, locale, prepare, ready = 'start' } = options;
  const app = await startExplorer(env);
  let browser: LaunchedBrowser | undefined;
  try {
    const path = (await prepare?.(app)) ?? '';
    browser = await launchBrowser({ width, height, locale });
    const { page } = browser;
    if (ready !== 'blank') await page.goto(`${app.url}${path}`);
    if (ready === 'start') await page.waitForSelector('[data-testid=empty-state]');
    else if (ready === 'load-panel') await page.click('[data-testid=side-load]');
    else if (typeof ready === 'function') await ready(page);
  } catch (error) {
    await browser?.close();
    await app.close();
    throw error;
  }
  const opened = browser;
  return {
    ...app,
    ...opened,
    close: async () => {
      await opened.close();
      await app.close();
    },
  };
}
