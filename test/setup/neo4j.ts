// Vitest globalSetup of the integration and browser projects: one real Neo4j for the whole run, provided to every test.
//
// With NEO4J_URI set, that Neo4j is used instead and nothing is started — note that the tests then
// delete everything in it (test/support/db.ts clearDatabase). Otherwise the project's own Neo4j is
// started on a free port with a throwaway data directory, and stopped when the run ends.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { readConfig } from '../../server/config.ts';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../server/db/embedded.ts';
import type { TestNeo4j } from '../support/db.ts';

interface SharedNeo4j {
  /** How many projects are using it; the last one to tear down stops it. */
  users: number;
  readonly ready: Promise<{ connection: TestNeo4j; embedded?: EmbeddedNeo4j; dataDir?: string }>;
}

// Vitest runs a project's globalSetup once per project, each in its own module instance but in this same
// process; a global is the one place both projects can find the Neo4j the first one started.
const SHARED = Symbol.for('newsgraph.test.neo4j');
type WithShared = typeof globalThis & { [SHARED]?: SharedNeo4j };

async function startForTests(): Promise<{ connection: TestNeo4j; embedded?: EmbeddedNeo4j; dataDir?: string }> {
  const config = readConfig();
  if (config.neo4jUri) {
    console.log(
      `[test] Using NEO4J_URI=${config.neo4jUri} for integration and browser tests: they delete all data in it.`,
    );
    return {
      connection: {
        uri: config.neo4jUri,
        user: config.neo4jUser,
        password: config.neo4jPassword,
        database: config.neo4jDatabase,
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-test-neo4j-'));
  const embedded = await startEmbeddedNeo4j({
    dataDir,
    boltPort: 0,
    heap: config.embeddedHeap,
    pageCache: config.embeddedPageCache,
    javaHome: config.javaHome,
  });
  console.log(
    `[test] Neo4j for tests at ${embedded.uri} (started in ${(embedded.startupMs / 1000).toFixed(1)} s, data in ${dataDir}).`,
  );
  // Test workers are forked after this, so they inherit these: code under test that calls readConfig()
  // (a CLI command, the server) reaches the test database rather than starting one of its own.
  process.env.NEO4J_URI = embedded.uri;
  process.env.NEO4J_USER = config.neo4jUser;
  process.env.NEO4J_PASSWORD = config.neo4jPassword;
  return {
    connection: { uri: embedded.uri, user: config.neo4jUser, password: config.neo4jPassword },
    embedded,
    dataDir,
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const global = globalThis as WithShared;
  const shared = (global[SHARED] ??= { users: 0, ready: startForTests() });
  shared.users += 1;
  const { connection } = await shared.ready;
  project.provide('neo4j', connection);

  return async function teardown() {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete global[SHARED];
    const { embedded, dataDir } = await shared.ready;
    if (embedded) await embedded.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
