// What every resolver gets: the repositories, the ingest pipeline, and what this request may do.
import type { ArticleRepository, EntityRepository, ExplorerRepository, FeedRow } from '../db/index.ts';
import type { LoadSummary } from '../model.ts';

export interface IngestInput {
  readonly text: string;
  readonly title?: string | null;
  readonly url?: string | null;
  readonly publishedAt?: string | null;
}

/** Watched feeds: the :Feed nodes and the poller that reads them. */
export interface FeedService {
  list(): Promise<FeedRow[]>;
  /** Checks `url` with the SSRF guard, watches it and has the poller look at it now. */
  add(url: string): Promise<FeedRow>;
  remove(url: string): Promise<boolean>;
}

/** The application's operations, injected by the composition root (server/main.ts) or a test. */
export interface Services {
  readonly explorer: ExplorerRepository;
  readonly articles: ArticleRepository;
  readonly entities: EntityRepository;
  readonly feeds: FeedService;
  /**
   * Runs the whole pipeline (read -> extract -> load) on pasted text. `clientId`: the explorer tab that asked, named
   * in the articles-loaded event so that tab does not offer its own load back.
   */
  ingest(input: IngestInput, clientId?: string | null): Promise<LoadSummary>;
  /** Fetches a web page and runs the pipeline on its article (the SSRF guard and politeness rules apply). */
  ingestUrl(url: string, clientId?: string | null): Promise<LoadSummary>;
  /** Largest article text accepted, in bytes (config.maxArticleBytes). */
  readonly maxArticleBytes: number;
}

export interface GraphQLContext {
  readonly services: Services;
  /** Whether this request may run mutations (see main.ts: token required off loopback). */
  readonly mayMutate: boolean;
  /** The explorer tab that sent the request (x-newsgraph-client), or null. */
  readonly clientId?: string | null;
  /** @neo4j/graphql reads the database name from here. */
  readonly sessionConfig?: { database?: string };
  /** @neo4j/graphql runs its generated queries through this (Database.cancellableDriver: stopped with the request). */
  readonly executionContext?: unknown;
  /** @neo4j/graphql's transaction settings: the same read timeout as the named queries. */
  readonly transaction?: { timeout?: number };
}
