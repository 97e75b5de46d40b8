// Inter-annotator agreement on the relation corpus: draws a reproducible random sample of candidate pairs for a
// second annotator (who sees only the sentence and the two marked ends), then scores the two annotations.
//   npx tsx scripts/relations/agreement.ts sample [N] [--from-article K] > task.jsonl
//       (seeded: the same N pairs every time; --from-article K draws only from the articles numbered K and up)
//   npx tsx scripts/relations/agreement.ts score task.jsonl answers.jsonl
import { readFileSync } from 'node:fs';
import { seededRandom } from '../../server/nlp/random.ts';
import { type CandidatePair, type CorpusSentence, candidatePairs } from '../../server/nlp/relations/corpus.ts';
import { loadCorpus } from '../../server/nlp/relations/train.ts';

const SEED = 20261206;

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Every annotated sentence: DaN+ (its files in name order: dev, then train), then the articles, train and dev. */
function allSentences(): CorpusSentence[] {
  const [train, dev] = [loadCorpus('train'), loadCorpus('dev')];
  return [...dev.danplus, ...train.danplus, ...train.articles, ...dev.articles];
}

/** The sentences of the articles numbered `from` and up, in every split ("article-test-148-…-003" is article 148). */
function articleSentencesFrom(from: number): CorpusSentence[] {
  const [train, dev, test] = [loadCorpus('train'), loadCorpus('dev'), loadCorpus('test')];
  return [...train.articles, ...dev.articles, ...test.articles].filter(
    (s) => Number(/^article-[a-z]+-(\d+)-/.exec(s.id)?.[1] ?? -1) >= from,
  );
}

function mark(s: CorpusSentence, pair: CandidatePair): string {
  const tokens = [...s.tokens];
  const wrap = (i: number, open: string, close: string) => {
    const e = s.entities[i];
    tokens[e.start] = `${open}${tokens[e.start]}`;
    tokens[e.end - 1] = `${tokens[e.end - 1]}${close}`;
  };
  if (pair.from !== 'ARTICLE') wrap(pair.from, '[[FROM: ', ']]');
  wrap(pair.to, '[[TO: ', ']]');
  return tokens.join(' ');
}

const [command, ...args] = process.argv.slice(2);
if (command === 'sample') {
  const fromAt = args.indexOf('--from-article');
  const n = Number(args.find((a, i) => !a.startsWith('--') && i !== fromAt + 1) ?? 150);
  const sentences = fromAt >= 0 ? articleSentencesFrom(Number(args[fromAt + 1])) : allSentences();
  const pairs = sentences.flatMap(candidatePairs);
  const next = seededRandom(SEED);
  // Partial Fisher-Yates: the first n of a seeded shuffle.
  const order = pairs.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(next() * (order.length - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const [k, i] of order.slice(0, n).entries()) {
    const p = pairs[i];
    const from = p.from === 'ARTICLE' ? 'ARTICLE' : p.sentence.entities[p.from].text;
    process.stdout.write(
      `${JSON.stringify({ item: k, sentence: p.sentence.id, from, to: p.sentence.entities[p.to].text, marked: mark(p.sentence, p), label: p.label })}\n`,
    );
  }
} else if (command === 'score') {
  const gold = readJsonl<{ item: number; label: string }>(args[0]);
  const second = new Map(readJsonl<{ item: number; label: string }>(args[1]).map((a) => [a.item, a.label]));
  const pairs = gold.filter((g) => second.has(g.item)).map((g) => [g.label, second.get(g.item)!] as const);
  const labels = [...new Set(pairs.flat())].sort();
  const n = pairs.length;
  const agree = pairs.filter(([a, b]) => a === b).length;
  const pa = agree / n;
  let pe = 0;
  for (const l of labels)
    pe += (pairs.filter(([a]) => a === l).length / n) * (pairs.filter(([, b]) => b === l).length / n);
  const kappa = (pa - pe) / (1 - pe);
  const relationOrNot = pairs.map(([a, b]) => [a === 'NONE', b === 'NONE'] as const);
  const pa2 = relationOrNot.filter(([a, b]) => a === b).length / n;
  const pYes1 = relationOrNot.filter(([a]) => !a).length / n;
  const pYes2 = relationOrNot.filter(([, b]) => !b).length / n;
  const pe2 = pYes1 * pYes2 + (1 - pYes1) * (1 - pYes2);
  console.log(`items ${n}, observed agreement ${pa.toFixed(3)}, Cohen's kappa (19 labels) ${kappa.toFixed(3)}`);
  console.log(`relation vs none: agreement ${pa2.toFixed(3)}, kappa ${((pa2 - pe2) / (1 - pe2)).toFixed(3)}`);
  console.log(
    `relations: first annotator ${pairs.filter(([a]) => a !== 'NONE').length}, second ${pairs.filter(([, b]) => b !== 'NONE').length}`,
  );
  for (const [a, b] of pairs) if (a !== b) console.log(`  disagree: first ${a}, second ${b}`);
} else {
  console.error('usage: agreement.ts sample [N] | score TASK ANSWERS');
  process.exitCode = 2;
}
