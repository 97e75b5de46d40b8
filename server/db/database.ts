// The Cypher runner: read/write transaction functions over named queries, with driver errors translated.
import { AsyncLocalStorage } from 'node:async_hooks';
import { type Driver, isRetryableError, type ManagedTransaction, Neo4jError, type Session } from 'neo4j-driver';
import { ErrorCode, NewsgraphError } from '../errors.ts';
import { MAX_TRANSACTION_RETRY_TIME_MS } from './driver.ts';
import { isMemoryLimitError, translateDatabaseError } from './errors.ts';
import type { QueryName, QueryRegistry } from './queries.ts';
import { toPlain } from './values.ts';

export type Row = Record<string, unknown>;

/** What a transaction function gets: named queries only, results as plain values. */
export interface QueryRunner {
  run(name: QueryName, params?: Record<string, unknown>): Promise<Row[]>;
  /**
   * Runs a query that merges relationships of a per-row type (`$(row.type)`) with that type made static:
   * every row must have this type (see DYNAMIC_RELATIONSHIP_TYPE in queries.ts for why).
   */
  runWithRelationType(name: QueryName, type: string, params?: Record<string, unknown>): Promise<Row[]>;
}

/**
 * Runs `name` once per relationship type among `rows` (each `{type}`), with that type made static
 * (QueryRunner.runWithRelationType) and the parameters `params` gives for that type's rows. All are sent
 * without waiting for each other (a transaction runs them in order); resolves to each type's rows and result.
 */
export function runPerRelationType<R extends { readonly type: string }>(
  q: QueryRunner,
  name: QueryName,
  rows: readonly R[],
  params: (rowsOfType: readonly R[]) => Record<string, unknown>,
): Promise<{ readonly rows: readonly R[]; readonly result: Row[] }[]> {
  const byType = new Map<string, R[]>();
  for (const row of rows) {
    const list = byType.get(row.type);
    if (list) list.push(row);
    else byType.set(row.type, [row]);
  }
  return Promise.all(
    [...byType].map(([type, list]) =>
      q.runWithRelationType(name, type, params(list)).then((result) => ({ rows: list, result })),
    ),
  );
}

export interface TransactionOptions {
  /** Server-side timeout; the transaction is stopped when it runs longer. */
  readonly timeoutMs?: number;
  /**
   * Run every statement with `CYPHER replan=skip`: a statement planned once keeps its plan, however much the
   * graph's statistics change. Neo4j otherwise re-plans a statement whenever the statistics have drifted and
   * 10 s have passed, and while a bulk load grows the graph that is every 10 s for every bulk statement, each new
   * plan starting again in slow, not yet JIT-compiled generated code. Only for statements whose plan does not
   * change with the graph's size: see KEEP_PLANS_MIN_ARTICLES in ingest/bulk/scheduler.ts (bulk batches) and
   * ArticleRepository's write (one article).
   */
  readonly keepPlans?: boolean;
}

/** The query option that makes Neo4j reuse a cached plan without checking it against the statistics. */
const KEEP_PLAN_PREFIX = 'CYPHER replan=skip\n';

/**
 * How long a transaction is retried when Neo4j cannot be reached: enough to replace a pooled connection that
 * died with a restarted Neo4j, short enough that "database unavailable" reaches the user at once instead of
 * after the driver's full retry time.
 */
export const UNAVAILABLE_RETRY_MS = 1_500;
/** First pause before retrying (doubled each time up to RETRY_DELAY_MAX_MS): deadlocks clear in milliseconds. */
const RETRY_DELAY_FIRST_MS = 50;
const RETRY_DELAY_MAX_MS = 1_000;
/** Attempts per transaction, whatever the time budget says. */
const MAX_ATTEMPTS = 60;
/** Lock conflicts (deadlocks) always clear once one side commits; many concurrent writers on few cores can need longer than other transient errors. */
export const LOCK_CONFLICT_RETRY_MS = 30_000;

function isLockConflict(error: unknown): boolean {
  return error instanceof Neo4jError && /DeadlockDetected|Transaction\.Lock/.test(error.code ?? '');
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

/** Read queries that run longer than this are stopped, so one bad request cannot hog the database. */
export const DEFAULT_READ_TIMEOUT_MS = 15_000;

/** The abort signal of the HTTP request being served, if any (see runCancellable). */
const requestSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * Runs `work` so that every Neo4j transaction it opens, through Database or the driver handed to @neo4j/graphql
 * (Database.cancellableDriver), is stopped when `signal` aborts: the session is closed, which sends Bolt's RESET,
 * and Neo4j terminates the running query. The HTTP layer aborts it when the client goes away.
 */
export function runCancellable<T>(signal: AbortSignal, work: () => T): T {
  return requestSignal.run(signal, work);
}

/** True when the HTTP request being served was cancelled: what fails after that is the cancellation, not a fault. */
export function requestCancelled(): boolean {
  return requestSignal.getStore()?.aborted ?? false;
}

function cancelledError(): NewsgraphError {
  return new NewsgraphError(
    ErrorCode.QUERY_CANCELLED,
    'the request was cancelled (the client went away) and its database work was stopped',
  );
}

/** Closes `session` (stopping its transaction in Neo4j) if the current request is cancelled; returns the unhook. */
function closeOnCancel(session: Session): () => void {
  const signal = requestSignal.getStore();
  if (!signal) return () => {};
  const cancel = (): void => {
    session.close().catch(() => {});
  };
  if (signal.aborted) {
    cancel();
    return () => {};
  }
  signal.addEventListener('abort', cancel, { once: true });
  return () => signal.removeEventListener('abort', cancel);
}

export interface DatabaseOptions {
  /** Timeout of every read transaction unless a caller gives its own (default DEFAULT_READ_TIMEOUT_MS). */
  readonly readTimeoutMs?: number;
}
/** Loading one large article, or merging hub entities, can take longer than a read. */
export const DEFAULT_WRITE_TIMEOUT_MS = 120_000;

export class Database {
  readonly #driver: Driver;
  readonly #queries: QueryRegistry;
  readonly #databaseName: string | undefined;
  readonly #readTimeoutMs: number;
  #writeGeneration = 0;

  constructor(driver: Driver, queries: QueryRegistry, databaseName?: string, options: DatabaseOptions = {}) {
    this.#driver = driver;
    this.#queries = queries;
    this.#databaseName = databaseName;
    this.#readTimeoutMs = options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  }

  /** Timeout of read transactions, in ms: the composition root gives the same to @neo4j/graphql's reads. */
  get readTimeoutMs(): number {
    return this.#readTimeoutMs;
  }

  /**
   * The driver as @neo4j/graphql should use it (its `executionContext`): every session it opens is closed, and its
   * transaction stopped in Neo4j, when the request it serves is cancelled (runCancellable).
   */
  get cancellableDriver(): Pick<Driver, 'session' | 'executeQueryBookmarkManager'> {
    const driver = this.#driver;
    return {
      session(config) {
        const session = driver.session(config);
        const unhook = closeOnCancel(session);
        const close = session.close.bind(session);
        session.close = () => {
          unhook();
          return close();
        };
        return session;
      },
      get executeQueryBookmarkManager() {
        return driver.executeQueryBookmarkManager;
      },
    };
  }

  /** Write transactions committed through this Database so far: caches of reads compare it to see own writes. */
  get writeGeneration(): number {
    return this.#writeGeneration;
  }

  /** The underlying driver, handed to @neo4j/graphql by the composition root (and nothing else). */
  get driver(): Driver {
    return this.#driver;
  }

  get databaseName(): string | undefined {
    return this.#databaseName;
  }

  /** Runs `work` in a read transaction, retried on transient errors (see #transact). */
  read<T>(work: (q: QueryRunner) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.#transact('READ', work, options.timeoutMs ?? this.#readTimeoutMs, options.keepPlans ?? false);
  }

  /** Runs `work` in one write transaction: everything it runs commits together or not at all. */
  write<T>(work: (q: QueryRunner) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.#transact('WRITE', work, options.timeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS, options.keepPlans ?? false);
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

  /**
   * Runs `work` in a transaction, retrying it like the driver would (transient errors such as deadlocks, for up
   * to MAX_TRANSACTION_RETRY_TIME_MS) but with a short first pause, and giving up on an unreachable database
   * after UNAVAILABLE_RETRY_MS so requests fail fast while Neo4j is down.
   */
  async #transact<T>(
    mode: 'READ' | 'WRITE',
    work: (q: QueryRunner) => Promise<T>,
    timeoutMs: number,
    keepPlans: boolean,
  ): Promise<T> {
    const config = { timeout: timeoutMs, metadata: { app: 'newsgraph' } };
    const body = (tx: ManagedTransaction) => work(this.#runner(tx, keepPlans));
    const started = performance.now();
    let delay = RETRY_DELAY_FIRST_MS;
    const signal = requestSignal.getStore();
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw cancelledError();
      const session = this.#session(mode);
      const unhook = closeOnCancel(session);
      try {
        if (mode === 'READ') return await session.executeRead(body, config);
        const result = await session.executeWrite(body, config);
        this.#writeGeneration++;
        return result;
      } catch (error) {
        if (signal?.aborted) throw cancelledError();
        const unavailable = error instanceof Neo4jError && UNAVAILABLE_CODES.has(error.code);
        const budget = isMemoryLimitError(error)
          ? -1
          : unavailable
            ? UNAVAILABLE_RETRY_MS
            : isLockConflict(error)
              ? LOCK_CONFLICT_RETRY_MS
              : isRetryableError(error)
                ? MAX_TRANSACTION_RETRY_TIME_MS
                : -1;
        if (attempt >= MAX_ATTEMPTS || performance.now() - started + delay > budget)
          throw translateDatabaseError(error);
      } finally {
        unhook();
        await session.close();
      }
      // Jitter, so transactions that deadlocked on each other do not retry in lockstep.
      await new Promise((resolveDelay) => setTimeout(resolveDelay, delay * (0.8 + 0.4 * Math.random())));
      delay = Math.min(delay * 2, RETRY_DELAY_MAX_MS);
    }
  }

  #runner(tx: ManagedTransaction, keepPlans: boolean): QueryRunner {
    const queries = this.#queries;
    const rows = async (text: string, params: Record<string, unknown>) => {
      const result = await tx.run(keepPlans ? KEEP_PLAN_PREFIX + text : text, params);
      return result.records.map((record) => toPlain(record.toObject()) as Row);
    };
    return {
      run: (name, params = {}) => rows(queries.get(name).text, params),
      runWithRelationType: (name, type, params = {}) => rows(queries.withRelationType(name, type), params),
    };
  }
}
