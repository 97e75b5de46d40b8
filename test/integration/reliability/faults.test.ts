// Faults: Neo4j stopping under a running server (fail fast, /health down, resume by itself), the loader killed mid-run, the whole app restarted.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../../bench/corpus.ts';
import { PROJECT_ROOT, readConfig } from '../../../server/config.ts';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../../server/db/embedded.ts';
import { collectArticleFiles, ingestFiles } from '../../../server/ingest/files.ts';
import { type RunningServer, startServer } from '../../../server/main.ts';
import { useTestApp } from '../../support/app.ts';
import { clearDatabase, testNeo4j } from '../../support/db.ts';
import { CLEAN, graphFingerprint, integrity } from './graph.ts';

const DANISH =
  'Huawei får ny chef i Danmark\n\nHuawei har ansat Mette Holm som ny direktør for den danske afdeling, oplyser selskabet til Computerworld.';
/** "Fail fast": a request while Neo4j is down must be answered within this. */
const FAIL_FAST_MS = 4_000;
/** How long the server may take to notice that Neo4j is back. */
const RESUME_WITHIN_MS = 30_000;

async function gql(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    ...((await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, unknown> }[] }),
  };
}

/** A Neo4j of this file's own (not the shared test database, which other files use), on a temp data dir. */
let own: { neo4j: EmbeddedNeo4j; dataDir: string; port: number };

async function startOwnNeo4j(dataDir: string, port = 0): Promise<EmbeddedNeo4j> {
  const config = readConfig();
  return startEmbeddedNeo4j({
    dataDir,
    boltPort: port,
    heap: config.embeddedHeap,
    pageCache: config.embeddedPageCache,
    javaHome: config.javaHome,
  });
}

function ownServer(uri: string): Promise<RunningServer> {
  const config = readConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', NEWSGRAPH_DEMO_DATA: '0' });
  return startServer(config, { uri, user: config.neo4jUser, password: config.neo4jPassword });
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-faults-neo4j-'));
  const neo4j = await startOwnNeo4j(dataDir);
  own = { neo4j, dataDir, port: Number(new URL(neo4j.uri.replace('bolt:', 'http:')).port) };
});
afterAll(async () => {
  await own?.neo4j.stop();
  if (own) rmSync(own.dataDir, { recursive: true, force: true });
});

describe('Neo4j stops while the server runs', () => {
  it('requests fail fast with DATABASE_UNAVAILABLE, /health says down, and service resumes by itself when Neo4j is back', async () => {
    const server = await ownServer(own.neo4j.uri);
    try {
      const loaded = await gql(server.url, 'mutation($t: String!) { ingestArticle(input: {text: $t}) { status } }', {
        t: DANISH,
      });
      expect(loaded.data?.ingestArticle.status).toBe('new');

      await own.neo4j.stop();
      for (const query of [
        '{ stats { articles } }',
        '{ companies(limit: 5) { name } }',
        '{ search(query: "huawei") { id } }',
      ]) {
        const started = performance.now();
        const response = await gql(server.url, query);
        expect(performance.now() - started, query).toBeLessThan(FAIL_FAST_MS);
        expect(response.errors?.[0].extensions.code, query).toBe('DATABASE_UNAVAILABLE');
        expect(response.errors?.[0].message, query).toMatch(/^database unavailable: .*is Neo4j running\?/);
      }
      const down = await fetch(`${server.url}/health`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ ok: false, neo4j: 'down' });

      // Same data directory and port: the server is not restarted and must find it again on its own.
      own.neo4j = await startOwnNeo4j(own.dataDir, own.port);
      const deadline = performance.now() + RESUME_WITHIN_MS;
      let stats: Awaited<ReturnType<typeof gql>> | undefined;
      while (performance.now() < deadline) {
        stats = await gql(server.url, '{ stats { articles } }');
        if (!stats.errors) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(stats?.data).toEqual({ stats: { articles: 1 } });
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  }, 180_000);
});

describe('the whole app restarted', () => {
  it('still has the data: same article, same graph', async () => {
    let server = await ownServer(own.neo4j.uri);
    const query = '{ stats { articles entities events } companies(where: {name: {eq: "Huawei"}}) { id mentionCount } }';
    const before = await gql(server.url, query);
    expect(before.data?.stats.articles).toBe(1);
    await server.close();
    await own.neo4j.stop();
    own.neo4j = await startOwnNeo4j(own.dataDir, own.port);
    server = await ownServer(own.neo4j.uri);
    try {
      expect(await gql(server.url, query)).toEqual(before);
    } finally {
      await server.close();
    }
  }, 180_000);
});

describe('`newsgraph ingest` killed in the middle of a run', () => {
  const app = useTestApp({ emptyBeforeEach: false });
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-kill-'));
  const corpus = [...syntheticCorpus(24, { seed: 99, distinctNames: true, minBytes: 2500, maxBytes: 3500 })];
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    for (const article of corpus) writeFileSync(join(dir, article.fileName), article.text);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function env(): NodeJS.ProcessEnv {
    const { uri, user, password } = testNeo4j();
    return { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password };
  }

  it('leaves no partial article, and running it again completes the same graph an uninterrupted run gives', async () => {
    // The reference: the same files loaded without interruption.
    await clearDatabase(app.database.driver);
    await ingestFiles(app.pipeline, await collectArticleFiles([dir]));
    const reference = await graphFingerprint(app.database);
    await clearDatabase(app.database.driver);

    const child = spawn('npx', ['newsgraph', 'ingest', dir], {
      cwd: PROJECT_ROOT,
      env: env(),
      stdio: 'ignore',
      detached: true,
    });
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    const deadline = performance.now() + 120_000;
    let loaded = 0;
    while (performance.now() < deadline && child.exitCode === null) {
      loaded = await app.repositories.articles.count();
      if (loaded >= 4) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // SIGKILL to the whole process group we started (npx, the CLI under tsx): no chance to clean up.
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    const partial = await app.repositories.articles.count();
    expect(partial).toBeGreaterThanOrEqual(4);
    expect(partial).toBeLessThan(corpus.length);
    expect(await integrity(app.database)).toEqual(CLEAN);

    const again = spawnSync('npx', ['newsgraph', 'ingest', '--json', dir], {
      cwd: PROJECT_ROOT,
      env: env(),
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(again.status, again.stderr).toBe(0);
    const lines = again.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { status: string });
    expect(lines.filter((l) => l.status === 'unchanged').length).toBe(partial);
    expect(lines.filter((l) => l.status === 'new').length).toBe(corpus.length - partial);
    expect(await integrity(app.database)).toEqual(CLEAN);
    expect(await graphFingerprint(app.database)).toEqual(reference);
  }, 240_000);
});
