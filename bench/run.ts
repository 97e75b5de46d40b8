// `npm run bench [-- NAME... [--articles N] [--entities N,N] ...]`: runs sub-benchmarks, writes bench/results/<name>.json, regenerates the tables.
import type { Neo4jCollector } from '../server/db/embedded.ts';
import { type CorpusDensity, DEFAULT_SEED } from './corpus.ts';
import { type BenchResult, floorMet, load, updateDocuments, writeResult } from './report.ts';

const USAGE = `Usage: npm run bench -- [NAME...] [options]

Benchmarks (all of them when none is named; each writes bench/results/<name>.json and updates BENCHMARKS.md):
  extract    extractArticle on one core, no database: articles/s, tokens/s, edge inputs (2 MiB, pathological text,
             tagger junk, model load), CPU profile of the hot spots
  load       end-to-end loading into Neo4j: per-article pipeline and the bulk path, articles/s and graph size
  write      the bulk path's transactions alone (articles extracted first), timed statement by statement
  graphql    GraphQL latency over HTTP (autocannon) on generated graphs of --entities sizes
  render     the explorer's Cytoscape rendering in headless Chromium (bench/render.ts)
  startup    \`npm start\` to ready, cold (empty data dir) and warm
  soak       10 minutes of mixed reads (search, neighborhood, paths, generated filters) from several clients at a
             fixed rate, an ingest every 10 s and a nested-query attacker every 2 s: p50/p99 and errors per
             operation, server and Neo4j memory at start and end

Options:
  --articles N        extract: corpus size (default 500); load: articles per size, comma-separated (default 1000,10000);
                      write: articles (default 5000); soak: articles loaded first (default 450)
  --entities N[,N]    graphql: graph sizes in entities (default 10000,100000)
  --duration S        graphql: seconds per autocannon run (default 8); soak: seconds (default 600)
  --connections N     graphql: concurrent clients (default 10); soak: read clients at 2 requests/s each (default 4)
  --seed N            corpus seed (default ${DEFAULT_SEED})
  --density D         extract, load, write: corpus density, news (default: entities, relations and events per KB like
                      the real articles) or dense (about twice that, a stress case); dense results go to <name>-dense.json
  --collector C       load, write: the Neo4j JVM's garbage collector, throughput (default: what \`newsgraph ingest\`
                      starts its own Neo4j with) or latency (G1: the server's, for loading into a running \`npm start\`);
                      latency results go to <name>-latency.json
  --no-profile        extract: skip the CPU profile
  --per-article-max N load: largest size also loaded through the per-article pipeline (default 1000)
  --batch-size N      load, write: articles per bulk transaction (default: the loader's, BULK_BATCH_ARTICLES)
  --tag NAME          graphql: write bench/results/graphql-NAME.json (e.g. a "before" baseline)
  --nagle             graphql: Nagle's algorithm back on for the driver (the state before driver.ts's fix)
`;

export interface BenchArgs {
  readonly names: string[];
  readonly articles?: number[];
  readonly entities?: number[];
  readonly duration?: number;
  readonly connections?: number;
  readonly seed: number;
  readonly density: CorpusDensity;
  readonly collector: Neo4jCollector;
  readonly profile: boolean;
  readonly perArticleMax?: number;
  readonly batchSize?: number;
  readonly tag?: string;
  readonly nagle: boolean;
}

const NAMES = ['extract', 'load', 'write', 'graphql', 'render', 'startup', 'soak'] as const;

function numbers(value: string | undefined, flag: string): number[] {
  const list = (value ?? '').split(',').map((v) => Number(v.replace(/_/g, '')));
  if (list.length === 0 || list.some((n) => !Number.isFinite(n) || n <= 0))
    throw new Error(`${flag} needs positive numbers, e.g. ${flag} 1000`);
  return list;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const names: string[] = [];
  let articles: number[] | undefined;
  let entities: number[] | undefined;
  let duration: number | undefined;
  let connections: number | undefined;
  let perArticleMax: number | undefined;
  let batchSize: number | undefined;
  let seed = DEFAULT_SEED;
  let density: CorpusDensity = 'news';
  let collector: Neo4jCollector = 'throughput';
  let profile = true;
  let tag: string | undefined;
  let nagle = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--articles':
        articles = numbers(argv[++i], arg);
        break;
      case '--entities':
        entities = numbers(argv[++i], arg);
        break;
      case '--duration':
        [duration] = numbers(argv[++i], arg);
        break;
      case '--connections':
        [connections] = numbers(argv[++i], arg);
        break;
      case '--per-article-max':
        [perArticleMax] = numbers(argv[++i], arg);
        break;
      case '--batch-size':
        [batchSize] = numbers(argv[++i], arg);
        break;
      case '--seed':
        [seed] = numbers(argv[++i], arg);
        break;
      case '--density': {
        const value = argv[++i];
        if (value !== 'news' && value !== 'dense')
          throw new Error(`--density needs news or dense, not ${value ?? 'nothing'}`);
        density = value;
        break;
      }
      case '--collector': {
        const value = argv[++i];
        if (value !== 'throughput' && value !== 'latency')
          throw new Error(`--collector needs throughput or latency, not ${value ?? 'nothing'}`);
        collector = value;
        break;
      }
      case '--no-profile':
        profile = false;
        break;
      case '--tag':
        tag = argv[++i];
        break;
      case '--nagle':
        nagle = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        process.exit(0);
        break;
      default:
        if (!(NAMES as readonly string[]).includes(arg))
          throw new Error(`unknown benchmark or option "${arg}"\n\n${USAGE}`);
        names.push(arg);
    }
  }
  return {
    names: names.length > 0 ? names : [...NAMES],
    seed,
    density,
    collector,
    profile,
    nagle,
    ...(articles ? { articles } : {}),
    ...(entities ? { entities } : {}),
    ...(duration ? { duration } : {}),
    ...(connections ? { connections } : {}),
    ...(perArticleMax ? { perArticleMax } : {}),
    ...(batchSize ? { batchSize } : {}),
    ...(tag ? { tag } : {}),
  };
}

async function runOne(name: string, args: BenchArgs): Promise<BenchResult[]> {
  switch (name) {
    case 'extract': {
      const { benchExtract } = await import('./extract.ts');
      return [
        await benchExtract({
          articles: args.articles?.[0] ?? 500,
          seed: args.seed,
          density: args.density,
          profile: args.profile,
        }),
      ];
    }
    case 'load': {
      const { benchLoad } = await import('./load.ts');
      return benchLoad({
        sizes: args.articles ?? [1000, 10_000],
        seed: args.seed,
        density: args.density,
        collector: args.collector,
        perArticleMax: args.perArticleMax ?? 1000,
        ...(args.batchSize ? { batchSize: args.batchSize } : {}),
      });
    }
    case 'write': {
      const { benchWrite } = await import('./write.ts');
      return [
        await benchWrite({
          articles: args.articles?.[0] ?? 5000,
          seed: args.seed,
          density: args.density,
          collector: args.collector,
          ...(args.batchSize ? { batchSize: args.batchSize } : {}),
        }),
      ];
    }
    case 'graphql': {
      const { benchGraphql } = await import('./graphql.ts');
      return benchGraphql({
        sizes: args.entities ?? [10_000, 100_000],
        durationS: args.duration ?? 8,
        connections: args.connections ?? 10,
        seed: args.seed,
        ...(args.tag ? { tag: args.tag } : {}),
        nagle: args.nagle,
      });
    }
    case 'render': {
      const { benchRender } = await import('./render-result.ts');
      return [await benchRender()];
    }
    case 'soak': {
      const { benchSoak } = await import('./soak.ts');
      return [
        await benchSoak({
          durationS: args.duration ?? 600,
          articles: args.articles?.[0] ?? 450,
          seed: args.seed,
          readClients: args.connections ?? 4,
          readsPerSecond: 2,
        }),
      ];
    }
    case 'startup': {
      const { benchStartup } = await import('./startup.ts');
      return [await benchStartup()];
    }
    default:
      throw new Error(`unknown benchmark ${name}`);
  }
}

function print(result: BenchResult): void {
  process.stdout.write(
    `\n${result.name} (${result.seconds} s, load ${result.loadStart.join(' ')} -> ${result.loadEnd.join(' ')})\n`,
  );
  for (const figure of result.figures) {
    const met = floorMet(figure);
    const floor = met === undefined ? '' : met ? '  [floor met]' : '  [FLOOR NOT MET]';
    process.stdout.write(`  ${figure.label}: ${Number(figure.value.toFixed(2))} ${figure.unit}${floor}\n`);
  }
  for (const note of result.notes ?? []) process.stdout.write(`  note: ${note}\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  process.stdout.write(`benchmarks: ${args.names.join(', ')} (load average ${load().join(' ')})\n`);
  for (const name of args.names) {
    const results = await runOne(name, args);
    for (const result of results) {
      const path = writeResult(result);
      print(result);
      process.stdout.write(`  -> ${path}\n`);
    }
    // Tables are regenerated after each benchmark, so an interrupted run still leaves what it measured.
    updateDocuments();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
