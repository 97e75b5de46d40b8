// `newsgraph ingest FILE|DIR|URL|FEED_URL...`: loads articles into Neo4j with a progress bar and a summary.
//
// Which Neo4j: NEO4J_URI when set. Otherwise the one a running `npm start` serves on
// bolt://127.0.0.1:<NEWSGRAPH_BOLT_PORT> (its data directory is locked while it runs, so talking to it is
// the only way in); if nothing answers there, the project's own Neo4j is started on the same data
// directory for the duration of the command, so the next `npm start` sees the articles.
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type Config, readConfig } from '../../config.ts';
import { adminImport, databaseExists } from '../../db/admin-import.ts';
import { type EmbeddedNeo4j, startEmbeddedNeo4j } from '../../db/embedded.ts';
import {
  BulkLoadRepository,
  connectDatabase,
  createRepositories,
  type Database,
  type Neo4jConnection,
} from '../../db/index.ts';
import { ErrorCode, isNewsgraphError } from '../../errors.ts';
import { BULK_BATCH_ARTICLES, collectFirstLoad, ingestFilesBulk } from '../../ingest/bulk/index.ts';
import { PageFetcher } from '../../ingest/fetch/fetch.ts';
import { collectArticleFiles, type FileOutcome, ingestFiles, type SkippedPath } from '../../ingest/files.ts';
import { ingestUrls, isWebAddress } from '../../ingest/urls.ts';

/** From this many files on, ingest takes the bulk path unless told otherwise. */
const BULK_AUTO_MIN_FILES = 100;

const USAGE = `Usage: newsgraph ingest [--json] [--bulk | --one-by-one | --import] FILE|DIR|URL|FEED_URL...

Loads articles (directories: every *.txt inside, recursively; http(s) URLs: the article on the page;
the URL of an RSS 2.0 or Atom feed: the article behind every item, each reported on its own line)
into Neo4j. An article already loaded (same text, or for a URL the same canonical address) is reported
as unchanged and not written again; no article is ever half written.

URLs are fetched politely: robots.txt is obeyed, one request per second per site, at most 5 redirects,
NEWSGRAPH_FETCH_TIMEOUT_MS per request, pages up to NEWSGRAPH_MAX_ARTICLE_BYTES. Addresses on private,
loopback or link-local networks are refused unless NEWSGRAPH_ALLOW_PRIVATE_URLS=1.

  --json         print one JSON line per file (status, counts or error) instead of the summary
  --bulk         extract on every core and write ${BULK_BATCH_ARTICLES} new articles per transaction (much faster
                 for many files: BENCHMARKS.md; the default from ${BULK_AUTO_MIN_FILES} files on)
  --one-by-one   one transaction per article, each resolved against everything loaded before it
                 (the default below ${BULK_AUTO_MIN_FILES} files)
  --import       first load into the project's own, still empty Neo4j, with neo4j-admin's offline
                 importer: extraction as --bulk, then store files written directly (no transactions).
                 Stop \`npm start\` first; refused when the database holds anything.

Neo4j: NEO4J_URI if set; else a running \`npm start\` on bolt://127.0.0.1:NEWSGRAPH_BOLT_PORT (7687);
else the project's own Neo4j is started for the duration of the command (same data as \`npm start\`).
Exit code: 0 when every file loaded, 1 when any failed, 2 for a usage error, 3 when the database went
away during the load (what committed stays; running the same command again completes it).
`;

const OPTIONS = ['--json', '--bulk', '--one-by-one', '--import'];

/** Exit code when the database went away during the load (the summary says what committed). */
const DATABASE_LOST_EXIT_CODE = 3;

/** Progress bar width in characters. */
const BAR_WIDTH = 28;

export interface Connected {
  readonly database: Database;
  readonly embedded?: EmbeddedNeo4j;
  readonly where: string;
}

/**
 * The Neo4j of a running `npm start` (bolt://127.0.0.1:NEWSGRAPH_BOLT_PORT), connected; undefined when nothing
 * answers there. Any other failure (wrong credentials, say) is thrown: something is there.
 */
async function runningNeo4j(config: Config): Promise<Connected | undefined> {
  const running: Neo4jConnection = {
    uri: `bolt://127.0.0.1:${config.embeddedBoltPort || 7687}`,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
  };
  const probe = connectDatabase(running);
  try {
    await probe.verify();
    return { database: probe, where: `${running.uri} (the running newsgraph Neo4j)` };
  } catch (error) {
    await probe.close();
    if (!isNewsgraphError(error) || error.code !== ErrorCode.DATABASE_UNAVAILABLE || /credentials/.test(error.message))
      throw error;
    return undefined;
  }
}

/** Finds or starts the Neo4j to load into (see the header comment). */
export async function connect(config: Config): Promise<Connected> {
  const credentials = { user: config.neo4jUser, password: config.neo4jPassword, database: config.neo4jDatabase };
  if (config.neo4jUri) {
    const database = connectDatabase({ uri: config.neo4jUri, ...credentials });
    await database.verify();
    return { database, where: `${config.neo4jUri} (NEO4J_URI)` };
  }
  const running = await runningNeo4j(config);
  if (running) return running;
  process.stderr.write("No Neo4j running; starting the project's own for this command…\n");
  const embedded = await startEmbeddedNeo4j({
    dataDir: join(config.dataDir, 'neo4j'),
    boltPort: 0,
    heap: config.embeddedHeap,
    pageCache: config.embeddedPageCache,
    javaHome: config.javaHome,
    // This Neo4j only loads, and quits when the command ends: the collector that costs the least CPU.
    collector: 'throughput',
  });
  const database = connectDatabase({ uri: embedded.uri, ...credentials });
  try {
    await database.verify();
  } catch (error) {
    await database.close();
    await embedded.stop();
    throw error;
  }
  return { database, embedded, where: `${embedded.uri} (started for this command)` };
}

function progressLine(done: number, total: number, file: string): string {
  const filled = Math.round((done / total) * BAR_WIDTH);
  const name = basename(file);
  return `\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${name.length > 40 ? `${name.slice(0, 39)}…` : name}\x1b[K`;
}

function summarise(outcomes: readonly FileOutcome[], unreadable: number, ms: number): string {
  const urls = outcomes.filter((o) => isWebAddress(o.file)).length;
  const files = outcomes.length - urls + unreadable;
  const inputs = urls === 0 ? `${files} files` : files === 0 ? `${urls} URLs` : `${files} files and ${urls} URLs`;
  const loaded = outcomes.filter((o): o is Extract<FileOutcome, { ok: true }> => o.ok).map((o) => o.summary);
  const sum = (pick: (s: (typeof loaded)[number]) => number) => loaded.reduce((n, s) => n + pick(s), 0);
  const failed = outcomes.length - loaded.length + unreadable;
  return `${[
    `Articles: ${loaded.filter((s) => s.status === 'new').length} new, ${loaded.filter((s) => s.status === 'unchanged').length} unchanged, ${failed} failed (${inputs} in ${(ms / 1000).toFixed(1)} s)`,
    `Entities: ${sum((s) => s.entitiesCreated)} created, ${sum((s) => s.entitiesMerged)} merged`,
    `Relations: ${sum((s) => s.relationsCreated)} created, ${sum((s) => s.relationsMerged)} merged`,
    `Events: ${sum((s) => s.eventsCreated)} created, ${sum((s) => s.eventsMerged)} merged`,
  ].join('\n')}\n`;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const json = args.includes('--json');
  const unknownFlag = args.find((a) => a.startsWith('-') && !OPTIONS.includes(a));
  const inputs = args.filter((a) => !a.startsWith('-'));
  const paths = inputs.filter((a) => !isWebAddress(a));
  const urls = inputs.filter(isWebAddress);
  const modes = ['--bulk', '--one-by-one', '--import'].filter((m) => args.includes(m));
  if (unknownFlag || inputs.length === 0 || modes.length > 1 || (urls.length > 0 && args.includes('--import'))) {
    const problem = unknownFlag
      ? `Unknown option ${unknownFlag}.`
      : inputs.length === 0
        ? 'Give at least one file, directory or URL.'
        : modes.length > 1
          ? `Choose one of ${modes.join(', ')}.`
          : '--import reads files only: load the URLs with a second command without --import.';
    process.stderr.write(`${problem}\n\n${USAGE}`);
    return 2;
  }

  const config = readConfig();
  // A path that does not exist, or a symlink that loops or dangles, is a failed input like a bad file: reported,
  // counted as failed, and the others still load.
  const files: string[] = [];
  let unreadable = 0;
  for (const path of paths) {
    try {
      const onSkipped = (skipped: SkippedPath): void => {
        unreadable++;
        if (json) {
          process.stdout.write(
            `${JSON.stringify({ file: skipped.path, ok: false, ms: 0, code: 'SKIPPED', error: skipped.reason })}\n`,
          );
        } else process.stderr.write(`skipped: ${skipped.path}: ${skipped.reason}\n`);
      };
      for (const file of await collectArticleFiles([path], onSkipped)) if (!files.includes(file)) files.push(file);
    } catch (error) {
      unreadable++;
      process.stderr.write(`failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  if (files.length === 0 && urls.length === 0) {
    process.stderr.write(`No .txt files found in ${paths.join(', ')}.\n`);
    return 1;
  }

  if (args.includes('--import')) return importFirstLoad(config, files, unreadable, json);
  const { database, embedded, where } = await connect(config);
  const total = files.length + urls.length;
  const showProgress = !json && process.stderr.isTTY === true && total > 1;
  try {
    await database.applySchema();
    const repositories = createRepositories(database);
    const bulk = args.includes('--bulk') || (!args.includes('--one-by-one') && files.length >= BULK_AUTO_MIN_FILES);
    if (!json)
      process.stderr.write(
        `Loading ${[
          files.length > 0 ? `${files.length} file${files.length === 1 ? '' : 's'}` : '',
          urls.length > 0 ? `${urls.length} URL${urls.length === 1 ? '' : 's'}` : '',
        ]
          .filter(Boolean)
          .join(' and ')} into ${where}${bulk ? ` (bulk: ${BULK_BATCH_ARTICLES} articles per transaction)` : ''}\n`,
      );
    const started = performance.now();
    const deps = {
      articles: repositories.articles,
      entities: repositories.entities,
      maxArticleBytes: config.maxArticleBytes,
    };
    let done = 0;
    // Kept as they arrive (each after its transaction committed), for the summary when the database goes away.
    const reported: FileOutcome[] = [];
    const onFile = (outcome: FileOutcome): void => {
      reported.push(outcome);
      if (showProgress && !outcome.ok) process.stderr.write('\r\x1b[K');
      reportOutcome(outcome, json);
      // A feed adds one outcome per item, so the total grows as feeds are read.
      done++;
      if (showProgress) process.stderr.write(progressLine(done, Math.max(total, done), outcome.file));
    };
    let outcomes: FileOutcome[];
    try {
      outcomes =
        files.length === 0
          ? []
          : bulk
            ? await ingestFilesBulk({ ...deps, bulk: new BulkLoadRepository(database) }, files, onFile)
            : await ingestFiles(deps, files, onFile);
      if (urls.length > 0) {
        const fetcher = new PageFetcher({
          timeoutMs: config.fetchTimeoutMs,
          maxBytes: config.maxArticleBytes,
          hostIntervalMs: config.fetchHostIntervalMs,
          allowPrivate: config.allowPrivateUrls,
        });
        try {
          outcomes.push(...(await ingestUrls(deps, fetcher, urls, onFile)));
        } finally {
          await fetcher.close();
        }
      }
    } catch (error) {
      if (!isNewsgraphError(error) || error.code !== ErrorCode.DATABASE_UNAVAILABLE) throw error;
      // The database went away mid-run. What committed is whole (one transaction per article or batch) and stays;
      // a rerun skips it as unchanged and loads the rest.
      if (showProgress) process.stderr.write('\r\x1b[K');
      process.stderr.write(`\nThe database went away during the load: ${error.message}\n`);
      if (!json) process.stdout.write(summarise(reported, unreadable, performance.now() - started));
      const committed = reported.filter((o) => o.ok).length;
      process.stderr.write(
        `${committed} of ${total} ${urls.length > 0 ? 'files and URLs' : 'files'} were loaded completely before that; no article is half written. ` +
          'Once Neo4j is back, running the same command again completes the load (loaded articles are skipped as unchanged).\n',
      );
      return DATABASE_LOST_EXIT_CODE;
    }
    if (showProgress) process.stderr.write('\r\x1b[K');
    if (!json) process.stdout.write(summarise(outcomes, unreadable, performance.now() - started));
    return unreadable === 0 && outcomes.every((o) => o.ok) ? 0 : 1;
  } finally {
    await database.close();
    if (embedded) await embedded.stop();
  }
}

/** Prints one file's outcome as the other paths do (a JSON line, or failures on stderr). */
export function reportOutcome(outcome: FileOutcome, json: boolean): void {
  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        outcome.ok
          ? { file: outcome.file, ok: true, ms: Math.round(outcome.ms), ...outcome.summary }
          : {
              file: outcome.file,
              ok: false,
              ms: Math.round(outcome.ms),
              code: outcome.error.code,
              error: outcome.error.message,
            },
      )}\n`,
    );
  } else if (!outcome.ok) {
    const message = outcome.error.message.startsWith(outcome.file)
      ? outcome.error.message
      : `${outcome.file}: ${outcome.error.message}`;
    process.stderr.write(`failed: ${message} [${outcome.error.code}]\n`);
  }
}

/**
 * `--import`: a first load through neo4j-admin's importer into the project's own Neo4j. Refused when NEO4J_URI
 * points elsewhere, when that Neo4j is running (its files are locked) or when its database holds anything.
 */
async function importFirstLoad(
  config: Config,
  files: readonly string[],
  unreadable: number,
  json: boolean,
): Promise<number> {
  const refuse = (message: string): number => {
    process.stderr.write(`${message}\n`);
    return 1;
  };
  if (config.neo4jUri)
    return refuse(
      "--import writes the files of the project's own Neo4j; with NEO4J_URI set, load with --bulk instead.",
    );
  const running = await runningNeo4j(config);
  if (running) {
    await running.database.close();
    return refuse('A Neo4j is running on the newsgraph data (npm start?): stop it first, or load with --bulk.');
  }
  const credentials = { user: config.neo4jUser, password: config.neo4jPassword };

  const home = join(config.dataDir, 'neo4j');
  const embeddedOptions = {
    dataDir: home,
    boltPort: 0,
    heap: config.embeddedHeap,
    pageCache: config.embeddedPageCache,
    javaHome: config.javaHome,
    collector: 'throughput',
  } as const;
  if (databaseExists(home)) {
    const embedded = await startEmbeddedNeo4j(embeddedOptions);
    const database = connectDatabase({ uri: embedded.uri, ...credentials });
    try {
      const [row] = await database.read((q) => q.run('graph-counts'));
      const nodes = Number(row.nodes);
      if (nodes > 0)
        return refuse(
          `The database already holds ${nodes} nodes: --import is for a first load into an empty one. Load with --bulk instead.`,
        );
    } finally {
      await database.close();
      await embedded.stop();
    }
  }

  const started = performance.now();
  if (!json)
    process.stderr.write(
      `Extracting ${files.length} file${files.length === 1 ? '' : 's'} for a first load with neo4j-admin import into ${home}\n`,
    );
  const { outcomes, rows } = await collectFirstLoad(files, config.maxArticleBytes, (outcome) =>
    reportOutcome(outcome, json),
  );
  if (rows.articles.length > 0) {
    try {
      const result = await adminImport(rows, { home, javaHome: config.javaHome, heap: config.embeddedHeap });
      if (!json)
        process.stderr.write(
          `Imported ${result.nodes} nodes and ${result.relationships} relationships in ${((result.csvMs + result.importMs) / 1000).toFixed(1)} s; building indexes…\n`,
        );
    } catch (error) {
      // A failed import leaves unusable store files; the database was empty, so start it afresh next time.
      rmSync(join(home, 'data', 'databases', 'neo4j'), { recursive: true, force: true });
      rmSync(join(home, 'data', 'transactions', 'neo4j'), { recursive: true, force: true });
      throw error;
    }
    // Constraints and indexes (built over the imported graph), then the empty lists a CSV file cannot hold.
    const embedded = await startEmbeddedNeo4j(embeddedOptions);
    const database = connectDatabase({ uri: embedded.uri, ...credentials });
    try {
      await database.applySchema();
      await new BulkLoadRepository(database).finishImport();
    } finally {
      await database.close();
      await embedded.stop();
    }
  }
  if (!json) process.stdout.write(summarise(outcomes, unreadable, performance.now() - started));
  return unreadable === 0 && outcomes.every((o) => o.ok) ? 0 : 1;
}
