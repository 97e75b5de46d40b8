// Loading articles into the real Neo4j: idempotence, cross-article merging with provenance, transactions.
import { describe, expect, it } from 'vitest';
import { loadArticleGraph } from '../../server/ingest/load/index.ts';
import type { ArticleGraph } from '../../server/model.ts';
import {
  huaweiDuplicateGraph,
  huaweiFollowUpGraph,
  huaweiLinkGraph,
  huaweiSanctionGraph,
  LINK_HEADLINE,
  SANCTION_SENTENCE,
  SANCTION_SENTENCE_2,
} from '../fixtures/loader/graphs.ts';
import { graphCounts, useTestApp } from '../support/app.ts';

const app = useTestApp();

async function one<T = Record<string, unknown>>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const session = app.database.driver.session();
  try {
    const result = await session.run(cypher, params);
    return result.records.map((r) => r.toObject() as T);
  } finally {
    await session.close();
  }
}

describe('loading one article', () => {
  it('writes the article, its entities with type labels, mentions, relations, citations and events', async () => {
    const summary = await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    expect(summary).toMatchObject({
      status: 'new',
      entitiesCreated: 5,
      entitiesMerged: 0,
      relationsCreated: 4,
      eventsCreated: 2,
    });
    expect(summary.createdNodeIds).toContain('company:huawei');

    const [huawei] = await one<{ labels: string[]; name: string; aliases: string[]; mentionCount: unknown }>(
      "MATCH (e {id: 'company:huawei'}) RETURN labels(e) AS labels, e.name AS name, e.aliases AS aliases, e.mentionCount AS mentionCount",
    );
    expect(huawei.labels.sort()).toEqual(['Company', 'Entity']);
    expect(huawei.aliases).toEqual(['Huaweis']);
    expect(Number(huawei.mentionCount)).toBe(4);

    const [mentions] = await one<{ count: unknown }>(
      "MATCH (:Article {id: 'article:huawei-sanktion'})-[m:MENTIONS]->(:Company {id: 'company:huawei'}) RETURN m.count AS count",
    );
    expect(Number(mentions.count)).toBe(4);
    const cites = await one(
      "MATCH (:Article)-[c:CITES]->(:Company {id: 'company:reuters'}) RETURN c.evidence AS evidence, c.articleIds AS articleIds",
    );
    expect(cites).toEqual([{ evidence: [SANCTION_SENTENCE], articleIds: ['article:huawei-sanktion'] }]);
    const participants = await one(
      "MATCH (e:Entity)-[p:PARTICIPATES_IN]->(:Event {id: 'event:sanction-usa-huawei'}) RETURN e.id AS id, p.role AS role ORDER BY id",
    );
    expect(participants).toEqual([
      { id: 'company:huawei', role: 'target' },
      { id: 'government:usa', role: 'agent' },
    ]);
    const [event] = await one<{ date: unknown; articleIds: string[] }>(
      "MATCH (:Article)-[:REPORTS]->(ev:Event {id: 'event:sanction-usa-huawei'}) RETURN toString(ev.date) AS date, ev.articleIds AS articleIds",
    );
    expect(event).toEqual({ date: '2019-05-15', articleIds: ['article:huawei-sanktion'] });
  });

  it('loading the same article twice reports "unchanged" and writes nothing', async () => {
    await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    const before = await graphCounts(app.database);
    const again = await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    expect(again).toMatchObject({
      status: 'unchanged',
      articleId: 'article:huawei-sanktion',
      entitiesCreated: 0,
      relationsCreated: 0,
    });
    expect(await graphCounts(app.database)).toEqual(before);
    const [huawei] = await one<{ mentionCount: unknown }>(
      "MATCH (e:Entity {id: 'company:huawei'}) RETURN e.mentionCount AS mentionCount",
    );
    expect(Number(huawei.mentionCount)).toBe(4);
  });

  it('loading the same new article twice at once writes it once', async () => {
    const results = await Promise.all([
      loadArticleGraph(app.repositories, huaweiSanctionGraph()),
      loadArticleGraph(app.repositories, huaweiSanctionGraph()),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['new', 'unchanged']);
    expect(await one('MATCH (a:Article) RETURN a.id AS id')).toEqual([{ id: 'article:huawei-sanktion' }]);
    const [huawei] = await one<{ mentionCount: unknown }>(
      "MATCH (e:Entity {id: 'company:huawei'}) RETURN e.mentionCount AS mentionCount",
    );
    expect(Number(huawei.mentionCount)).toBe(4);
  });

  it('an edited article (same id, new text) replaces the old version', async () => {
    await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    const edited = huaweiSanctionGraph();
    const graph: ArticleGraph = {
      ...edited,
      article: { ...edited.article, text: `${edited.article.text}\n\nOpdateret.`, sha256: 'f'.repeat(64) },
      entities: edited.entities.filter((e) => e.id !== 'person:ren-zhengfei'),
      relations: edited.relations.filter((r) => r.type !== 'HEADS'),
    };
    const summary = await loadArticleGraph(app.repositories, graph);
    expect(summary.status).toBe('new');
    expect(await one('MATCH (a:Article) RETURN a.sha256 AS sha')).toEqual([{ sha: 'f'.repeat(64) }]);
    expect(await one("MATCH (p:Person {id: 'person:ren-zhengfei'}) RETURN p.id AS id")).toEqual([]);
    const [huawei] = await one<{ mentionCount: unknown }>(
      "MATCH (e:Entity {id: 'company:huawei'}) RETURN e.mentionCount AS mentionCount",
    );
    expect(Number(huawei.mentionCount)).toBe(4);
  });
});

describe('two articles about the same things', () => {
  it("share one Huawei node whose relationship and event carry both articles' provenance", async () => {
    await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    const second = await loadArticleGraph(app.repositories, huaweiFollowUpGraph());
    expect(second).toMatchObject({
      status: 'new',
      entitiesCreated: 2,
      entitiesMerged: 2,
      relationsCreated: 1,
      relationsMerged: 1,
      eventsCreated: 0,
      eventsMerged: 1,
    });
    expect(second.mergedNodeIds).toEqual(
      expect.arrayContaining(['company:huawei', 'government:usa', 'event:sanction-usa-huawei']),
    );

    const huaweis = await one<{ aliases: string[]; mentionCount: unknown }>(
      "MATCH (e:Entity) WHERE e.name = 'Huawei' RETURN e.aliases AS aliases, e.mentionCount AS mentionCount",
    );
    expect(huaweis).toHaveLength(1);
    expect(huaweis[0].aliases).toEqual(['Huaweis', 'Huaewei']);
    expect(Number(huaweis[0].mentionCount)).toBe(7);

    const sanctions = await one<{ articleIds: string[]; evidence: string[]; confidence: number }>(
      "MATCH (:Entity {id: 'government:usa'})-[r:SANCTIONS]->(:Entity {id: 'company:huawei'}) RETURN r.articleIds AS articleIds, r.evidence AS evidence, r.confidence AS confidence",
    );
    expect(sanctions).toHaveLength(1);
    expect(sanctions[0].articleIds).toEqual(['article:huawei-sanktion', 'article:huawei-kunder']);
    expect(sanctions[0].evidence).toEqual([SANCTION_SENTENCE, SANCTION_SENTENCE_2]);
    expect(sanctions[0].confidence).toBe(0.95);

    const [event] = await one<{ articleIds: string[]; evidence: string[]; date: string; reporters: unknown }>(
      "MATCH (ev:Event {id: 'event:sanction-usa-huawei'}) RETURN ev.articleIds AS articleIds, ev.evidence AS evidence, toString(ev.date) AS date, COUNT { (:Article)-[:REPORTS]->(ev) } AS reporters",
    );
    expect(event.articleIds).toEqual(['article:huawei-sanktion', 'article:huawei-kunder']);
    expect(event.evidence).toEqual([SANCTION_SENTENCE, SANCTION_SENTENCE_2]);
    // The second article gives no date; the first one's stays.
    expect(event.date).toBe('2019-05-15');
    expect(Number(event.reporters)).toBe(2);
    const participations = await one(
      "MATCH (:Entity {id: 'company:huawei'})-[p:PARTICIPATES_IN]->(:Event {id: 'event:sanction-usa-huawei'}) RETURN p.articleIds AS ids",
    );
    expect(participations).toEqual([{ ids: ['article:huawei-sanktion', 'article:huawei-kunder'] }]);
  });
});

describe('a fact read only from a "Læs også" headline (issue 15)', () => {
  const sanctions = () =>
    one<{ section: string | null; articleIds: string[]; evidence: string[]; confidence: number }>(
      "MATCH (:Entity {id: 'government:usa'})-[r:SANCTIONS]->(:Entity {id: 'company:huawei'}) RETURN r.section AS section, r.articleIds AS articleIds, r.evidence AS evidence, r.confidence AS confidence",
    );

  it('stays marked while only headlines support it, and loses the mark when an article states it in its body', async () => {
    await loadArticleGraph(app.repositories, huaweiLinkGraph());
    expect(await sanctions()).toEqual([
      { section: 'related', articleIds: ['article:huawei-aarhus'], evidence: [LINK_HEADLINE], confidence: 0.3 },
    ]);
    await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    expect(await sanctions()).toEqual([expect.objectContaining({ section: null, confidence: 0.9 })]);
  });

  it('never marks a fact an earlier article states in its body', async () => {
    await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    await loadArticleGraph(app.repositories, huaweiLinkGraph());
    expect(await sanctions()).toEqual([expect.objectContaining({ section: null, confidence: 0.9 })]);
  });
});

describe('a failure in the middle of loading an article', () => {
  it('leaves no trace, whichever statement fails', async () => {
    await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    const before = await graphCounts(app.database);
    // The follow-up article runs 8 statements (lookups, article, entities, relations, citations, events, participants).
    for (let statements = 0; statements < 8; statements++) {
      await expect(
        loadArticleGraph(app.repositories, huaweiFollowUpGraph(), { failAfterStatements: statements }),
      ).rejects.toThrow(/injected failure/);
      expect(await graphCounts(app.database)).toEqual(before);
    }
    expect(await one("MATCH (a:Article {id: 'article:huawei-kunder'}) RETURN a.id")).toEqual([]);
    const [huawei] = await one<{ aliases: string[]; mentionCount: unknown }>(
      "MATCH (e:Entity {id: 'company:huawei'}) RETURN e.aliases AS aliases, e.mentionCount AS mentionCount",
    );
    expect(huawei.aliases).toEqual(['Huaweis']);
    expect(Number(huawei.mentionCount)).toBe(4);
    // And the article loads fine afterwards.
    expect((await loadArticleGraph(app.repositories, huaweiFollowUpGraph())).status).toBe('new');
  });
});

describe('deleting an article', () => {
  it('removes what only it contributed and keeps what others support', async () => {
    await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    const afterFirst = await graphCounts(app.database);
    await loadArticleGraph(app.repositories, huaweiFollowUpGraph());
    const outcome = await app.repositories.articles.delete('article:huawei-kunder');
    expect(outcome).toMatchObject({ deleted: true });
    // Back to exactly the first article's graph.
    expect(await graphCounts(app.database)).toEqual(afterFirst);
    expect(outcome.nodesRemoved).toBe(3);
    const sanctions = await one(
      "MATCH (:Entity {id: 'government:usa'})-[r:SANCTIONS]->(:Entity {id: 'company:huawei'}) RETURN r.articleIds AS articleIds, r.evidence AS evidence",
    );
    expect(sanctions).toEqual([{ articleIds: ['article:huawei-sanktion'], evidence: [SANCTION_SENTENCE] }]);
    const [huawei] = await one<{ mentionCount: unknown }>(
      "MATCH (e:Entity {id: 'company:huawei'}) RETURN e.mentionCount AS mentionCount",
    );
    expect(Number(huawei.mentionCount)).toBe(4);

    const last = await app.repositories.articles.delete('article:huawei-sanktion');
    expect(last.deleted).toBe(true);
    expect(await graphCounts(app.database)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('of an unknown id changes nothing', async () => {
    await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    const before = await graphCounts(app.database);
    expect(await app.repositories.articles.delete('article:nope')).toEqual({
      articleId: 'article:nope',
      deleted: false,
      nodesRemoved: 0,
      relationshipsRemoved: 0,
    });
    expect(await graphCounts(app.database)).toEqual(before);
  });
});

describe('merging entities', () => {
  it('moves relationships with their provenance, unions aliases and deletes the duplicate', async () => {
    await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    await loadArticleGraph(app.repositories, huaweiDuplicateGraph());
    const merged = await app.repositories.entities.merge('company:huawei', ['company:huawei-technologies']);
    expect(merged.keptId).toBe('company:huawei');
    expect(merged.aliases).toEqual(['Huaweis', 'Huawei Technologies', 'Huawei Tech']);
    expect(merged.relationshipsMoved).toBeGreaterThanOrEqual(3);

    expect(await one("MATCH (e:Entity {id: 'company:huawei-technologies'}) RETURN e")).toEqual([]);
    // Both SANCTIONS relationships became one, with both articles' evidence; the supply moved over.
    const sanctions = await one<{ articleIds: string[]; evidence: string[]; confidence: number }>(
      "MATCH (:Entity {id: 'government:usa'})-[r:SANCTIONS]->(:Entity {id: 'company:huawei'}) RETURN r.articleIds AS articleIds, r.evidence AS evidence, r.confidence AS confidence",
    );
    expect(sanctions).toHaveLength(1);
    expect(sanctions[0].articleIds).toEqual(['article:huawei-sanktion', 'article:huawei-tdc']);
    expect(sanctions[0].evidence).toHaveLength(2);
    expect(sanctions[0].confidence).toBe(0.9);
    expect(
      await one(
        "MATCH (:Entity {id: 'company:huawei'})-[r:SUPPLIES]->(:Entity {id: 'company:tdc'}) RETURN r.articleIds AS ids",
      ),
    ).toEqual([{ ids: ['article:huawei-tdc'] }]);
    expect(
      await one(
        "MATCH (:Article {id: 'article:huawei-tdc'})-[m:MENTIONS]->(e:Entity) WHERE e.id STARTS WITH 'company:huawei' RETURN e.id AS id",
      ),
    ).toEqual([{ id: 'company:huawei' }]);
    const [huawei] = await one<{ mentionCount: unknown; mergedIds: string[] }>(
      "MATCH (e:Entity {id: 'company:huawei'}) RETURN e.mentionCount AS mentionCount, e.mergedIds AS mergedIds",
    );
    expect(Number(huawei.mentionCount)).toBe(5);
    expect(huawei.mergedIds).toEqual(['company:huawei-technologies']);
  });

  it('holds for later articles: an article still naming the merged-away id lands on the kept entity', async () => {
    await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    await loadArticleGraph(app.repositories, huaweiDuplicateGraph());
    await app.repositories.entities.merge('company:huawei', ['company:huawei-technologies']);
    const later = huaweiDuplicateGraph();
    const summary = await loadArticleGraph(app.repositories, {
      ...later,
      article: {
        ...later.article,
        id: 'article:huawei-tdc-2',
        text: `${later.article.text} Igen.`,
        sha256: 'e'.repeat(64),
      },
    });
    expect(summary.mergedNodeIds).toContain('company:huawei');
    expect(summary.createdNodeIds).not.toContain('company:huawei-technologies');
    expect(await one("MATCH (e:Entity {id: 'company:huawei-technologies'}) RETURN e")).toEqual([]);
    const supplies = await one(
      "MATCH (:Entity {id: 'company:huawei'})-[r:SUPPLIES]->(:Entity {id: 'company:tdc'}) RETURN r.articleIds AS ids",
    );
    expect(supplies).toEqual([{ ids: ['article:huawei-tdc', 'article:huawei-tdc-2'] }]);
  });

  it('refuses unknown ids without changing anything', async () => {
    await loadArticleGraph(app.repositories, huaweiSanctionGraph());
    const before = await graphCounts(app.database);
    await expect(app.repositories.entities.merge('company:huawei', ['company:nope'])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(app.repositories.entities.merge('event:sanction-usa-huawei', ['company:huawei'])).rejects.toThrow(
      /unknown entity id/,
    );
    expect(await graphCounts(app.database)).toEqual(before);
  });
});
