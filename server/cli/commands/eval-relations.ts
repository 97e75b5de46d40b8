// `newsgraph eval relations [FILE|SPLIT]`: scores the relation classifier on corpus sentences (gold entity spans),
// per relation type and micro-averaged, CO_MENTIONED excluded (it is no label); also candidate pairs per second.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { extractArticle } from '../../ingest/extract.ts';
import { matchKeys } from '../../nlp/names.ts';
import type { CorpusSentence } from '../../nlp/relations/corpus.ts';
import { candidatePairs } from '../../nlp/relations/corpus.ts';
import { lowerTokens } from '../../nlp/relations/features.ts';
import { loadRelationModel } from '../../nlp/relations/load.ts';
import type { RelationModel } from '../../nlp/relations/model.ts';
import { classifyPair, endOf, type PairScores, pairSentence, scorePairs } from '../../nlp/relations/score.ts';
import { formatScores, loadCorpus } from '../../nlp/relations/train.ts';

interface Tally {
  gold: number;
  predicted: number;
  correct: number;
}

/**
 * The whole extractor on each corpus sentence alone: its typed relations (CO_MENTIONED left out) against the gold,
 * a relation counting when its type matches and both ends' names or aliases match the gold spans' text. This is
 * what a user gets, entity finding and resolution included, unlike the classifier score on gold entity spans.
 */
export function pipelineScores(sentences: readonly CorpusSentence[]): Map<string, Tally> {
  const tally = new Map<string, Tally>();
  const of = (type: string) => {
    let t = tally.get(type);
    if (!t) tally.set(type, (t = { gold: 0, predicted: 0, correct: 0 }));
    return t;
  };
  for (const s of sentences) {
    const graph = extractArticle({ text: s.text, title: 'Korpussætning' });
    // Names compared as `eval gold` compares them (matchKeys: case, legal form and genitive off).
    const forms = (id: string) => {
      if (id === 'ARTICLE') return ['article'];
      const e = graph.entities.find((x) => x.id === id);
      return e ? [e.name, ...e.aliases].flatMap(matchKeys) : [];
    };
    const predicted = graph.relations
      .filter((r) => r.type !== 'CO_MENTIONED')
      .map((r) => ({ type: r.type, from: forms(r.fromId), to: forms(r.toId) }));
    const used = new Set<number>();
    const span = (i: number | 'ARTICLE') =>
      i === 'ARTICLE' ? ['article'] : matchKeys(s.tokens.slice(s.entities[i].start, s.entities[i].end).join(' '));
    for (const r of s.relations) {
      of(r.type).gold++;
      const a = span(r.from);
      const b = span(r.to);
      const k = predicted.findIndex(
        (p, i) =>
          !used.has(i) && p.type === r.type && a.some((x) => p.from.includes(x)) && b.some((x) => p.to.includes(x)),
      );
      if (k >= 0) {
        used.add(k);
        of(r.type).correct++;
      }
    }
    for (const p of predicted) of(p.type).predicted++;
  }
  return tally;
}

function formatPipeline(title: string, tally: Map<string, Tally>): string {
  const f1 = (t: Tally) => {
    const p = t.predicted ? t.correct / t.predicted : 0;
    const r = t.gold ? t.correct / t.gold : 0;
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const line = (name: string, t: Tally) => {
    const { p, r, f } = f1(t);
    const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
    return `  ${name.padEnd(14)} P ${pct(p)}  R ${pct(r)}  F1 ${pct(f)}  (gold ${t.gold}, predicted ${t.predicted})`;
  };
  const micro = { gold: 0, predicted: 0, correct: 0 };
  for (const t of tally.values()) {
    micro.gold += t.gold;
    micro.predicted += t.predicted;
    micro.correct += t.correct;
  }
  const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => line(k, t));
  return [title, ...rows, line('micro', micro)].join('\n');
}

const USAGE = `Usage: newsgraph eval relations [dev|train|test|FILE.jsonl] [--model PATH] [--confusions] [--pipeline]
  scores the relation classifier on a corpus split (default dev: the project's own dev articles and the DaN+ dev
  sentences, reported apart) or on one JSONL file of corpus sentences (data/relations/README.md gives the format)
  --pipeline  also runs the whole extractor on each sentence alone (its own entities, rules and classifier, as a user
              gets them) and scores its typed relations against the gold, ends matched by name or alias as
              eval gold matches them
`;

/** Candidate pairs classified per second, features included, on one thread (after one warm-up pass). */
export function pairsPerSecond(model: RelationModel, sentences: readonly CorpusSentence[], budgetMs = 1000): number {
  // As extraction does: each sentence lowercased once, each pair's features made and scored by classifyPair.
  const jobs = sentences.flatMap((s) => {
    const view = pairSentence(s);
    const lower = lowerTokens(s.tokens);
    return candidatePairs(s).map((p) => ({
      view,
      lower,
      from: p.from === 'ARTICLE' ? null : endOf(s, p.from),
      to: endOf(s, p.to),
    }));
  });
  if (jobs.length === 0) return 0;
  let done = 0;
  const started = performance.now();
  while (performance.now() - started < budgetMs) {
    for (const { view, lower, from, to } of jobs) classifyPair(model, view, lower, from, to);
    done += jobs.length;
  }
  return done / ((performance.now() - started) / 1000);
}

function report(title: string, scores: PairScores, confusions: boolean): string {
  const text = formatScores(title, scores);
  if (!confusions) return text;
  return `${text}\n  most frequent errors (gold -> predicted):\n${scores.confusions
    .slice(0, 15)
    .map(([c, n]) => `    ${String(n).padStart(4)}  ${c}`)
    .join('\n')}`;
}

export async function runRelationsEval(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const modelAt = args.indexOf('--model');
  const modelPath = modelAt >= 0 ? args[modelAt + 1] : undefined;
  const positional = args.filter((a, i) => !a.startsWith('--') && !(modelAt >= 0 && i === modelAt + 1));
  const target = positional[0] ?? 'dev';
  const confusions = args.includes('--confusions');
  let model: RelationModel;
  try {
    model = loadRelationModel(modelPath);
  } catch (error) {
    process.stderr.write(`newsgraph eval relations: ${(error as Error).message}\n`);
    return 1;
  }
  const parts: [string, CorpusSentence[]][] = [];
  if (target === 'dev' || target === 'train' || target === 'test') {
    const corpus = loadCorpus(target);
    parts.push([`${target}, own articles`, corpus.articles], [`${target}, DaN+ sentences`, corpus.danplus]);
  } else {
    const file = resolve(target);
    if (!existsSync(file)) {
      process.stderr.write(`newsgraph eval relations: no file ${file}\n${USAGE}`);
      return 1;
    }
    parts.push([
      file,
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as CorpusSentence),
    ]);
  }
  for (const [title, sentences] of parts) {
    if (sentences.length === 0) continue;
    process.stdout.write(
      `${report(`${title} (${sentences.length} sentences):`, scorePairs(model, sentences), confusions)}\n\n`,
    );
    if (args.includes('--pipeline'))
      process.stdout.write(
        `${formatPipeline(`${title}, the whole extractor on each sentence alone (entities its own):`, pipelineScores(sentences))}\n\n`,
      );
  }
  const speed = pairsPerSecond(
    model,
    parts.flatMap(([, s]) => s),
  );
  process.stdout.write(
    `classifier speed   ${Math.round(speed).toLocaleString('en-US')} candidate pairs/s (features included, one thread)\n`,
  );
  return 0;
}
