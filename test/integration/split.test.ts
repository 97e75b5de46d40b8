// Splitting a merge against the real Neo4j: merge then split gives back the same graph, nested merges unwind newest
// first, and what articles loaded after the merge added stays with the kept entity.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/config.ts';
import { loadArticleGraph } from '../../server/ingest/load/index.ts';
import { ingestArticle } from '../../server/ingest/pipeline.ts';
import type { ArticleGraph } from '../../server/model.ts';
import {
  huaweiDuplicateGraph,
  huaweiFollowUpGraph,
  huaweiLinkGraph,
  huaweiSanctionGraph,
} from '../fixtures/loader/graphs.ts';
import { type FileTestApp, useTestApp } from '../support/app.ts';

const app = useTestApp();

/** Every node and relationship with labels, type and typed properties, in one sorted, comparable form. */
async function snapshot(testApp: FileTestApp): Promise<{ nodes: string[]; relationships: string[] }> {
  const session = testApp.database.driver.session();
  const typed = (v: string) => `[k IN keys(${v}) | [k, ${v}[k], valueType(${v}[k])]]`;
  try {
    const nodes = await session.run(`MATCH (n) RETURN labels(n) AS labels, ${typed('n')} AS props`);
    const rels = await session.run(
      `MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, ${typed('r')} AS props`,
    );
    const canonical = (row: Record<string, unknown>) =>
      JSON.stringify(row, (key, value) => {
        if (key === 'labels' && Array.isArray(value)) return [...value].sort();
        if (key === 'props' && Array.isArray(value)) return [...value].sort((x, y) => String(x[0]).localeCompare(y[0]));
        if (value && typeof value === 'object' && 'low' in value && 'high' in value) return `int:${value.low}`;
        return value;
      });
    return {
      nodes: nodes.records.map((r) => canonical(r.toObject())).sort(),
      relationships: rels.records.map((r) => canonical(r.toObject())).sort(),
    };
  } finally {
    await session.close();
  }
}

const BOTH_SENTENCE = 'Huawei Technologies er en del af Huawei og har kontor i Aarhus, hvor USA også rammer Huawei.';

/**
 * An article naming both Huawei and its duplicate "Huawei Technologies": a relationship between the two (PART_OF
 * and a co-mention), and neighbours both have (Aarhus, USA's sanction, Ren Zhengfei, the sanction event), so a
 * merge drops, absorbs and moves relationships.
 */
function bothGraph(): ArticleGraph {
  const base = huaweiDuplicateGraph();
  const text = `Huawei og Huawei Technologies\n\n${BOTH_SENTENCE}`;
  return {
    article: {
      ...base.article,
      id: 'article:huawei-begge',
      title: 'Huawei og Huawei Technologies',
      url: 'https://example.dk/article:huawei-begge',
      text,
      sha256: 'b'.repeat(64),
      sentences: [
        { index: 0, text: 'Huawei og Huawei Technologies', section: 'body', start: 0 },
        { index: 1, text: BOTH_SENTENCE, section: 'body', start: text.indexOf(BOTH_SENTENCE) },
      ],
    },
    entities: [
      { id: 'company:huawei', type: 'Company', name: 'Huawei', aliases: [], mentions: 2, section: 'body' },
      {
        id: 'company:huawei-technologies',
        type: 'Company',
        name: 'Huawei Technologies',
        aliases: ['HT'],
        mentions: 2,
        section: 'body',
      },
      { id: 'place:aarhus', type: 'Place', name: 'Aarhus', aliases: [], mentions: 1, section: 'body' },
      { id: 'government:usa', type: 'Government', name: 'USA', aliases: [], mentions: 1, section: 'body' },
      { id: 'person:ren-zhengfei', type: 'Person', name: 'Ren Zhengfei', aliases: [], mentions: 1, section: 'body' },
    ],
    relations: [
      rel('company:huawei-technologies', 'PART_OF', 'company:huawei', 0.8),
      rel('company:huawei', 'CO_MENTIONED', 'company:huawei-technologies', 0.5, { weight: 1 }),
      rel('company:huawei-technologies', 'LOCATED_IN', 'place:aarhus', 0.6),
      rel('government:usa', 'SANCTIONS', 'company:huawei-technologies', 0.95),
      rel('person:ren-zhengfei', 'HEADS', 'company:huawei-technologies', 0.5, { title: 'direktør' }),
    ],
    events: [
      {
        id: 'event:sanction-usa-huawei',
        kind: 'SANCTION',
        summary: 'USA indfører sanktioner mod Huawei',
        date: null,
        dateText: null,
        participants: [
          { entityId: 'government:usa', role: 'agent' },
          { entityId: 'company:huawei-technologies', role: 'target' },
        ],
        evidence: BOTH_SENTENCE,
        sentenceIndex: 1,
        confidence: 0.7,
      },
    ],
  };
}

function rel(
  fromId: string,
  type: ArticleGraph['relations'][number]['type'],
  toId: string,
  confidence: number,
  props: ArticleGraph['relations'][number]['props'] = {},
): ArticleGraph['relations'][number] {
  return { fromId, type, toId, evidence: BOTH_SENTENCE, sentenceIndex: 1, props, confidence };
}

async function loadFixtures(): Promise<void> {
  for (const graph of [huaweiSanctionGraph(), huaweiFollowUpGraph(), huaweiDuplicateGraph(), huaweiLinkGraph()])
    await loadArticleGraph(app.repositories, graph);
  await loadArticleGraph(app.repositories, bothGraph());
}

async function entityIds(): Promise<string[]> {
  const session = app.database.driver.session();
  try {
    const result = await session.run('MATCH (e:Entity) RETURN e.id AS id ORDER BY id');
    return result.records.map((r) => String(r.get('id')));
  } finally {
    await session.close();
  }
}

describe('splitting a merge', () => {
  it('merge then split gives back the same graph (relationship between the two, shared neighbours)', async () => {
    await loadFixtures();
    const before = await snapshot(app);

    const merged = await app.repositories.entities.merge('company:huawei', ['company:huawei-technologies']);
    const during = await snapshot(app);
    expect(during).not.toEqual(before);
    expect(await entityIds()).not.toContain('company:huawei-technologies');

    const history = await app.repositories.entities.mergeHistory('company:huawei');
    expect(history).toEqual([
      {
        mergeId: merged.mergeId,
        mergedAt: expect.any(String),
        absorbed: [{ id: 'company:huawei-technologies', name: 'Huawei Technologies', label: 'Company' }],
      },
    ]);

    const split = await app.repositories.entities.split('company:huawei');
    expect(split).toMatchObject({
      keptId: 'company:huawei',
      mergeId: merged.mergeId,
      restoredIds: ['company:huawei-technologies'],
      relationshipsNotRestored: 0,
    });
    expect(split.relationshipsRestored).toBeGreaterThanOrEqual(8);
    expect(await snapshot(app)).toEqual(before);
    expect(await app.repositories.entities.mergeHistory('company:huawei')).toEqual([]);
  });

  it('undoes a merge of several entities at once, and nested merges newest first', async () => {
    await loadFixtures();
    const before = await snapshot(app);

    await app.repositories.entities.merge('company:huawei', ['company:huawei-technologies', 'company:tdc']);
    await app.repositories.entities.split('company:huawei');
    expect(await snapshot(app)).toEqual(before);

    // A+B, then (A)+C kept as C: splitting C brings A back with its own record, splitting A brings B back.
    await app.repositories.entities.merge('company:huawei', ['company:huawei-technologies']);
    const afterFirst = await snapshot(app);
    await app.repositories.entities.merge('government:usa', ['company:huawei']);
    expect(await entityIds()).not.toContain('company:huawei');
    await app.repositories.entities.split('government:usa');
    expect(await snapshot(app)).toEqual(afterFirst);
    await app.repositories.entities.split('company:huawei');
    expect(await snapshot(app)).toEqual(before);
  });

  it('refuses to split an older merge before the newer ones, changing nothing', async () => {
    await loadFixtures();
    const before = await snapshot(app);
    const first = await app.repositories.entities.merge('company:huawei', ['company:huawei-technologies']);
    // TDC's supply relationship came from Huawei Technologies: the second merge folds what the first one moved.
    const second = await app.repositories.entities.merge('company:huawei', ['company:tdc']);
    const merged = await snapshot(app);
    await expect(app.repositories.entities.split('company:huawei', first.mergeId)).rejects.toThrow(
      new RegExp(`split the newer merge\\(s\\) ${second.mergeId} first`),
    );
    expect(await snapshot(app)).toEqual(merged);
    await app.repositories.entities.split('company:huawei', second.mergeId);
    await app.repositories.entities.split('company:huawei', first.mergeId);
    expect(await snapshot(app)).toEqual(before);
  });

  it('is one transaction: a step that fails late leaves the merged state, earlier steps rolled back', async () => {
    await loadFixtures();
    await app.repositories.entities.merge('company:huawei', ['company:huawei-technologies', 'company:tdc']);
    // Splitting undoes TDC first, then finds Huawei Technologies' id taken (made here by hand) and must give up.
    const session = app.database.driver.session();
    try {
      await session.run("CREATE (:Entity:Company {id: 'company:huawei-technologies', name: 'Imposter'})");
    } finally {
      await session.close();
    }
    const merged = await snapshot(app);
    await expect(app.repositories.entities.split('company:huawei')).rejects.toThrow(/exists again/);
    expect(await snapshot(app)).toEqual(merged);
    expect(await entityIds()).not.toContain('company:tdc');
  });

  it('keeps what articles loaded after the merge added on the kept entity', async () => {
    await loadFixtures();
    const mentionCount = async (id: string) => {
      const [row] = await app.database.read((q) => q.run('entity-state', { id }));
      return Number((row.properties as Record<string, unknown>).mentionCount);
    };
    const huaweiBefore = await mentionCount('company:huawei');
    const technologiesBefore = await mentionCount('company:huawei-technologies');
    await app.repositories.entities.merge('company:huawei', ['company:huawei-technologies']);

    // A later article still naming the merged-away id lands on the kept entity (the redirect), with a new sanction.
    const later = huaweiDuplicateGraph();
    await loadArticleGraph(app.repositories, {
      ...later,
      article: {
        ...later.article,
        id: 'article:huawei-senere',
        url: 'https://example.dk/senere',
        sha256: 'c'.repeat(64),
      },
    });
    const split = await app.repositories.entities.split('company:huawei');
    expect(split.restoredIds).toEqual(['company:huawei-technologies']);

    expect(await mentionCount('company:huawei-technologies')).toBe(technologiesBefore);
    expect(await mentionCount('company:huawei')).toBe(huaweiBefore + 1);
    const session = app.database.driver.session();
    try {
      const mentions = await session.run(
        "MATCH (:Article {id: 'article:huawei-senere'})-[:MENTIONS]->(e:Entity) WHERE e.id STARTS WITH 'company:huawei' RETURN e.id AS id",
      );
      expect(mentions.records.map((r) => r.get('id'))).toEqual(['company:huawei']);
      // The later article's support for USA's sanction stays on the kept entity; the restored one has its own again.
      const sanctions = await session.run(
        "MATCH (:Entity {id: 'government:usa'})-[r:SANCTIONS]->(e:Entity) WHERE e.id STARTS WITH 'company:huawei' RETURN e.id AS id, r.articleIds AS articleIds ORDER BY id",
      );
      expect(sanctions.records.map((r) => r.toObject())).toEqual([
        {
          id: 'company:huawei',
          articleIds: [
            'article:huawei-sanktion',
            'article:huawei-kunder',
            'article:huawei-aarhus',
            'article:huawei-senere',
          ],
        },
        { id: 'company:huawei-technologies', articleIds: ['article:huawei-tdc', 'article:huawei-begge'] },
      ]);
    } finally {
      await session.close();
    }
  });

  it('refuses an entity with no recorded merge, and an unknown mergeId, changing nothing', async () => {
    await loadFixtures();
    const before = await snapshot(app);
    await expect(app.repositories.entities.split('company:huawei')).rejects.toThrow(/no recorded merge/);
    await expect(app.repositories.entities.split('company:nope')).rejects.toThrow(/unknown entity id/);
    await app.repositories.entities.merge('company:huawei', ['company:huawei-technologies']);
    await expect(app.repositories.entities.split('company:huawei', 'not-a-merge')).rejects.toThrow(
      /no merge not-a-merge/,
    );
    await app.repositories.entities.split('company:huawei');
    expect(await snapshot(app)).toEqual(before);
  });

  it('restores a merge of entities extracted from a real article', async () => {
    const file = join(PROJECT_ROOT, 'test', 'fixtures', 'browser', 'seed-huawei.txt');
    await ingestArticle(app.pipeline, { content: readFileSync(file), source: file });
    // Two entities with a relationship between them and at least one neighbour in common.
    const session = app.database.driver.session();
    let pair: { keep: string; gone: string };
    try {
      const result = await session.run(
        `MATCH (a:Entity)-[]-(b:Entity) WHERE a.id < b.id
         MATCH (a)--(n)--(b) WHERE n <> a AND n <> b
         WITH a, b, count(DISTINCT n) AS shared ORDER BY shared DESC, a.id, b.id LIMIT 1
         RETURN a.id AS keep, b.id AS gone`,
      );
      pair = result.records[0].toObject() as { keep: string; gone: string };
    } finally {
      await session.close();
    }
    const before = await snapshot(app);
    await app.repositories.entities.merge(pair.keep, [pair.gone]);
    expect(await snapshot(app)).not.toEqual(before);
    await app.repositories.entities.split(pair.keep);
    expect(await snapshot(app)).toEqual(before);
  });
});
