// Database errors as users see them: a query stopped for time or memory is the query's fault, never "is Neo4j running?".
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { translateDatabaseError } from '../../../server/db/errors.ts';

const neo4jError = (code: string) => new Neo4jError('stopped', code, 'gql', 'description');

describe('translateDatabaseError', () => {
  it('a transaction timeout is QUERY_TIMEOUT with what to do', () => {
    for (const code of [
      'Neo.ClientError.Transaction.TransactionTimedOut',
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    ]) {
      const error = translateDatabaseError(neo4jError(code));
      expect(error.code).toBe('QUERY_TIMEOUT');
      expect(error.message).toMatch(/took too long and was stopped: narrow it/);
    }
  });

  it('a memory limit is QUERY_TIMEOUT with reason MEMORY_LIMIT, not DATABASE_UNAVAILABLE', () => {
    for (const code of [
      'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
      'Neo.TransientError.General.TransactionMemoryLimit',
      'Neo.TransientError.General.OutOfMemoryError',
    ]) {
      const error = translateDatabaseError(neo4jError(code));
      expect(error.code, code).toBe('QUERY_TIMEOUT');
      expect(error.details?.reason).toBe('MEMORY_LIMIT');
      expect(error.message).not.toMatch(/is Neo4j running/);
    }
  });

  it('a terminated transaction is QUERY_CANCELLED; an unreachable database is still DATABASE_UNAVAILABLE', () => {
    expect(translateDatabaseError(neo4jError('Neo.ClientError.Transaction.Terminated')).code).toBe('QUERY_CANCELLED');
    const down = translateDatabaseError(neo4jError('ServiceUnavailable'));
    expect(down.code).toBe('DATABASE_UNAVAILABLE');
    expect(down.message).toMatch(/is Neo4j running\?/);
  });
});
