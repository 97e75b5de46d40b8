// Test helpers for the Neo4j that test/setup/neo4j.ts provides: where it is, a driver to it, and a way to empty it.
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { createDriver } from '../../server/db/driver.ts';

/** Where the tests' Neo4j is; the same shape as server/db/driver.ts's Neo4jConnection. */
export interface TestNeo4j {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Database name; undefined = the server's default database. */
  readonly database?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by test/setup/neo4j.ts for the `integration` and `browser` projects. */
    neo4j: TestNeo4j;
  }
}

/** The shared test Neo4j. Only the `integration` and `browser` projects have one (see vitest.config.ts). */
export function testNeo4j(): TestNeo4j {
  const provided = inject('neo4j');
  if (provided) return provided;
  throw new Error(
    'No test Neo4j here: put database tests under test/integration/ or test/browser/, ' +
      'whose vitest projects start one (vitest.config.ts, test/setup/neo4j.ts)',
  );
}

/** A driver to the shared test Neo4j, configured as the app configures its own. Close it in afterAll. */
export function testDriver(): Driver {
  return createDriver(testNeo4j());
}

export interface ClearOptions {
  /** Also drop every constraint and index (default false: the app's schema is idempotent and cheap to keep). */
  readonly schema?: boolean;
}

/**
 * Deletes every node and relationship, in batches so a large graph does not need one huge transaction.
 * Test files share one database and run one at a time: call this in beforeAll/beforeEach, not afterwards.
 */
export async function clearDatabase(driver: Driver, options: ClearOptions = {}): Promise<void> {
  const { database } = testNeo4j();
  const session = driver.session({ database });
  try {
    // CALL … IN TRANSACTIONS only runs in an auto-commit transaction, hence session.run.
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    if (!options.schema) return;
    // Constraints first: dropping one also drops the index that backs it.
    for (const kind of ['CONSTRAINT', 'INDEX'] as const) {
      const listed = await session.run(
        kind === 'CONSTRAINT'
          ? 'SHOW CONSTRAINTS YIELD name RETURN name'
          : // The two token-lookup indexes are built in; dropping them only slows every later query.
            "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name",
      );
      for (const record of listed.records) {
        // Names come from the database itself; backticks are escaped so any name round-trips.
        const name = String(record.get('name')).replaceAll('`', '``');
        await session.run(`DROP ${kind} \`${name}\` IF EXISTS`);
      }
    }
  } finally {
    await session.close();
  }
}
