// The real Neo4j behind the tests and `npm start`: it answers Cypher and APOC, and the launcher keeps data across restarts.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../server/db/driver.ts';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../server/db/embedded.ts';
import { isNewsgraphError } from '../../server/errors.ts';
import { clearDatabase, testDriver, testNeo4j } from '../support/db.ts';

/** Two launcher starts, each a JVM start of several seconds on a two-core machine. */
const RESTART_TEST_TIMEOUT_MS = 180_000;

/** The JVM's command line, as the operating system has it (Linux). */
function commandLine(pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the shared test Neo4j', () => {
  let driver: Driver;

  beforeAll(async () => {
    driver = testDriver();
    await clearDatabase(driver);
  });
  afterAll(async () => {
    await driver?.close();
  });

  it('answers Cypher and keeps what was written', async () => {
    const { database } = testNeo4j();
    await driver.executeQuery(
      'CREATE (:Article {id: $id, title: $title})',
      { id: 'a1', title: 'Huawei på sortlisten' },
      { database },
    );
    const { records } = await driver.executeQuery(
      'MATCH (a:Article {id: $id}) RETURN a.title AS title',
      { id: 'a1' },
      { database },
    );
    expect(records.map((r) => r.get('title'))).toEqual(['Huawei på sortlisten']);
  });

  it('has APOC core, which @neo4j/graphql needs', async () => {
    const { database } = testNeo4j();
    const { records } = await driver.executeQuery('RETURN apoc.version() AS version', {}, { database });
    expect(records[0].get('version')).toMatch(/^5\.\d+/);
    // @neo4j/graphql's generated Cypher checks input with apoc.util.validatePredicate: true passes, a match throws.
    const passed = await driver.executeQuery(
      'RETURN apoc.util.validatePredicate(false, "bad %s", ["input"]) AS ok',
      {},
      { database },
    );
    expect(passed.records[0].get('ok')).toBe(true);
    await expect(
      driver.executeQuery('RETURN apoc.util.validatePredicate(true, "bad %s", ["input"]) AS ok', {}, { database }),
    ).rejects.toThrow(/bad input/);
  });

  it('is emptied by clearDatabase, schema included when asked', async () => {
    const { database } = testNeo4j();
    await driver.executeQuery(
      'CREATE CONSTRAINT test_article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE',
      {},
      { database },
    );
    await driver.executeQuery('CREATE (:Article {id: "a2"})-[:MENTIONS]->(:Entity {id: "e1"})', {}, { database });
    await clearDatabase(driver, { schema: true });
    const nodes = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database });
    expect(nodes.records[0].get('n').toNumber()).toBe(0);
    const constraints = await driver.executeQuery(
      'SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names',
      {},
      { database },
    );
    expect(constraints.records[0].get('names')).toEqual([]);
  });
});

describe('the embedded Neo4j launcher', () => {
  let dataDir: string;
  let running: EmbeddedNeo4j | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-launcher-test-'));
  });
  afterAll(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'keeps data across stop and start with the same data directory (also with the other collector), and refuses a second process on it',
    async () => {
      const connect = (uri: string) =>
        createDriver({ uri, user: 'neo4j', password: 'any password: auth is off on loopback' });

      running = await startEmbeddedNeo4j({ dataDir, boltPort: 0 });
      const first = running;
      // The server's collector is the JVM's own choice (G1); only a Neo4j started to load takes the parallel one.
      expect(commandLine(first.pid)).not.toContain('-XX:+UseParallelGC');
      let driver = connect(first.uri);
      try {
        await driver.executeQuery('CREATE (:Company {id: $id, name: $name})', { id: 'c1', name: 'Xiaomi' });
      } finally {
        await driver.close();
      }

      // While the first one runs, a second launcher on the same data directory must fail clearly, not corrupt it.
      const second = await startEmbeddedNeo4j({ dataDir, boltPort: 0 }).then(
        async (unexpected) => {
          await unexpected.stop();
          return undefined;
        },
        (error: unknown) => error,
      );
      expect(isNewsgraphError(second) && second.details?.reason).toBe('DATA_DIR_LOCKED');
      expect((second as Error).message).toContain(dataDir);

      await first.stop();
      running = undefined;
      expect(isAlive(first.pid)).toBe(false);

      running = await startEmbeddedNeo4j({ dataDir, boltPort: 0, collector: 'throughput' });
      expect(commandLine(running.pid)).toContain('-XX:+UseParallelGC');
      driver = connect(running.uri);
      try {
        const { records } = await driver.executeQuery('MATCH (c:Company {id: $id}) RETURN c.name AS name', {
          id: 'c1',
        });
        expect(records.map((r) => r.get('name'))).toEqual(['Xiaomi']);
      } finally {
        await driver.close();
      }
      await running.stop();
      running = undefined;
    },
    RESTART_TEST_TIMEOUT_MS,
  );
});
