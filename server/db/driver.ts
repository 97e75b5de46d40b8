// Creates the one neo4j-driver Driver the process uses, with the pool and timeouts the app relies on.
import net from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';

/** Where the database is and who we are to it. */
export interface Neo4jConnection {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  /** Database name; undefined = the server's default database. */
  readonly database?: string;
}

/** How long a transaction that failed with a transient error (deadlock, lock timeout, leader switch) is retried
 * (driver default 30 s); a cluster fails over within seconds, and a request held longer reads as a hung explorer.
 * The retrying is done by database.ts, not the driver: see UNAVAILABLE_RETRY_MS there. */
export const MAX_TRANSACTION_RETRY_TIME_MS = 8_000;
/** How long to wait for a pooled connection before giving up; a busy pool should fail visibly, not hang. */
export const CONNECTION_ACQUISITION_TIMEOUT_MS = 20_000;
/** How long opening a TCP connection to Neo4j may take; short, so "database down" is reported quickly. */
export const CONNECTION_TIMEOUT_MS = 5_000;
/** Two cores and one app server: a small pool is plenty and keeps Neo4j's worker threads free. */
export const MAX_CONNECTION_POOL_SIZE = 20;

let noDelayInstalled = false;

/**
 * Turns Nagle's algorithm off for the process's outgoing TCP sockets. neo4j-driver 5.x leaves it on, and a
 * Bolt request whose RUN message spans several segments (any query with an article text or a few dozen rows
 * as parameters) then waits for the server's delayed ACK, which dwarfs the statement itself on loopback
 * (measured: docs/performance-notes.md, "GraphQL"). The driver gives no hook for its socket, so `net.connect` is
 * wrapped; Node's own HTTP clients already set TCP_NODELAY, so no other traffic changes. The official Python
 * driver made the same change (neo4j-python-driver PR 1122).
 */
export function disableNagleForDriverSockets(): void {
  if (noDelayInstalled) return;
  noDelayInstalled = true;
  const connect = net.connect;
  const patched = function (this: unknown, ...args: unknown[]) {
    const socket = (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    socket.setNoDelay(true);
    return socket;
  };
  (net as { connect: typeof net.connect }).connect = patched as typeof net.connect;
  (net as { createConnection: typeof net.createConnection }).createConnection = patched as typeof net.createConnection;
}

export function createDriver(connection: Neo4jConnection): Driver {
  disableNagleForDriverSockets();
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    maxConnectionPoolSize: MAX_CONNECTION_POOL_SIZE,
    connectionAcquisitionTimeout: CONNECTION_ACQUISITION_TIMEOUT_MS,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    // database.ts retries itself: transient errors for MAX_TRANSACTION_RETRY_TIME_MS with short backoff, an
    // unreachable database only briefly. The driver's own loop would hold every request ~8 s when Neo4j is down.
    maxTransactionRetryTime: 0,
    userAgent: 'newsgraph',
    // Notifications (deprecations, cartesian products) are for query authors, not for the request log.
    notificationFilter: { minimumSeverityLevel: 'OFF' },
  });
}
