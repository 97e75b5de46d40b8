// The database layer's public surface: connect once, get repositories. Nothing outside server/db imports
// neo4j-driver or reads cypher/*.cypher.

import { Database, type DatabaseOptions } from './database.ts';
import { createDriver, type Neo4jConnection } from './driver.ts';
import { loadQueryRegistry } from './queries.ts';
import { ArticleRepository } from './repositories/articles.ts';
import { BulkLoadRepository } from './repositories/bulk.ts';
import { EntityRepository } from './repositories/entities.ts';
import { ExplorerRepository } from './repositories/explorer.ts';
import { FeedRepository } from './repositories/feeds.ts';

export type { Database, DatabaseOptions } from './database.ts';
export { requestCancelled, runCancellable } from './database.ts';
export type { Neo4jConnection } from './driver.ts';
export { translateDatabaseError } from './errors.ts';
export { searchQuery, searchTerms } from './lucene.ts';
export type * from './repositories/articles.ts';
export type * from './repositories/bulk.ts';
export type * from './repositories/entities.ts';
export type * from './repositories/explorer.ts';
export { FACT_PATH_TYPES, PATH_RELATION_TYPES } from './repositories/explorer.ts';
export type * from './repositories/feeds.ts';
export type { DatabaseStatus } from './supervisor.ts';
export { ArticleRepository, BulkLoadRepository, EntityRepository, ExplorerRepository, FeedRepository };

export interface Repositories {
  readonly articles: ArticleRepository;
  readonly entities: EntityRepository;
  readonly explorer: ExplorerRepository;
  readonly feeds: FeedRepository;
}

/**
 * Creates the driver and loads every named query (throwing at once if one is missing). Does not contact
 * Neo4j; call `database.verify()` for that.
 */
export function connectDatabase(
  connection: Neo4jConnection,
  options: { cypherDir?: string } & DatabaseOptions = {},
): Database {
  const queries = loadQueryRegistry(options.cypherDir);
  return new Database(createDriver(connection), queries, connection.database, options);
}

export function createRepositories(database: Database): Repositories {
  return {
    articles: new ArticleRepository(database),
    entities: new EntityRepository(database),
    explorer: new ExplorerRepository(database),
    feeds: new FeedRepository(database),
  };
}
