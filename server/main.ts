// Composition root: config -> driver -> named queries -> schema -> HTTP. Only serve.ts and tests import it.

import { timingSafeEqual } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import { type Config, PROJECT_ROOT } from './config.ts';
import {
  connectDatabase,
  createRepositories,
  type DatabaseStatus,
  type Neo4jConnection,
  runCancellable,
} from './db/index.ts';
import { ErrorCode, NewsgraphError } from './errors.ts';
import { createApolloServer } from './graphql/apollo.ts';
import type { GraphQLContext, Services } from './graphql/context.ts';
import { buildSchema } from './graphql/schema.ts';
import { CLIENT_ID_HEADER, EventHub } from './http/events.ts';
import { allowedHostNames, isAllowedHost, isAllowedOrigin, isLoopback } from './http/hosts.ts';
import { FeedPoller } from './ingest/feeds/poller.ts';
import { assertUrlAllowed, parseArticleUrl } from './ingest/fetch/address.ts';
import { PageFetcher } from './ingest/fetch/fetch.ts';
import { collectArticleFiles, ingestFiles } from './ingest/files.ts';
import { ingestArticle, type PipelineDeps } from './ingest/pipeline.ts';
import { ingestUrl } from './ingest/urls.ts';
import type { LoadSummary } from './model.ts';

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  /** Stops accepting requests, finishes open ones, closes the driver. */
  close(): Promise<void>;
}

/** The built explorer (Vite output, see vite.config.ts). */
export const CLIENT_DIR = join(PROJECT_ROOT, 'dist', 'client');
/** Demo articles loaded into an empty database on start (config.loadDemoData). */
export const DEMO_ARTICLES_DIR = join(PROJECT_ROOT, 'data', 'articles');
/** JSON escapes (\u00e6 for æ) can triple an article's size on the wire; the body limit leaves room for that. */
const JSON_OVERHEAD_FACTOR = 4;
const BODY_HEADROOM_BYTES = 64 * 1024;
/** Longest explorer tab id passed on in articles-loaded events (the client sends a UUID). */
const MAX_CLIENT_ID_LENGTH = 64;

const log = (message: string, error?: unknown): void => {
  const detail =
    error instanceof Error ? `: ${error.stack ?? error.message}` : error !== undefined ? `: ${String(error)}` : '';
  process.stderr.write(`[newsgraph] ${message}${detail}\n`);
};

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function graphqlError(
  response: Response,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): void {
  response.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/** Loads data/articles/*.txt when the database has no article yet, so a first start shows a graph. */
async function loadDemoArticles(deps: PipelineDeps, articleCount: number): Promise<void> {
  if (articleCount > 0 || !existsSync(DEMO_ARTICLES_DIR)) return;
  const files = await collectArticleFiles([DEMO_ARTICLES_DIR]);
  if (files.length === 0) return;
  log(`empty database: loading ${files.length} demo articles from data/articles`);
  const outcomes = await ingestFiles(deps, files);
  for (const outcome of outcomes) if (!outcome.ok) log(`demo article ${outcome.file} failed: ${outcome.error.message}`);
  log(`demo articles loaded: ${outcomes.filter((o) => o.ok).length} of ${files.length}`);
}

export interface ServerOptions {
  /**
   * What a supervisor knows about the database (serve.ts: the embedded Neo4j restarting after a crash). While it is
   * not `up`, /health says so and GraphQL answers DATABASE_UNAVAILABLE at once; the explorer is served throughout.
   */
  readonly databaseStatus?: () => DatabaseStatus;
}

/** The message for a database a supervisor says is not up, or undefined when it is. */
function unavailableBecause(status: DatabaseStatus): string | undefined {
  switch (status.state) {
    case 'up':
      return undefined;
    case 'restarting':
      return `database unavailable: Neo4j stopped unexpectedly and is being restarted (attempt ${status.attempt} of ${status.maxAttempts}) — try again in a few seconds`;
    case 'failed':
      return `database unavailable: ${status.reason} — restart the server (npm start) once the cause is fixed`;
    case 'stopped':
      return 'database unavailable: the server is shutting down';
  }
}

export async function startServer(
  config: Config,
  db: Neo4jConnection,
  options: ServerOptions = {},
): Promise<RunningServer> {
  // driver + every named query (a missing cypher file fails here, before anything listens)
  const database = connectDatabase(db, { readTimeoutMs: config.readTimeoutMs });
  try {
    await database.verify();
    await database.applySchema();
  } catch (error) {
    await database.close();
    throw error;
  }
  const repositories = createRepositories(database);
  const pipeline: PipelineDeps = {
    articles: repositories.articles,
    entities: repositories.entities,
    maxArticleBytes: config.maxArticleBytes,
  };
  const fetcher = new PageFetcher({
    timeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxArticleBytes,
    hostIntervalMs: config.fetchHostIntervalMs,
    allowPrivate: config.allowPrivateUrls,
  });
  // Open explorers hear of every article this server loads (GraphQL or a watched feed) through /events.
  const events = new EventHub();
  const announce = (source: string, summaries: readonly LoadSummary[], clientId: string | null = null): void => {
    const articles = summaries.filter((s) => s.status === 'new');
    if (articles.length > 0) events.publish({ type: 'articles-loaded', source, clientId, articles });
  };
  const poller = new FeedPoller({
    deps: pipeline,
    fetcher,
    feeds: repositories.feeds,
    intervalMs: config.feedIntervalMs,
    log,
    paused: () => (options.databaseStatus ? options.databaseStatus().state !== 'up' : false),
    onPoll: (result) => {
      announce(
        result.url,
        result.outcomes.flatMap((o) => (o.ok ? [o.summary] : [])),
      );
      events.publish({ type: 'feeds-changed' });
      if (result.error)
        log(
          result.error.message.startsWith(result.url)
            ? `feed ${result.error.message}`
            : `feed ${result.url}: ${result.error.message}`,
        );
    },
  });
  const services: Services = {
    ...repositories,
    ingestUrl: async (url, clientId) => {
      const summary = await ingestUrl(pipeline, fetcher, url);
      announce(url, [summary], clientId);
      return summary;
    },
    maxArticleBytes: config.maxArticleBytes,
    ingest: async (input, clientId) => {
      const summary = await ingestArticle(pipeline, {
        content: input.text,
        source: 'GraphQL input',
        ...(input.title ? { title: input.title } : {}),
        ...(input.url ? { url: input.url } : {}),
        ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
      });
      announce('GraphQL input', [summary], clientId);
      return summary;
    },
    feeds: {
      list: () => repositories.feeds.list(),
      async add(url) {
        const parsed = parseArticleUrl(url);
        await assertUrlAllowed(parsed, { allowPrivate: config.allowPrivateUrls });
        const feed = await repositories.feeds.add(parsed.href);
        poller.wake();
        events.publish({ type: 'feeds-changed' });
        return feed;
      },
      async remove(url) {
        // Stored as added: normalised the same way (a trailing slash, the host's case).
        let href = url;
        try {
          href = parseArticleUrl(url).href;
        } catch {
          // not a URL we could have added: nothing to remove under it
        }
        const removed = await repositories.feeds.remove(href);
        if (removed) events.publish({ type: 'feeds-changed' });
        return removed;
      },
    },
  };
  if (config.loadDemoData) {
    try {
      await loadDemoArticles(pipeline, await repositories.articles.count());
    } catch (error) {
      // A broken demo file must not keep the server from starting; the log says what happened.
      log('loading the demo articles failed', error);
    }
  }

  // schema + Apollo
  const apollo = createApolloServer(await buildSchema(database.driver), log, {
    maxQueryCost: config.maxQueryCost,
    maxResponseBytes: config.maxResponseBytes,
  });
  await apollo.start();

  // HTTP
  const loopback = isLoopback(config.host);
  if (!loopback && !config.apiToken) {
    log(`listening on ${config.host} without NEWSGRAPH_API_TOKEN: every mutation will be refused (reads work)`);
  }
  const app = express();
  app.disable('x-powered-by');

  // Before anything else, GraphQL included: a Host this server was not told about is a DNS rebinding page (or a
  // misconfigured proxy). 421 Misdirected Request: the request reached a server that does not serve that name.
  const allowedHosts = allowedHostNames(config.host, config.allowedHosts);
  app.use((request, response, next) => {
    const host = request.get('host');
    if (isAllowedHost(host, allowedHosts)) {
      next();
      return;
    }
    graphqlError(
      response,
      421,
      'FORBIDDEN',
      `this server does not answer to the host name ${JSON.stringify(host ?? '')}: open it as http://127.0.0.1 or localhost, or add the name to NEWSGRAPH_ALLOWED_HOSTS`,
      { reason: 'HOST_NOT_ALLOWED' },
    );
  });

  app.get('/health', async (_request, response) => {
    const supervised = options.databaseStatus?.();
    if (supervised && supervised.state !== 'up') {
      const { state, ...details } = supervised;
      response.status(503).json({ ok: false, neo4j: state, ...details });
      return;
    }
    const up = await database.ping();
    response.status(up ? 200 : 503).json({ ok: up, neo4j: up ? 'up' : 'down' });
  });

  // While a supervisor restarts Neo4j, GraphQL says so at once instead of each request waiting for the driver.
  const databaseGate = (_request: Request, response: Response, next: NextFunction): void => {
    const because = options.databaseStatus ? unavailableBecause(options.databaseStatus()) : undefined;
    if (!because) {
      next();
      return;
    }
    response.set('retry-after', '5');
    graphqlError(response, 503, ErrorCode.DATABASE_UNAVAILABLE, because);
  };

  const allowedOrigins = new Set(config.allowedOrigins);
  // No CORS headers are ever sent, so other origins cannot read responses; this also stops them writing. The
  // origin is compared with the allowed hosts, never with the request's own Host (which a rebinding page sets).
  const originGuard = (request: Request, response: Response, next: NextFunction): void => {
    const origin = request.get('origin');
    const options = { allowedHosts, allowedOrigins, port: request.socket.localPort ?? 0, loopbackOnly: loopback };
    if (!origin || isAllowedOrigin(origin, options)) {
      next();
      return;
    }
    graphqlError(
      response,
      403,
      'FORBIDDEN',
      `requests from ${origin} are not allowed: open the explorer from this server's own address, or add the origin to NEWSGRAPH_ALLOWED_ORIGINS`,
    );
  };

  const bodyLimit = config.maxArticleBytes * JSON_OVERHEAD_FACTOR + BODY_HEADROOM_BYTES;
  const bodyErrors = (error: unknown, _request: Request, response: Response, next: NextFunction): void => {
    const failure = error as { type?: string; status?: number };
    if (failure?.type === 'entity.too.large') {
      graphqlError(
        response,
        413,
        ErrorCode.BAD_INPUT,
        `request body is over ${bodyLimit} bytes: articles may be at most ${config.maxArticleBytes} bytes (NEWSGRAPH_MAX_ARTICLE_BYTES)`,
        { reason: ErrorCode.TEXT_TOO_LARGE },
      );
      return;
    }
    if (failure?.type === 'entity.parse.failed') {
      graphqlError(
        response,
        400,
        ErrorCode.BAD_INPUT,
        'request body is not valid JSON: send {"query": "...", "variables": {...}}',
      );
      return;
    }
    next(error);
  };

  app.get('/events', originGuard, events.handle);

  app.use(
    '/graphql',
    originGuard,
    databaseGate,
    express.json({ limit: bodyLimit }),
    bodyErrors,
    // A client that goes away (closed tab, timed-out script) takes its Neo4j work with it: every transaction the
    // request opened is stopped, not left running for minutes.
    (_request: Request, response: Response, next: NextFunction) => {
      const gone = new AbortController();
      // One listener per open Neo4j session (each removed when its session closes); a query resolving many fields
      // at once opens more than Node's default warning threshold of 10.
      setMaxListeners(0, gone.signal);
      response.once('close', () => {
        if (!response.writableFinished) gone.abort();
      });
      runCancellable(gone.signal, () => next());
    },
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<GraphQLContext> => {
        const token = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1]?.trim();
        const mayMutate =
          loopback || (config.apiToken !== undefined && token !== undefined && sameToken(token, config.apiToken));
        return {
          services,
          mayMutate,
          clientId: req.get(CLIENT_ID_HEADER)?.slice(0, MAX_CLIENT_ID_LENGTH) || null,
          ...(database.databaseName ? { sessionConfig: { database: database.databaseName } } : {}),
          executionContext: database.cancellableDriver,
          transaction: { timeout: database.readTimeoutMs },
        };
      },
    }),
  );

  // The explorer: the Vite build when there is one, with client-side routes falling back to index.html.
  const indexHtml = join(CLIENT_DIR, 'index.html');
  app.use(express.static(CLIENT_DIR, { index: 'index.html', fallthrough: true }));
  app.use((request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    if (existsSync(indexHtml)) return response.sendFile(indexHtml);
    response
      .status(200)
      .type('html')
      .send(
        '<!doctype html><meta charset="utf-8"><title>newsgraph</title>' +
          '<p>The explorer is not built yet: run <code>npm run build</code>, then reload this page.</p>' +
          '<p>GraphQL is available at <a href="/graphql">/graphql</a>.</p>',
      );
  });
  app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    log('HTTP error', error);
    if (!response.headersSent)
      graphqlError(response, 500, ErrorCode.INTERNAL, 'internal server error: the server log has the details');
  });

  const server = await new Promise<Server>((resolveListen, rejectListen) => {
    const listening = app.listen(config.port, config.host, (error?: Error) =>
      error ? rejectListen(error) : resolveListen(listening),
    );
    listening.once('error', rejectListen);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await apollo.stop();
    await database.close();
    if (error.code === 'EADDRINUSE') {
      throw new NewsgraphError(
        ErrorCode.PORT_IN_USE,
        `port ${config.port} on ${config.host} is already in use: stop the other server or set PORT to another port`,
      );
    }
    throw error;
  });

  // Feeds are polled once the server listens (a first poll can take a while; requests are answered meanwhile).
  poller.start();

  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  return {
    url,
    async close() {
      await poller.stop();
      events.closeAll();
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        // Keep-alive connections from browsers would otherwise hold close() open until they time out.
        server.closeIdleConnections();
      });
      await apollo.stop();
      await fetcher.close();
      await database.close();
    },
  };
}
