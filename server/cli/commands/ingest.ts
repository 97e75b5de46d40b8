// `newsgraph ingest FILE|DIR...`: loads articles into Neo4j with a progress bar and a summary.
//
// Which Neo4j: NEO4J_URI when set. Otherwise the one a running `npm start` serves on
// bolt://127.0.0.1:<NEWSGRAPH_BOLT_PORT> (its data directory is locked while it runs, so talking to it is
// the only way in); if nothing answers there, the project's own Neo4j is started on the same data
// directory for the duration of the command, so the next `npm start` sees the articles.
import { basename, join } from 'node:path';
import { readConfig, type Config } from '../../config.ts';
import { BulkLoadRepository, connectDatabase, createRepositories, type Database, type Neo4jConnection } from '../../db/index.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../db/embedded.ts';
import { ErrorCode, isNewsgraphError } from '../../errors.ts';
import { collectArticleFiles, ingestFiles, ingestFilesBulk, type FileOutcome } from '../../ingest/pipeline.ts';

/** From this many files on, ingest takes the bulk path unless told otherwise. */
const BULK_AUTO_MIN_FILES = 100;

const USAGE = `Usage: newsgraph ingest [--json] [--bulk | --one-by-one] FILE|DIR...

Loads articles (directories: every *.txt inside, recursively) into Neo4j. An article already loaded
(same text) is reported as unchanged and not written again; no article is ever half written.

  --json         print one JSON line per file (status, counts or error) instead of the summary
  --bulk         extract on every core and write 100 new articles per transaction (3-5x faster;
                 the default from ${BULK_AUTO_MIN_FILES} files on)
  --one-by-one   one transaction per article, each resolved against everything loaded before it
                 (the default below ${BULK_AUTO_MIN_FILES} files)

Neo4j: NEO4J_URI if set; else a running \`npm start\` on bolt://127.0.0.1:NEWSGRAPH_BOLT_PORT (7687);
else the project's own Neo4j is started for the duration of the command (same data as \`npm start\`).
Exit code: 0 when every file loaded, 1 when any failed, 2 for a usage error.
`;

const OPTIONS = ['--json', '--bulk', '--one-by-one'];

/** Progress bar width in characters. */
const BAR_WIDTH = 28;

interface Connected {
  readonly database: Database;
  readonly embedded?: EmbeddedNeo4j;
  readonly where: string;
}

/** Finds or starts the Neo4j to load into (see the header comment). */
async function connect(config: Config): Promise<Connected> {
  const credentials = { user: config.neo4jUser, password: config.neo4jPassword, database: config.neo4jDatabase };
  if (config.neo4jUri) {
    const database = connectDatabase({ uri: config.neo4jUri, ...credentials });
    await database.verify();
    return { database, where: `${config.neo4jUri} (NEO4J_URI)` };
  }
  const running: Neo4jConnection = { uri: `bolt://127.0.0.1:${config.embeddedBoltPort || 7687}`, ...credentials };
  const probe = connectDatabase(running);
  try {
    await probe.verify();
    return { database: probe, where: `${running.uri} (the running newsgraph Neo4j)` };
  } catch (error) {
    await probe.close();
    if (!isNewsgraphError(error) || error.code !== ErrorCode.DATABASE_UNAVAILABLE || /credentials/.test(error.message)) throw error;
  }
  process.stderr.write('No Neo4j running; starting the project\'s own for this command…\n');
  const embedded = await startEmbeddedNeo4j({
    dataDir: join(config.dataDir, 'neo4j'),
    boltPort: 0,
    heap: config.embeddedHeap,
    pageCache: config.embeddedPageCache,
    javaHome: config.javaHome,
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
  return `\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total} ${name.length > 40 ? name.slice(0, 39) + '…' : name}\x1b[K`;
}

function summarise(outcomes: readonly FileOutcome[], missing: number, ms: number): string {
  const loaded = outcomes.filter((o): o is Extract<FileOutcome, { ok: true }> => o.ok).map((o) => o.summary);
  const sum = (pick: (s: (typeof loaded)[number]) => number) => loaded.reduce((n, s) => n + pick(s), 0);
  const failed = outcomes.length - loaded.length + missing;
  return [
    `Articles: ${loaded.filter((s) => s.status === 'new').length} new, ${loaded.filter((s) => s.status === 'unchanged').length} unchanged, ${failed} failed (${outcomes.length + missing} files in ${(ms / 1000).toFixed(1)} s)`,
    `Entities: ${sum((s) => s.entitiesCreated)} created, ${sum((s) => s.entitiesMerged)} merged`,
    `Relations: ${sum((s) => s.relationsCreated)} created, ${sum((s) => s.relationsMerged)} merged`,
    `Events: ${sum((s) => s.eventsCreated)} created, ${sum((s) => s.eventsMerged)} merged`,
  ].join('\n') + '\n';
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const json = args.includes('--json');
  const unknownFlag = args.find((a) => a.startsWith('-') && !OPTIONS.includes(a));
  const paths = args.filter((a) => !a.startsWith('-'));
  if (unknownFlag || paths.length === 0 || (args.includes('--bulk') && args.includes('--one-by-one'))) {
    const problem = unknownFlag ? `Unknown option ${unknownFlag}.` : paths.length === 0 ? 'Give at least one file or directory.' : 'Choose one of --bulk and --one-by-one.';
    process.stderr.write(`${problem}\n\n${USAGE}`);
    return 2;
  }

  const config = readConfig();
  // A path that does not exist is a failed input like a bad file: reported, and the others still load.
  const files: string[] = [];
  let missing = 0;
  for (const path of paths) {
    try {
      for (const file of await collectArticleFiles([path])) if (!files.includes(file)) files.push(file);
    } catch (error) {
      missing++;
      process.stderr.write(`failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  if (files.length === 0) {
    process.stderr.write(`No .txt files found in ${paths.join(', ')}.\n`);
    return 1;
  }

  const { database, embedded, where } = await connect(config);
  const showProgress = !json && process.stderr.isTTY === true && files.length > 1;
  try {
    await database.applySchema();
    const repositories = createRepositories(database);
    const bulk = args.includes('--bulk') || (!args.includes('--one-by-one') && files.length >= BULK_AUTO_MIN_FILES);
    if (!json) process.stderr.write(`Loading ${files.length} file${files.length === 1 ? '' : 's'} into ${where}${bulk ? ' (bulk: 100 articles per transaction)' : ''}\n`);
    const started = performance.now();
    const deps = { articles: repositories.articles, entities: repositories.entities, maxArticleBytes: config.maxArticleBytes };
    let done = 0;
    const onFile = (outcome: FileOutcome): void => {
      if (json) {
        process.stdout.write(JSON.stringify(outcome.ok
          ? { file: outcome.file, ok: true, ms: Math.round(outcome.ms), ...outcome.summary }
          : { file: outcome.file, ok: false, ms: Math.round(outcome.ms), code: outcome.error.code, error: outcome.error.message }) + '\n');
        return;
      }
      if (!outcome.ok) {
        if (showProgress) process.stderr.write('\r\x1b[K');
        // Messages from read/extract usually start with the path already.
        const message = outcome.error.message.startsWith(outcome.file) ? outcome.error.message : `${outcome.file}: ${outcome.error.message}`;
        process.stderr.write(`failed: ${message} [${outcome.error.code}]\n`);
      }
      if (showProgress) process.stderr.write(progressLine(++done, files.length, outcome.file));
    };
    const outcomes = bulk
      ? await ingestFilesBulk({ ...deps, bulk: new BulkLoadRepository(database) }, files, onFile)
      : await ingestFiles(deps, files, onFile);
    if (showProgress) process.stderr.write('\r\x1b[K');
    if (!json) process.stdout.write(summarise(outcomes, missing, performance.now() - started));
    return missing === 0 && outcomes.every((o) => o.ok) ? 0 : 1;
  } finally {
    await database.close();
    if (embedded) await embedded.stop();
  }
}
