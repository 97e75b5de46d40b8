// Translates neo4j-driver errors into NewsgraphErrors in one place, so no caller ever sees a driver error.
import { isRetryableError, Neo4jError } from 'neo4j-driver';
import { ErrorCode, isNewsgraphError, NewsgraphError } from '../errors.ts';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

function describe(error: Error): string {
  // The driver's messages end with a long explanation of routing tables; the first line is the useful part.
  return error.message.split('\n')[0].trim();
}

/**
 * Maps a database error to a NewsgraphError with a message that says what to do. Errors that are already
 * NewsgraphErrors pass through; anything unrecognised becomes INTERNAL with the database's own message
 * (logged by the caller, never shown verbatim to GraphQL clients — see graphql/errors.ts).
 */
/** Neo4j stopped a transaction for using more memory than it may: the query's fault, not a database outage. */
export function isMemoryLimitError(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    /MemoryPoolOutOfMemoryError|TransactionMemoryLimit|OutOfMemoryError|MemoryLimit/.test(error.code ?? '')
  );
}

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

export function translateDatabaseError(error: unknown): NewsgraphError {
  if (isNewsgraphError(error)) return error;
  if (error instanceof Neo4jError) {
    const code = error.code ?? '';
    // Before the transient-error rule below: these are transient to Neo4j, but retrying the same query fails
    // the same way, and "is Neo4j running?" would send the user looking in the wrong place.
    if (TIMEOUT_CODES.has(code)) {
      return new NewsgraphError(
        ErrorCode.QUERY_TIMEOUT,
        'the query took too long and was stopped: narrow it (a filter, fewer ids, a smaller depth or limit), or page through the results',
        { neo4jCode: code },
      );
    }
    if (code === 'Neo.ClientError.Transaction.Terminated' || code === 'Neo.TransientError.Transaction.Terminated') {
      return new NewsgraphError(
        ErrorCode.QUERY_CANCELLED,
        'the query was stopped before it finished (its client went away, or an administrator ended it): run it again if you still need it',
        { neo4jCode: code },
      );
    }
    if (isMemoryLimitError(error)) {
      return new NewsgraphError(
        ErrorCode.QUERY_TIMEOUT,
        'the query needed more memory than the database allows one query, and was stopped: narrow it (a filter, smaller limits, fewer nested lists)',
        { neo4jCode: code, reason: 'MEMORY_LIMIT' },
      );
    }
    if (/DeadlockDetected|Transaction\.Lock/.test(code)) {
      return new NewsgraphError(
        ErrorCode.DATABASE_UNAVAILABLE,
        `database busy: concurrent writes kept conflicting on the same nodes (${code}); try again`,
        { neo4jCode: code },
      );
    }
    if (UNAVAILABLE_CODES.has(code) || (isRetryableError(error) && code.startsWith('Neo.TransientError'))) {
      return new NewsgraphError(
        ErrorCode.DATABASE_UNAVAILABLE,
        `database unavailable: ${describe(error)} — is Neo4j running? Start it with \`npm start\` or set NEO4J_URI`,
        { neo4jCode: code },
      );
    }
    if (
      code === 'Neo.ClientError.Security.Unauthorized' ||
      code === 'Neo.ClientError.Security.AuthenticationRateLimit'
    ) {
      return new NewsgraphError(
        ErrorCode.DATABASE_UNAVAILABLE,
        `database unavailable: Neo4j rejected the credentials — set NEO4J_USER and NEO4J_PASSWORD to the database's user`,
        { neo4jCode: code },
      );
    }
    if (code === 'Neo.ClientError.Procedure.ProcedureNotFound' && /apoc\./i.test(error.message)) {
      return new NewsgraphError(
        ErrorCode.DATABASE_UNAVAILABLE,
        `database unavailable: the APOC core plugin is missing — put apoc-<version>-core.jar in Neo4j's plugins directory and restart Neo4j`,
        { neo4jCode: code },
      );
    }
    if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
      return new NewsgraphError(
        ErrorCode.DATABASE_UNAVAILABLE,
        `database unavailable: ${describe(error)} — check NEO4J_DATABASE`,
        { neo4jCode: code },
      );
    }
    return new NewsgraphError(ErrorCode.INTERNAL, `database error ${code}: ${describe(error)}`, { neo4jCode: code });
  }
  if (error instanceof Error && /ECONNREFUSED|connect ETIMEDOUT|Could not perform discovery/.test(error.message)) {
    return new NewsgraphError(ErrorCode.DATABASE_UNAVAILABLE, `database unavailable: ${describe(error)}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new NewsgraphError(ErrorCode.INTERNAL, message);
}
