// The bulk loader prepares articles on worker threads, resolves them in order on the main thread and has the workers
// relate them: those steps, with structured clones (what worker messages do) between them, must extract what
// extractArticle does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../../bench/corpus.ts';
import {
  extractArticle,
  finishArticle,
  packResolution,
  prepareArticle,
  relateArticle,
  resolveArticle,
  unpackResolution,
} from '../../../server/ingest/extract.ts';
import type { KnownEntity } from '../../../server/model.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const textsIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => readFileSync(join(dir, f), 'utf8'))
    : [];
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

  // Every article is extracted several times over: more than the default 5 s on a busy machine; no speed is meant.
  it("gives extractArticle's graph, without known entities and with the entities of earlier articles", () => {
    const known: KnownEntity[] = [];
    const seen = new Set<string>();
    for (const text of texts) {
      const prepared = structuredClone(prepareArticle({ text }));
      expect(finishArticle(prepared)).toEqual(extractArticle({ text }));
      const graph = finishArticle(structuredClone(prepareArticle({ text })), known);
      expect(graph).toEqual(extractArticle({ text }, { known }));
      // As the bulk loader does it: the worker keeps its prepared article, the main thread gets a copy of the
      // typed mentions, resolves them and sends the resolution back packed.
      const inWorker = prepareArticle({ text });
      const { typed } = structuredClone({ typed: inWorker.typed });
      const packed = structuredClone(packResolution({ typed }, resolveArticle({ typed }, known)));
      expect(relateArticle(inWorker, unpackResolution(inWorker, packed))).toEqual(graph);
      // As the one-article path does it for a big graph: a first pass without known entities, then the real one,
      // both finishing the same prepared article (finishing must leave it as it was).
      const once = prepareArticle({ text });
      finishArticle(once, []);
      expect(finishArticle(once, known)).toEqual(graph);
      for (const e of graph.entities)
        if (!seen.has(e.id)) {
          seen.add(e.id);
          known.push({ id: e.id, type: e.type, name: e.name, aliases: e.aliases });
        }
    }
    // The known entities mattered: some article resolved a name to an earlier article's entity.
    expect(known.length).toBeLessThan(texts.reduce((n, text) => n + extractArticle({ text }).entities.length, 0));
  }, 120_000);
});
