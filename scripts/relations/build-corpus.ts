// Builds the derived files of the relation corpus from what annotators wrote, checks them, and prints its counts.
//   data/relations/danplus/*.jsonl            DaN+ sentences, annotated in place (the source of truth)
//   data/relations/articles/<split>/*.ann.json the project's own articles, annotated per sentence
// writes
//   data/relations/articles-<split>.jsonl      the articles' sentences in the corpus format (token spans)
//   data/relations/articles/<split>/gold/*.json their article-level gold graphs, for `newsgraph eval gold`
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type ArticleAnnotation,
  type CorpusSentence,
  corpusCounts,
  goldGraphFromAnnotation,
  sentencesFromAnnotation,
  validateSentence,
} from '../../server/nlp/relations/corpus.ts';
import { loadDanplus } from '../../server/nlp/relations/train.ts';

const ROOT = join(import.meta.dirname, '..', '..', 'data', 'relations');
const SPLITS = ['train', 'dev', 'test'] as const;

const problems: string[] = [];
const table: [string, ReturnType<typeof corpusCounts>][] = [];
const everything: CorpusSentence[] = [];
for (const split of SPLITS) {
  const danplus = loadDanplus(split);
  const articleDir = join(ROOT, 'articles', split);
  const articles: CorpusSentence[] = [];
  const annotations = existsSync(articleDir)
    ? readdirSync(articleDir)
        .filter((f) => f.endsWith('.ann.json'))
        .sort()
    : [];
  mkdirSync(join(articleDir, 'gold'), { recursive: true });
  for (const file of annotations) {
    const annotation = JSON.parse(readFileSync(join(articleDir, file), 'utf8')) as ArticleAnnotation;
    const text = readFileSync(join(articleDir, annotation.article), 'utf8');
    for (const s of annotation.sentences)
      if (!text.includes(s.text)) problems.push(`${file}: sentence not in the article: ${s.text.slice(0, 60)}`);
    try {
      articles.push(...sentencesFromAnnotation(annotation, `article-${split}-${basename(file, '.ann.json')}`));
    } catch (error) {
      problems.push((error as Error).message);
    }
    const gold = goldGraphFromAnnotation(annotation);
    writeFileSync(
      join(articleDir, 'gold', `${basename(annotation.article, '.txt')}.json`),
      `${JSON.stringify(gold, null, 1)}\n`,
    );
  }
  writeFileSync(
    join(ROOT, `articles-${split}.jsonl`),
    articles.map((s) => JSON.stringify(s)).join('\n') + (articles.length ? '\n' : ''),
  );
  for (const s of [...danplus, ...articles]) problems.push(...validateSentence(s));
  everything.push(...danplus, ...articles);
  table.push(
    [`DaN+ ${split}`, corpusCounts(danplus)],
    [`articles ${split}`, corpusCounts(articles)],
    [`all ${split}`, corpusCounts([...danplus, ...articles])],
  );
}

const types = [...new Set(table.flatMap(([, c]) => Object.keys(c.byType)))].sort();
console.log(['part', 'sentences', 'pairs', 'ARTICLE pairs', 'labelled pairs', 'relations', ...types].join('\t'));
for (const [name, c] of table)
  console.log(
    [name, c.sentences, c.pairs, c.articlePairs, c.positives, c.relations, ...types.map((t) => c.byType[t] ?? 0)].join(
      '\t',
    ),
  );
const all = corpusCounts(everything);
console.log(
  [
    'total',
    all.sentences,
    all.pairs,
    all.articlePairs,
    all.positives,
    all.relations,
    ...types.map((t) => all.byType[t] ?? 0),
  ].join('\t'),
);
if (problems.length > 0) {
  console.error(`${problems.length} problems:\n${problems.slice(0, 50).join('\n')}`);
  process.exitCode = 1;
}
