// Helpers of the reliability suite: a complete, order-independent fingerprint of the graph, and integrity checks.
import type { Database } from '../../../server/db/index.ts';

type Row = Record<string, unknown>;

async function rows(database: Database, cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  const session = database.driver.session({ database: database.databaseName });
  try {
    return (await session.run(cypher, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

const sorted = (list: unknown) => [...((list as string[] | null) ?? [])].sort();

export interface FingerprintOptions {
  /**
   * Leave out what the graph model lets the load order decide (default false): an entity's display name (the
   * first article's; every name stays in name + aliases), an event's summary and date (written once, by the
   * first article reporting it, with the names the extractor knew then), and plain relation properties (title, since, degree: the last article's win). What
   * is left — every node, relationship, mention count, article id, evidence sentence and confidence — must
   * not depend on the order or concurrency of loads.
   */
  readonly orderIndependent?: boolean;
}

/**
 * Everything a user can see of the graph, with list orders normalised (articleIds and aliases are appended in
 * load order, which concurrent loads change): two loads that must give "the same graph" give equal fingerprints.
 */
export async function graphFingerprint(
  database: Database,
  options: FingerprintOptions = {},
): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await rows(
    database,
    `MATCH (n)
    RETURN labels(n) AS labels, n.id AS id, n.name AS name, n.aliases AS aliases, n.mentionCount AS mentionCount,
           n.kind AS kind, n.summary AS summary, toString(n.date) AS date, n.articleIds AS articleIds, n.evidence AS evidence,
           n.confidence AS confidence, n.title AS title, n.sha256 AS sha256`,
  );
  const relationships = await rows(
    database,
    `MATCH (a)-[r]->(b)
    RETURN a.id AS from, type(r) AS type, b.id AS to, r.role AS role, r.count AS count, r.weight AS weight,
           r.articleIds AS articleIds, r.evidence AS evidence, r.confidence AS confidence, r.title AS title, r.since AS since, r.degree AS degree,
           r.section AS section`,
  );
  const loose = options.orderIndependent === true;
  return {
    nodes: nodes
      .map((n) =>
        JSON.stringify({
          ...n,
          labels: sorted(n.labels),
          articleIds: sorted(n.articleIds),
          evidence: sorted(n.evidence),
          mentionCount: n.mentionCount === null ? null : Number(n.mentionCount),
          ...(loose
            ? {
                name: null,
                summary: null,
                date: null,
                aliases: n.name === null ? null : [...new Set([n.name as string, ...sorted(n.aliases)])].sort(),
              }
            : { aliases: sorted(n.aliases) }),
        }),
      )
      .sort(),
    relationships: relationships
      .map((r) =>
        JSON.stringify({
          ...r,
          articleIds: sorted(r.articleIds),
          evidence: sorted(r.evidence),
          count: r.count === null ? null : Number(r.count),
          weight: r.weight === null ? null : Number(r.weight),
          ...(loose ? { title: null, since: null, degree: null } : {}),
        }),
      )
      .sort(),
  };
}

export interface Integrity {
  /** Entity ids held by more than one node (the constraint should make this impossible). */
  readonly duplicateEntityIds: number;
  /** Entities of the same type whose names are equal ignoring case: one real thing split in two. */
  readonly duplicateEntityNames: number;
  /** Two relationships of one type between the same nodes (PARTICIPATES_IN: same role). */
  readonly duplicateRelationships: number;
  /** Relationships or events listing an article twice, or a sentence twice. */
  readonly doubledProvenance: number;
  /** Provenance naming an article that is not in the graph: what a half-written article would leave. */
  readonly danglingArticleIds: number;
  /** Articles without a single MENTIONS: an article whose facts were not written. */
  readonly articlesWithoutMentions: number;
}

export async function integrity(database: Database): Promise<Integrity> {
  const count = async (cypher: string) => Number((await rows(database, cypher))[0].n);
  return {
    duplicateEntityIds: await count('MATCH (e:Entity) WITH e.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS n'),
    duplicateEntityNames:
      await count(`MATCH (e:Entity) WITH [l IN labels(e) WHERE l <> 'Entity'][0] AS type, toLower(e.name) AS name, count(*) AS c
      WHERE c > 1 RETURN count(*) AS n`),
    duplicateRelationships: await count(`MATCH (a)-[r]->(b) WITH a, b, type(r) AS type, r.role AS role, count(*) AS c
      WHERE c > 1 RETURN count(*) AS n`),
    doubledProvenance:
      (await count(`MATCH ()-[r]->() WHERE r.articleIds IS NOT NULL
      AND (size(r.articleIds) <> size(apoc.coll.toSet(r.articleIds)) OR size(r.evidence) <> size(apoc.coll.toSet(r.evidence)))
      RETURN count(*) AS n`)) +
      (await count(`MATCH (ev:Event)
      WHERE size(ev.articleIds) <> size(apoc.coll.toSet(ev.articleIds)) OR size(ev.evidence) <> size(apoc.coll.toSet(ev.evidence))
      RETURN count(*) AS n`)),
    danglingArticleIds: await count(`CALL {
        MATCH ()-[r]->() WHERE r.articleIds IS NOT NULL UNWIND r.articleIds AS id RETURN id
        UNION ALL
        MATCH (ev:Event) UNWIND ev.articleIds AS id RETURN id
      }
      WITH DISTINCT id WHERE NOT EXISTS { MATCH (:Article {id: id}) } RETURN count(*) AS n`),
    articlesWithoutMentions: await count(
      'MATCH (a:Article) WHERE NOT EXISTS { (a)-[:MENTIONS]->() } RETURN count(*) AS n',
    ),
  };
}

export const CLEAN: Integrity = {
  duplicateEntityIds: 0,
  duplicateEntityNames: 0,
  duplicateRelationships: 0,
  doubledProvenance: 0,
  danglingArticleIds: 0,
  articlesWithoutMentions: 0,
};
