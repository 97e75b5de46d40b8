// The whole pipeline (read -> extract -> load) on real article files: the seed articles and the loader fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../server/ingest/files.ts';
import { ingestArticle } from '../../server/ingest/pipeline.ts';
import { FIXTURES_DIR, graphCounts, seedFiles, useTestApp } from '../support/app.ts';

const app = useTestApp();

async function rows<T = Record<string, any>>(cypher: string): Promise<T[]> {
  const session = app.database.driver.session();
  try {
    return (await session.run(cypher)).records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

const FIXTURES = ['huawei-eksport.txt', 'huawei-danmark.txt'].map((f) => join(FIXTURES_DIR, f));

describe('two fixture articles about Huawei', () => {
  for (const [path, allKnownEntitiesMax] of [
    ['all known entities', undefined],
    ['full-text look-up of candidates', 0],
  ] as const) {
    it(`resolve to one Huawei node (${path})`, async () => {
      const deps = { ...app.pipeline, ...(allKnownEntitiesMax !== undefined ? { allKnownEntitiesMax } : {}) };
      const first = await ingestArticle(deps, { content: readFileSync(FIXTURES[0]), source: FIXTURES[0] });
      const second = await ingestArticle(deps, { content: readFileSync(FIXTURES[1]), source: FIXTURES[1] });
      expect([first.status, second.status]).toEqual(['new', 'new']);
      expect(second.mergedNodeIds).toContain('company:huawei');

      const huawei = await rows(
        "MATCH (e:Entity) WHERE toLower(e.name) = 'huawei' RETURN e.id AS id, labels(e) AS labels, e.mentionCount AS mentionCount, COUNT { (:Article)-[:MENTIONS]->(e) } AS articles",
      );
      expect(huawei).toHaveLength(1);
      expect(huawei[0].labels).toContain('Company');
      expect(Number(huawei[0].articles)).toBe(2);
      const mentions = await rows(
        "MATCH (:Article)-[m:MENTIONS]->(:Entity {id: 'company:huawei'}) RETURN sum(m.count) AS total",
      );
      expect(Number(huawei[0].mentionCount)).toBe(Number(mentions[0].total));
    });
  }

  it('the same file twice is unchanged and skips extraction', async () => {
    await ingestArticle(app.pipeline, { content: readFileSync(FIXTURES[0]), source: FIXTURES[0] });
    const before = await graphCounts(app.database);
    const again = await ingestArticle(app.pipeline, { content: readFileSync(FIXTURES[0]), source: FIXTURES[0] });
    expect(again.status).toBe('unchanged');
    expect(await graphCounts(app.database)).toEqual(before);
  });

  it('bad files fail with a clear error and write nothing', async () => {
    await expect(
      ingestArticle(app.pipeline, { content: new Uint8Array([0, 1, 2, 3, 0, 0]), source: 'binary.txt' }),
    ).rejects.toMatchObject({ code: 'BINARY_INPUT' });
    await expect(ingestArticle(app.pipeline, { content: '  \n\n ', source: 'empty.txt' })).rejects.toMatchObject({
      code: 'EMPTY_TEXT',
    });
    await expect(
      ingestArticle(
        { ...app.pipeline, maxArticleBytes: 100 },
        { content: readFileSync(FIXTURES[0]), source: 'big.txt' },
      ),
    ).rejects.toMatchObject({ code: 'TEXT_TOO_LARGE' });
    expect(await graphCounts(app.database)).toEqual({ nodes: 0, relationships: 0 });
  });
});

describe('the seed articles', () => {
  const seeds = seedFiles();
  it.skipIf(seeds.length === 0)(
    'load with provenance on every fact, merge across articles, and reload as unchanged (needs ../shared/seeds)',
    async () => {
      const outcomes = await ingestFiles(app.pipeline, seeds);
      expect(outcomes.map((o) => o.ok && o.summary.status)).toEqual(seeds.map(() => 'new'));

      // Every extracted relationship and every event carries articleIds, evidence and confidence.
      const unprovenanced = await rows(`MATCH ()-[r]->() WHERE NOT type(r) IN ['MENTIONS', 'REPORTS']
      AND (size(coalesce(r.articleIds, [])) = 0 OR size(coalesce(r.evidence, [])) = 0 OR r.confidence IS NULL) RETURN type(r) AS type`);
      expect(unprovenanced).toEqual([]);
      expect(
        await rows(
          'MATCH (ev:Event) WHERE size(coalesce(ev.articleIds, [])) = 0 OR size(coalesce(ev.evidence, [])) = 0 RETURN ev.id',
        ),
      ).toEqual([]);
      // Every evidence sentence is in one of the articles the relationship names.
      const orphanEvidence = await rows(`MATCH ()-[r]->() WHERE r.evidence IS NOT NULL
      UNWIND r.evidence AS sentence
      WITH r, sentence WHERE NOT EXISTS { MATCH (a:Article) WHERE a.id IN r.articleIds AND a.text CONTAINS sentence }
      RETURN type(r) AS type, sentence`);
      expect(orphanEvidence).toEqual([]);

      // Huawei (in all three seeds) is one node, mentioned by every seed.
      const huawei = await rows(
        "MATCH (e:Company) WHERE toLower(e.name) = 'huawei' RETURN COUNT { (:Article)-[:MENTIONS]->(e) } AS articles",
      );
      expect(huawei).toHaveLength(1);
      expect(Number(huawei[0].articles)).toBe(seeds.length);
      // Some fact is stated by two seeds: one relationship, both articles and both sentences on it.
      // (Two articles may share the very same sentence, e.g. a "Læs også" headline: then it is listed once.)
      const shared = await rows(`MATCH ()-[r]->() WHERE size(coalesce(r.articleIds, [])) >= 2
      RETURN size(r.evidence) AS sentences,
             all(id IN r.articleIds WHERE EXISTS { MATCH (a:Article {id: id}) WHERE any(s IN r.evidence WHERE a.text CONTAINS s) }) AS everyArticleHasEvidence`);
      expect(shared.length).toBeGreaterThan(0);
      expect(shared.every((r) => r.everyArticleHasEvidence)).toBe(true);
      expect(shared.some((r) => Number(r.sentences) >= 2)).toBe(true);
      // No relationship is duplicated between the same two nodes.
      expect(
        await rows('MATCH (a)-[r]->(b) WITH a, b, type(r) AS type, count(*) AS n WHERE n > 1 RETURN a.id, type, b.id'),
      ).toEqual([]);

      const before = await graphCounts(app.database);
      const again = await ingestFiles(app.pipeline, seeds);
      expect(again.map((o) => o.ok && o.summary.status)).toEqual(seeds.map(() => 'unchanged'));
      expect(await graphCounts(app.database)).toEqual(before);
    },
  );
});
