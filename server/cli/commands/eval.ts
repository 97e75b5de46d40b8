// `newsgraph eval gold [GOLD_DIR] [SEEDS_DIR]` scores extraction against the gold graphs; `eval ner [FILE]` scores the
// tagger; `eval relations [SPLIT|FILE]` scores the relation classifier (eval-relations.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../config.ts';
import { extractArticle } from '../../ingest/extract.ts';
import {
  type ArticleScore,
  type GoldGraph,
  type OverallScore,
  overallScore,
  type Prf,
  scoreArticle,
} from '../../nlp/gold.ts';
import { taggerProblem } from '../../nlp/ner-adapter.ts';

export const DEFAULT_GOLD_DIR = resolve(PROJECT_ROOT, '..', 'shared', 'gold');
export const DEFAULT_SEEDS_DIR = resolve(PROJECT_ROOT, '..', 'shared', 'seeds');

export interface GoldEvaluation {
  readonly articles: readonly ArticleScore[];
  readonly overall: OverallScore;
  /** Articles extracted per second (extraction only, not scoring). */
  readonly articlesPerSecond: number;
}

/** Extracts every seed that has a gold graph and scores it. Throws with a one-line message if a directory is missing. */
export function evaluateGold(goldDir = DEFAULT_GOLD_DIR, seedsDir = DEFAULT_SEEDS_DIR): GoldEvaluation {
  if (!existsSync(goldDir))
    throw new Error(
      `No gold directory at ${goldDir}: pass one, e.g. \`newsgraph eval gold ../shared/gold ../shared/seeds\``,
    );
  if (!existsSync(seedsDir))
    throw new Error(
      `No seeds directory at ${seedsDir}: pass one, e.g. \`newsgraph eval gold ../shared/gold ../shared/seeds\``,
    );
  const files = readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (files.length === 0) throw new Error(`No gold graphs (*.json) in ${goldDir}`);
  const articles: ArticleScore[] = [];
  const texts: string[] = [];
  for (const file of files) {
    const gold = JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as GoldGraph;
    const seed = join(seedsDir, gold.article ?? `${basename(file, '.json')}.txt`);
    if (!existsSync(seed)) throw new Error(`Gold ${file} names ${gold.article}, which is not in ${seedsDir}`);
    const text = readFileSync(seed, 'utf8');
    texts.push(text);
    articles.push(scoreArticle(gold, extractArticle({ text, source: seed })));
  }
  return { articles, overall: overallScore(articles), articlesPerSecond: measureSpeed(texts) };
}

/** Articles extracted per second on this thread, after the first pass warmed the caches (about one second of work). */
export function measureSpeed(texts: readonly string[], budgetMs = SPEED_BUDGET_MS): number {
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < budgetMs || count < texts.length) {
    extractArticle({ text: texts[count % texts.length] });
    count++;
  }
  return count / ((performance.now() - started) / 1000);
}

/** How long the speed measurement of `eval gold` runs. */
const SPEED_BUDGET_MS = 1000;

function pct(x: number): string {
  return x.toFixed(3);
}

function line(label: string, p: Prf): string {
  return `${label.padEnd(18)} P=${pct(p.precision)} R=${pct(p.recall)} F1=${pct(p.f1)}  (tp=${p.counts.tp} pred=${p.counts.predicted} gold=${p.counts.gold})`;
}

export function formatEvaluation(e: GoldEvaluation, verbose: boolean): string {
  const out: string[] = [];
  for (const a of e.articles) {
    out.push(`# ${a.article}`);
    out.push(line('entities (typed)', a.entitiesTyped));
    out.push(line('entities (untyped)', a.entitiesUntyped));
    out.push(line('relations', a.relations));
    out.push(
      `${'events'.padEnd(18)} recall=${pct(a.eventRecall.recall)}  (found=${a.eventRecall.counts.tp} gold=${a.eventRecall.counts.gold}, extracted=${a.eventRecall.counts.predicted})`,
    );
    if (verbose) {
      if (a.misses.entities.length) out.push(`  missed entities: ${a.misses.entities.join('; ')}`);
      if (a.misses.extraEntities.length) out.push(`  extra/mistyped entities: ${a.misses.extraEntities.join('; ')}`);
      if (a.misses.relations.length) out.push(`  missed relations: ${a.misses.relations.join('; ')}`);
      if (a.misses.extraRelations.length) out.push(`  extra relations: ${a.misses.extraRelations.join('; ')}`);
      if (a.misses.events.length) out.push(`  missed events: ${a.misses.events.join('; ')}`);
    }
    out.push('');
  }
  out.push('# overall (micro-averaged)');
  out.push(line('entities (typed)', e.overall.entitiesTyped));
  out.push(line('entities (untyped)', e.overall.entitiesUntyped));
  out.push(line('relations', e.overall.relations));
  out.push(
    `${'events'.padEnd(18)} recall=${pct(e.overall.eventRecall.recall)}  (found=${e.overall.eventRecall.counts.tp} gold=${e.overall.eventRecall.counts.gold})`,
  );
  out.push(
    `extraction speed   ${e.articlesPerSecond.toFixed(0)} articles/s (the gold articles, one thread, wall clock, NER model ${taggerProblem() ? 'not loaded' : 'included'})`,
  );
  return `${out.join('\n')}\n`;
}

// Scoring rules (server/nlp/gold.ts): names match case-insensitively with a genitive and a legal form removed,
// and any alias of either side may match; entities are aligned one-to-one (typed: the type must agree too);
// relations are compared as (from, type, to) through that alignment, CITES from "ARTICLE", CO_MENTIONED left
// out (it is not a typed relation); a gold event is found when an extracted event has the same kind and at
// least one participant in common, whatever its role. Totals are micro-averaged over articles.
const USAGE = `Usage:
  newsgraph eval gold [GOLD_DIR] [SEEDS_DIR] [--verbose] [--json]
      score extraction against the gold graphs (defaults ../shared/gold and ../shared/seeds);
      --verbose lists what was missed or extra, --json prints the full result
  newsgraph eval ner [FILE]
      score the NER tagger on a DaN+ file
  newsgraph eval relations [dev|train|FILE.jsonl] [--model PATH] [--confusions]
      score the relation classifier on the relation corpus (data/relations), per type and micro-averaged
`;

export async function run(args: string[]): Promise<number> {
  const [mode, ...rest] = args;
  if (mode === 'ner') {
    const module = (await import('./eval-ner.ts')) as { runNerEval(args: string[]): Promise<number> };
    return module.runNerEval(rest);
  }
  if (mode === 'relations') {
    const module = await import('./eval-relations.ts');
    return module.runRelationsEval(rest);
  }
  if (mode !== 'gold') {
    process.stderr.write(USAGE);
    return mode === undefined || mode === '--help' || mode === '-h' ? (mode ? 0 : 1) : 1;
  }
  const positional = rest.filter((a) => !a.startsWith('--'));
  const goldDir = positional[0] ? resolve(positional[0]) : DEFAULT_GOLD_DIR;
  const seedsDir = positional[1] ? resolve(positional[1]) : DEFAULT_SEEDS_DIR;
  let evaluation: GoldEvaluation;
  try {
    evaluation = evaluateGold(goldDir, seedsDir);
  } catch (error) {
    process.stderr.write(`newsgraph eval: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (rest.includes('--json')) process.stdout.write(`${JSON.stringify(evaluation, null, 2)}\n`);
  else process.stdout.write(formatEvaluation(evaluation, rest.includes('--verbose') || rest.includes('-v')));
  return 0;
}
