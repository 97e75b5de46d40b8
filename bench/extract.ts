// Extraction benchmark: articles/s and tokens/s of extractArticle on one core, no database, plus a CPU profile of where the time goes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../server/config.ts';
import { type ExtractOptions, extractArticle } from '../server/ingest/extract.ts';
import type { KnownEntity } from '../server/model.ts';
import { tokenize } from '../server/nlp/tokenizer.ts';
import { type CorpusDensity, DEFAULT_SEED, syntheticCorpus } from './corpus.ts';
import { measureEdgeInputs } from './edge-inputs.ts';
import { type ProfileSummary, summariseProfile } from './profile.ts';
import { type BenchResult, load, machine } from './report.ts';

/**
 * The floor: synthetic articles per second on one core. Issue 15 set it at 150 with the learned relation and event
 * layers in (the rules-only extractor had 200).
 */
export const EXTRACT_FLOOR_ARTICLES_PER_S = 150;
/**
 * Articles extracted before timing starts: long enough for V8's optimising compiler to be done with the extractor.
 * Traced with `node --trace-opt --trace-deopt` over 2,000 synthetic articles in chunks of 100 (2026-12-07): the
 * first 100 articles cost 3.3 s of compiling (on the compiler's own thread), articles 100–500 another ~1.3 s with
 * 34 deoptimisations, articles 500–900 ~0.2 s, and from 900 on almost nothing (under 20 ms per 100 articles, no
 * deoptimisations): the rate per CPU-second settles there. Until then the compiler's work is a fifth of the process's
 * CPU, so a pass that starts earlier measures V8 warming up as much as the extractor. The articles come from another
 * seed than the measured ones; the warm-up's own early rate is reported as a figure of its own (EARLY_*).
 */
const WARM_UP_ARTICLES = 1000;
/** Seed offset of the warm-up corpus. */
const WARM_UP_SEED_OFFSET = 7919;
/** The warm-up is timed in chunks of this many articles: its curve goes into the details. */
const WARM_UP_CHUNK = 50;
/**
 * The early figure: warm-up articles EARLY_FROM..EARLY_FROM+EARLY_ARTICLES, the window this benchmark measured
 * before (after a 150-article warm-up), while the compiler is still busy. What a short-lived process (an ingest of a
 * few hundred articles) sees.
 */
const EARLY_FROM = 150;
const EARLY_ARTICLES = 500;
/** Longest a measured pass may run; the loop stops early rather than hold the machine. */
const MAX_PASS_MS = 120_000;

const SEEDS_DIR = join(PROJECT_ROOT, '..', 'shared', 'seeds');

/** The pipeline stages whose inclusive time the profile reports (function names in server/ingest and server/nlp). */
export const STAGES = [
  'readArticle',
  'cleanArticleDetailed',
  'detectMentions',
  'tokenize',
  'parseAnnouncement',
  'governmentMentions',
  'gazetteerMentions',
  'titledPersonMentions',
  'taggerMentions',
  'capitalisedMentions',
  'selectMentions',
  'echoMentions',
  'typeMentions',
  'buildKnownIndex',
  'resolveEntities',
  'buildContexts',
  'relate',
  'typedRelations',
  'extractEvents',
  'coMentions',
  'guessLanguage',
  'sha256Hex',
];

interface Pass {
  readonly articles: number;
  readonly tokens: number;
  readonly bytes: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly entities: number;
  readonly relations: number;
  readonly events: number;
}

/** The project's own real articles (demo, held-out and blind sets): Danish news text the warm-up never saw. */
function realTexts(): string[] {
  return ['data/articles', 'test/fixtures/heldout/articles', 'test/fixtures/blind/articles'].flatMap((dir) => {
    const path = join(PROJECT_ROOT, dir);
    return existsSync(path)
      ? readdirSync(path)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => readFileSync(join(path, f), 'utf8'))
      : [];
  });
}

function seedTexts(): string[] {
  if (!existsSync(SEEDS_DIR)) return [];
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'));
}

/** Extracts each text once, in order, timing wall and process CPU (main thread + GC helpers). */
function measure(texts: readonly string[], options: ExtractOptions = {}): Pass {
  const tokens = texts.reduce((n, t) => n + tokenize(t).length, 0);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  let entities = 0;
  let relations = 0;
  let events = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let done = 0;
  for (const text of texts) {
    const graph = extractArticle({ text }, options);
    entities += graph.entities.length;
    relations += graph.relations.length;
    events += graph.events.length;
    done++;
    if (performance.now() - t0 > MAX_PASS_MS) break;
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const share = done / texts.length;
  return {
    articles: done,
    tokens: Math.round(tokens * share),
    bytes: Math.round(bytes * share),
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    entities,
    relations,
    events,
  };
}

/** Entities of the corpus itself, as the graph would hold them after loading it: resolution's known list. */
function knownEntities(texts: readonly string[], count: number): KnownEntity[] {
  const byId = new Map<string, KnownEntity>();
  for (const text of texts) {
    if (byId.size >= count) break;
    for (const e of extractArticle({ text }).entities)
      byId.set(e.id, { id: e.id, type: e.type, name: e.name, aliases: e.aliases });
  }
  const extra = [...byId.values()];
  // Pad with invented companies so the list has the size the pipeline would pass.
  for (let i = 0; extra.length < count; i++)
    extra.push({ id: `company:bench-${i}`, type: 'Company', name: `Benchfirma ${i} ApS`, aliases: [] });
  return extra.slice(0, count);
}

function syntheticTexts(count: number, seed: number, density: CorpusDensity): string[] {
  return [...syntheticCorpus(count, { seed, density })].map((a) => a.text);
}

export interface ExtractBenchOptions {
  readonly articles: number;
  readonly seed: number;
  readonly density: CorpusDensity;
  /** Also run a profiled pass in a child process (node --cpu-prof). */
  readonly profile: boolean;
}

/**
 * Profiles extraction in a child process (the V8 CPU profiler, as node --cpu-prof uses, started after warm-up). The code is bundled with esbuild first (unminified, so function names stay) with a
 * `// path` marker per module: tsx's on-the-fly transform drops names and line structure, which makes a profile
 * of it unreadable.
 */
async function runProfile(count: number, seed: number, density: CorpusDensity): Promise<ProfileSummary | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-prof-'));
  try {
    const { build } = await import('esbuild');
    const bundle = join(dir, 'extract-profile.mjs');
    await build({
      entryPoints: [join(PROJECT_ROOT, 'bench', 'extract-profile-entry.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'error',
      // config.ts finds the project (data/, the NER model) from its own URL; the bundle lives elsewhere.
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(PROJECT_ROOT, 'server', 'config.ts')).href) },
    });
    const file = join(dir, 'extract.cpuprofile');
    const child = spawnSync(
      process.execPath,
      // The bench's own young-generation size (package.json), so the profile's collector share is the measured one.
      [
        ...process.execArgv.filter((a) => a.startsWith('--max-semi-space-size=')),
        bundle,
        String(count),
        String(seed),
        String(WARM_UP_ARTICLES),
        file,
        density,
      ],
      { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 10 * 60_000 },
    );
    if (child.status !== 0 || !existsSync(file)) {
      process.stderr.write(`profiling failed: ${child.stderr}\n`);
      return undefined;
    }
    return summariseProfile(file, STAGES, 25, bundle);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One timed chunk of the warm-up. */
interface WarmUpChunk {
  readonly from: number;
  readonly articles: number;
  readonly cpuMs: number;
  readonly wallMs: number;
}

/** Extracts the warm-up texts in timed chunks: how the rate climbs while V8 compiles. */
function warmUpCurve(texts: readonly string[]): WarmUpChunk[] {
  const chunks: WarmUpChunk[] = [];
  for (let from = 0; from < texts.length; from += WARM_UP_CHUNK) {
    const chunk = texts.slice(from, from + WARM_UP_CHUNK);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const text of chunk) extractArticle({ text });
    const cpu = process.cpuUsage(cpu0);
    chunks.push({
      from,
      articles: chunk.length,
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - t0,
    });
  }
  return chunks;
}

/** Articles per CPU-second over the warm-up chunks inside [from, from + count). */
function warmUpRate(chunks: readonly WarmUpChunk[], from: number, count: number): number {
  const inside = chunks.filter((c) => c.from >= from && c.from + c.articles <= from + count);
  const articles = inside.reduce((n, c) => n + c.articles, 0);
  const ms = inside.reduce((n, c) => n + c.cpuMs, 0);
  return articles / (ms / 1000);
}

export async function benchExtract(options: ExtractBenchOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const loadStart = load();
  const t0 = performance.now();
  const synthetic = syntheticTexts(options.articles, options.seed, options.density);
  const warmUp = warmUpCurve(syntheticTexts(WARM_UP_ARTICLES, options.seed + WARM_UP_SEED_OFFSET, options.density));

  // Three passes over three corpora of the same size (the requested seed and the next two), the median by CPU time
  // counting: one pass on this shared host moves by ±10-20% with the neighbours' load, a median of three much less.
  const corpusPasses = [
    synthetic,
    ...[1, 2].map((k) => syntheticTexts(options.articles, options.seed + k, options.density)),
  ].map((texts) => measure(texts));
  const corpus = [...corpusPasses].sort((a, b) => a.cpuMs / a.articles - b.cpuMs / b.articles)[1];
  const seeds = seedTexts();
  // The seeds are only three articles: repeat them to get a pass long enough to time. Real text takes code paths
  // the synthetic warm-up does not (first passes over the seeds ran much slower than the fourth), so they get a
  // warm-up of their own; that also leaves every seed word in the tagger's per-word cache, which the first pass
  // over the project's other real articles below does not have.
  const seedRepeats = Math.max(30, Math.ceil(options.articles / 5));
  const seedList = Array.from({ length: seedRepeats }, (_, i) => seeds[i % seeds.length]);
  if (seeds.length > 0) for (let round = 0; round < 3; round++) measure(seedList);
  const seedPass = seeds.length > 0 ? measure(seedList) : undefined;
  const real = realTexts();
  const realPass = real.length > 0 ? measure(real) : undefined;
  // Decomposition: the same corpus without the NER tagger (rules and gazetteers only), and with the 5,000 known
  // entities the pipeline hands resolution once a graph has that many (ALL_KNOWN_ENTITIES_MAX).
  const decompose = synthetic.slice(0, Math.min(synthetic.length, 150));
  // Each variant runs twice, in turn, and the faster pass counts: the real articles just before, and each switch of
  // variant, send V8 back to its compiler for a while (new code paths), which would land on whichever pass came first.
  const known = knownEntities(synthetic, 5000);
  const variants = [{}, { tagger: null }, { known }] as const satisfies readonly ExtractOptions[];
  const passes = [...variants, ...variants].map((options) => measure(decompose, options));
  const fastest = (i: number) => (passes[i].cpuMs <= passes[i + 3].cpuMs ? passes[i] : passes[i + 3]);
  const [baseline, rulesOnly, withKnown] = [fastest(0), fastest(1), fastest(2)];
  // The limits the unit tests only check the results of: the 2 MiB article, pathological text, tagger junk.
  const edges = measureEdgeInputs();
  const profile = options.profile
    ? await runProfile(Math.min(options.articles, 300), options.seed, options.density)
    : undefined;

  const rate = (p: Pass, ms: number) => p.articles / (ms / 1000);
  const figures = [
    {
      label: `synthetic articles/s per CPU-second (median of 3 passes of ${corpus.articles} articles, ~${Math.round(corpus.bytes / corpus.articles)} B, after ${WARM_UP_ARTICLES} warm-up articles)`,
      value: rate(corpus, corpus.cpuMs),
      unit: 'articles/s',
      floor: { atLeast: EXTRACT_FLOOR_ARTICLES_PER_S },
    },
    // Pinned to one core (`taskset -c 0 npm run bench -- extract`), V8's compiler and GC threads share that core,
    // so the wall-clock rate is the one-core rate; otherwise they run beside the main thread.
    {
      label: `synthetic articles/s, wall clock, ${availableParallelism() === 1 ? 'process pinned to one core' : `${availableParallelism()} cores available`}`,
      value: rate(corpus, corpus.wallMs),
      unit: 'articles/s',
      ...(availableParallelism() === 1 ? { floor: { atLeast: EXTRACT_FLOOR_ARTICLES_PER_S } } : {}),
    },
    {
      label: `synthetic articles/s per CPU-second early in a process (warm-up articles ${EARLY_FROM + 1}–${EARLY_FROM + EARLY_ARTICLES}, V8 still compiling)`,
      value: warmUpRate(warmUp, EARLY_FROM, EARLY_ARTICLES),
      unit: 'articles/s',
    },
    { label: 'synthetic tokens/s per CPU-second', value: corpus.tokens / (corpus.cpuMs / 1000), unit: 'tokens/s' },
    ...(seedPass
      ? [
          {
            label: `seed articles/s per CPU-second (3 seeds × ${Math.round(seedPass.articles / 3)}, after 3 warm-up passes)`,
            value: rate(seedPass, seedPass.cpuMs),
            unit: 'articles/s',
            floor: { atLeast: EXTRACT_FLOOR_ARTICLES_PER_S },
          },
          { label: 'seed tokens/s per CPU-second', value: seedPass.tokens / (seedPass.cpuMs / 1000), unit: 'tokens/s' },
        ]
      : []),
    ...(realPass
      ? [
          {
            label: `the project's other real articles, each once, no warm-up on them (${realPass.articles}, ~${Math.round(realPass.bytes / realPass.articles)} B): articles/s per CPU-second`,
            value: rate(realPass, realPass.cpuMs),
            unit: 'articles/s',
          },
        ]
      : []),
    {
      label: `NER tagger share of extraction CPU (${decompose.length} articles with vs without it)`,
      value: 100 * (1 - rulesOnly.cpuMs / baseline.cpuMs),
      unit: '%',
    },
    {
      label: 'synthetic articles/s per CPU-second, 5,000 known entities passed (as the pipeline does)',
      value: rate(withKnown, withKnown.cpuMs),
      unit: 'articles/s',
    },
    ...edges,
  ];
  const notes: string[] = [];
  if (profile) {
    const stage = (name: string) => profile.stages.find((s) => s.name === name)?.percent ?? 0;
    notes.push(
      `profile (node --cpu-prof, ${Math.min(options.articles, 300)} articles): mentions ${stage('detectMentions')}% ` +
        `(NER tagger ${stage('taggerMentions')}%, tokenizer ${stage('tokenize')}%), typing ${stage('typeMentions')}%, resolution ${stage('resolveEntities')}%, ` +
        `relations+events ${stage('relate')}%, cleaning ${stage('cleanArticleDetailed')}%; top self time: ` +
        profile.functions
          .slice(0, 5)
          .map((f) => `${f.name} (${f.where}) ${f.percent}%`)
          .join(', '),
    );
  }
  return {
    name: options.density === 'dense' ? 'extract-dense' : 'extract',
    command: `${availableParallelism() === 1 ? 'taskset -c 0 ' : ''}npm run bench -- extract --articles ${options.articles}${options.seed !== DEFAULT_SEED ? ` --seed ${options.seed}` : ''}${options.density !== 'news' ? ` --density ${options.density}` : ''}`,
    startedAt,
    seconds: Math.round((performance.now() - t0) / 1000),
    loadStart,
    loadEnd: load(),
    machine: machine(),
    params: { articles: options.articles, seed: options.seed, warmUp: WARM_UP_ARTICLES },
    figures,
    details: {
      synthetic: {
        ...corpus,
        passes: corpusPasses.map((p) => ({ cpuMs: p.cpuMs, wallMs: p.wallMs, articles: p.articles })),
        perArticle: {
          entities: corpus.entities / corpus.articles,
          relations: corpus.relations / corpus.articles,
          events: corpus.events / corpus.articles,
        },
      },
      warmUp: warmUp.map((c) => ({ ...c, articlesPerCpuSecond: c.articles / (c.cpuMs / 1000) })),
      seeds: seedPass,
      real: realPass,
      decomposition: { baseline, rulesOnly, withKnown5000: withKnown },
      profile,
    },
    notes,
  };
}
