// `newsgraph eval relations [FILE|SPLIT]`: scores the relation classifier on corpus sentences (gold entity spans),
// per relation type and micro-averaged, CO_MENTIONED excluded (it is no label); also candidate pairs per second.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CorpusSentence } from '../../nlp/relations/corpus.ts';
import { candidatePairs } from '../../nlp/relations/corpus.ts';
import { lowerTokens } from '../../nlp/relations/features.ts';
import { loadRelationModel } from '../../nlp/relations/load.ts';
import type { RelationModel } from '../../nlp/relations/model.ts';
import { classifyPair, endOf, type PairScores, pairSentence, scorePairs } from '../../nlp/relations/score.ts';
import { formatScores, loadCorpus } from '../../nlp/relations/train.ts';

const USAGE = `Usage: newsgraph eval relations [dev|train|test|FILE.jsonl] [--model PATH] [--confusions]
  scores the relation classifier on a corpus split (default dev: the project's own dev articles and the DaN+ dev
  sentences, reported apart) or on one JSONL file of corpus sentences (data/relations/README.md gives the format)
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
