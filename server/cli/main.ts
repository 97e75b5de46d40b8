// The `newsgraph` command line: dispatches to one module per command in ./commands (loaded lazily, so
// `extract` and `tag` never load the database driver).
import { isNewsgraphError } from '../errors.ts';

interface Command {
  readonly summary: string;
  readonly load: () => Promise<{ run(args: string[]): Promise<number> }>;
  /** The command extracts articles, so the trained relation model must load before it starts anything. */
  readonly extracts?: boolean;
}

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'start Neo4j (unless NEO4J_URI is set), the GraphQL API and the explorer',
    load: () => import('./commands/serve.ts'),
    extracts: true,
  },
  ingest: {
    summary: 'ingest FILE|DIR|URL|FEED_URL...   load articles (a feed: every item) into Neo4j',
    load: () => import('./commands/ingest.ts'),
    extracts: true,
  },
  watch: {
    summary: 'watch FEED_URL... [--every 15m]   poll feeds and load their new items',
    load: () => import('./commands/watch.ts'),
    extracts: true,
  },
  extract: {
    summary: 'extract FILE...      print the extracted graph of each file as one JSON line (no database)',
    load: () => import('./commands/extract.ts'),
    extracts: true,
  },
  tag: {
    summary: 'tag --conll FILE     tag one-token-per-line text with PER/ORG/LOC/MISC (BIO)',
    load: () => import('./commands/tag.ts'),
  },
  eval: {
    summary:
      'eval [gold|ner|relations] ...  score extraction against gold graphs, the tagger, or the relation classifier',
    load: () => import('./commands/eval.ts'),
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `Usage: newsgraph <command> [args]\n\nCommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 1;
  }
  if (command.extracts && !args.includes('--help') && !args.includes('-h')) {
    const { relationModelProblem } = await import('./preflight.ts');
    const problem = relationModelProblem();
    if (problem) {
      process.stderr.write(`newsgraph ${name}: ${problem}\n`);
      return 1;
    }
  }
  const module = await command.load();
  return module.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (isNewsgraphError(error)) process.stderr.write(`newsgraph: ${error.code}: ${error.message}\n`);
    else
      process.stderr.write(`newsgraph: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
