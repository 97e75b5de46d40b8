// The bulk loader prepares articles on worker threads and finishes them in order on the main thread: the two
// halves, with a structured clone (what a worker message does) between them, must extract what extractArticle does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../../bench/corpus.ts';
import { extractArticle, finishArticle, prepareArticle } from '../../../server/ingest/extract.ts';
import type { KnownEntity } from '../../../server/ingest/types.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const textsIn = (dir: string) => (existsSync(dir)
  ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'))
  : []);
const texts = [
  ...textsIn(join(ROOT, 'data', 'articles')),
  ...textsIn(join(ROOT, 'test', 'fixtures', 'articles')),
  ...textsIn(join(ROOT, 'test', 'fixtures', 'blind', 'articles')),
  // Generated articles share names across articles, so resolution against known entities has work to do.
  ...[...syntheticCorpus(30, { seed: 11 })].map((a) => a.text),
];

describe('prepareArticle, a structured clone, then finishArticle', () => {
  it('has articles to compare', () => {
    expect(texts.length).toBeGreaterThan(40);
  });

  it('gives extractArticle\'s graph, without known entities and with the entities of earlier articles', () => {
    const known: KnownEntity[] = [];
    const seen = new Set<string>();
    for (const text of texts) {
      const prepared = structuredClone(prepareArticle({ text }));
      expect(finishArticle(prepared)).toEqual(extractArticle({ text }));
      const graph = finishArticle(structuredClone(prepareArticle({ text })), known);
      expect(graph).toEqual(extractArticle({ text }, { known }));
      for (const e of graph.entities) if (!seen.has(e.id)) { seen.add(e.id); known.push({ id: e.id, type: e.type, name: e.name, aliases: e.aliases }); }
    }
    // The known entities mattered: some article resolved a name to an earlier article's entity.
    expect(known.length).toBeLessThan(texts.reduce((n, text) => n + extractArticle({ text }).entities.length, 0));
  });
});
