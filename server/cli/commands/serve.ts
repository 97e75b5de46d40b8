// `newsgraph serve` (what `npm start` runs): the project's own Neo4j unless NEO4J_URI is set, then the GraphQL API and explorer on one port.

import { join, relative } from 'node:path';
import { clientBuildIsStale, ensureClientBuilt } from '../../client-build.ts';
import { PROJECT_ROOT, readConfig } from '../../config.ts';
import type { Neo4jConnection } from '../../db/driver.ts';
import { type SupervisedNeo4j, superviseEmbeddedNeo4j } from '../../db/supervisor.ts';
import { isNewsgraphError, NewsgraphError } from '../../errors.ts';
import { startServer } from '../../main.ts';

const USAGE = `Usage: newsgraph serve

Starts Neo4j (unless NEO4J_URI is set), then the GraphQL API and the explorer.
Ctrl-C stops both; the data stays in NEWSGRAPH_DATA_DIR (default .data/). If the project's own
Neo4j exits unexpectedly it is restarted (up to 5 tries, with backoff) while the explorer stays up.

Settings (environment): NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, HOST, PORT,
NEWSGRAPH_DATA_DIR, NEWSGRAPH_BOLT_PORT, NEWSGRAPH_NEO4J_HEAP, NEWSGRAPH_NEO4J_PAGECACHE, JAVA_HOME.
`;

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const shown = (path: string): string => (path.startsWith(PROJECT_ROOT) ? relative(PROJECT_ROOT, path) || '.' : path);

/** The launcher's errors name the port or directory; here we can also name the setting that changes it. */
function withServeHint(error: unknown): unknown {
  if (!isNewsgraphError(error)) return error;
  const hints: Record<string, string> = {
    PORT_IN_USE:
      'Set NEWSGRAPH_BOLT_PORT to another port (0 = any free one), or NEO4J_URI to use the Neo4j that is listening there.',
    DATA_DIR_LOCKED:
      'Is `npm start` (or `newsgraph ingest`) already running? Stop it, or set NEWSGRAPH_DATA_DIR to another directory.',
  };
  const hint = hints[String(error.details?.reason)];
  return hint ? new NewsgraphError(error.code, `${error.message}\n${hint}`, error.details) : error;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.length > 0) {
    process.stderr.write(
      `serve takes no arguments (got ${args.join(' ')}): configure it with environment variables.\n\n${USAGE}`,
    );
    return 1;
  }
  const startedAt = performance.now();
  const config = readConfig();

  // Build the explorer while Neo4j starts: a no-op when dist/client is current, a full Vite build after a fresh clone.
  const buildIfStale = (): Promise<boolean> => {
    if (!clientBuildIsStale()) return Promise.resolve(false);
    say('Building the explorer (vite build)…');
    return ensureClientBuilt();
  };
  const clientBuild = buildIfStale().catch((error: unknown) => {
    say(
      `The explorer could not be built (${error instanceof Error ? error.message : String(error)}); GraphQL still works. Run npm run build to see why.`,
    );
    return false;
  });

  let neo4j: SupervisedNeo4j | undefined;
  let uri: string;
  if (config.neo4jUri) {
    uri = config.neo4jUri;
    say(`Using Neo4j at ${uri} (NEO4J_URI); not starting one.`);
  } else {
    const dataDir = join(config.dataDir, 'neo4j');
    say(`Starting Neo4j 5 (data in ${shown(dataDir)}, Bolt on 127.0.0.1:${config.embeddedBoltPort || 'a free port'})…`);
    neo4j = await superviseEmbeddedNeo4j(
      {
        dataDir,
        boltPort: config.embeddedBoltPort,
        heap: config.embeddedHeap,
        pageCache: config.embeddedPageCache,
        javaHome: config.javaHome,
      },
      { say: (line) => process.stderr.write(`${line}\n`) },
    ).catch((error: unknown) => {
      throw withServeHint(error);
    });
    uri = neo4j.uri;
    say(`Neo4j ready at ${uri} in ${seconds(neo4j.startupMs)} (log: ${shown(neo4j.logFile)}).`);
  }
  const connection: Neo4jConnection = {
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
  };

  // Listen for Ctrl-C from here on, so a signal during the HTTP start still stops Neo4j cleanly.
  const stopRequested = new Promise<void>((resolveStop) => {
    let requestedAt: number | undefined;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (requestedAt === undefined) {
        requestedAt = performance.now();
        resolveStop();
        return;
      }
      // Ctrl-C reaches every process of the terminal's group, and tsx also relays it, so one press can arrive
      // twice; only a later press is the user asking again.
      if (performance.now() - requestedAt > 1000) {
        say(`(${signal} again: still stopping; Neo4j is checkpointing the store so the next start is quick)`);
      }
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  });

  await clientBuild;
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    const supervised = neo4j;
    server = await startServer(config, connection, supervised ? { databaseStatus: () => supervised.status() } : {});
  } catch (error) {
    await neo4j?.stop();
    throw error;
  }
  say(`GraphQL: ${server.url}/graphql, explorer: ${server.url}/`);
  say(`Ready in ${seconds(performance.now() - startedAt)}. Press Ctrl-C to stop.`);

  await stopRequested;
  say('Stopping…');
  await server.close();
  if (neo4j) {
    await neo4j.stop();
    say(`Neo4j stopped; data kept in ${shown(join(config.dataDir, 'neo4j'))}.`);
  }
  return 0;
}
