// Creates the one neo4j-driver Driver the process uses, with the pool and timeouts the app relies on.
import neo4j, { type Driver } from 'neo4j-driver';

/** Where the database is and who we are to it. */
export interface Neo4jConnection {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Database name; undefined = the server's default database. */
  readonly database?: string;
}

/** How long the driver keeps retrying a transaction that failed with a transient error (driver default 30 s); a
 * cluster fails over within seconds, and a request held longer than this reads as a hung explorer. */
export const MAX_TRANSACTION_RETRY_TIME_MS = 8_000;
/** How long to wait for a pooled connection before giving up; a busy pool should fail visibly, not hang. */
export const CONNECTION_ACQUISITION_TIMEOUT_MS = 20_000;
/** How long opening a TCP connection to Neo4j may take; short, so "database down" is reported quickly. */
export const CONNECTION_TIMEOUT_MS = 5_000;
/** Two cores and one app server: a small pool is plenty and keeps Neo4j's worker threads free. */
export const MAX_CONNECTION_POOL_SIZE = 20;

export function createDriver(connection: Neo4jConnection): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    maxConnectionPoolSize: MAX_CONNECTION_POOL_SIZE,
    connectionAcquisitionTimeout: CONNECTION_ACQUISITION_TIMEOUT_MS,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    maxTransactionRetryTime: MAX_TRANSACTION_RETRY_TIME_MS,
    userAgent: 'newsgraph',
    // Notifications (deprecations, cartesian products) are for query authors, not for the request log.
    notificationFilter: { minimumSeverityLevel: 'OFF' },
  });
}
