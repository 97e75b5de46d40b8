// The Cypher runner: read/write transaction functions over named queries, with driver errors translated.
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { QueryName, QueryRegistry } from './queries.ts';
import { translateDatabaseError } from './errors.ts';
import { toPlain } from './values.ts';

export type Row = Record<string, unknown>;

/** What a transaction function gets: named queries only, results as plain values. */
export interface QueryRunner {
  run(name: QueryName, params?: Record<string, unknown>): Promise<Row[]>;
}

export interface TransactionOptions {
  /** Server-side timeout; the transaction is stopped when it runs longer. */
  readonly timeoutMs?: number;
}

/** Read queries that run longer than this are stopped, so one bad request cannot hog the database. */
export const DEFAULT_READ_TIMEOUT_MS = 30_000;
/** Loading one large article, or merging hub entities, can take longer than a read. */
export const DEFAULT_WRITE_TIMEOUT_MS = 120_000;

export class Database {
  readonly #driver: Driver;
  readonly #queries: QueryRegistry;
  readonly #databaseName: string | undefined;

  constructor(driver: Driver, queries: QueryRegistry, databaseName?: string) {
    this.#driver = driver;
    this.#queries = queries;
    this.#databaseName = databaseName;
  }

  /** The underlying driver, handed to @neo4j/graphql by the composition root (and nothing else). */
  get driver(): Driver {
    return this.#driver;
  }

  get databaseName(): string | undefined {
    return this.#databaseName;
  }

  /** Runs `work` in a read transaction; the driver retries it on transient errors. */
  read<T>(work: (q: QueryRunner) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.#transact('READ', work, options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS);
  }

  /** Runs `work` in one write transaction: everything it runs commits together or not at all. */
  write<T>(work: (q: QueryRunner) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.#transact('WRITE', work, options.timeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS);
  }

  /** Creates the constraints and indexes of cypher/schema.cypher (idempotent), then waits for the indexes. */
  async applySchema(): Promise<void> {
    const session = this.#session('WRITE');
    try {
      // Schema commands cannot share a transaction with each other or with data writes: one auto-commit each.
      for (const statement of this.#queries.schemaStatements) await session.run(statement);
      await session.run('CALL db.awaitIndexes(300)');
    } catch (error) {
      throw translateDatabaseError(error);
    } finally {
      await session.close();
    }
  }

  /** True when Neo4j answers; never throws (used by /health). */
  async ping(): Promise<boolean> {
    try {
      await this.#driver.getServerInfo({ database: this.#databaseName });
      return true;
    } catch {
      return false;
    }
  }

  /** Throws DATABASE_UNAVAILABLE with a helpful message when Neo4j cannot be reached. */
  async verify(): Promise<void> {
    try {
      await this.#driver.verifyConnectivity({ database: this.#databaseName });
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }

  async close(): Promise<void> {
    await this.#driver.close();
  }

  #session(mode: 'READ' | 'WRITE') {
    return this.#driver.session({ database: this.#databaseName, defaultAccessMode: mode });
  }

  async #transact<T>(mode: 'READ' | 'WRITE', work: (q: QueryRunner) => Promise<T>, timeoutMs: number): Promise<T> {
    const session = this.#session(mode);
    const config = { timeout: timeoutMs, metadata: { app: 'newsgraph' } };
    const body = (tx: ManagedTransaction) => work(this.#runner(tx));
    try {
      return mode === 'READ' ? await session.executeRead(body, config) : await session.executeWrite(body, config);
    } catch (error) {
      throw translateDatabaseError(error);
    } finally {
      await session.close();
    }
  }

  #runner(tx: ManagedTransaction): QueryRunner {
    const queries = this.#queries;
    return {
      async run(name, params = {}) {
        const result = await tx.run(queries.get(name).text, params);
        return result.records.map((record) => toPlain(record.toObject()) as Row);
      },
    };
  }
}
