// The GraphQL API over HTTP against startServer(): every explorer query and mutation, generated
// @neo4j/graphql queries, and the errors bad input gets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.ts';
import { connectDatabase, createRepositories } from '../../server/db/index.ts';
import { loadArticleGraph } from '../../server/ingest/load/index.ts';
import { startServer } from '../../server/main.ts';
import {
  huaweiDuplicateGraph,
  huaweiFollowUpGraph,
  huaweiSanctionGraph,
  SANCTION_SENTENCE,
  SANCTION_SENTENCE_2,
} from '../fixtures/loader/graphs.ts';
import { FIXTURES_DIR, startTestServer, useTestApp, useTestServer } from '../support/app.ts';
import { testNeo4j } from '../support/db.ts';

const app = useTestApp({
  beforeEach: async ({ repositories }) => {
    await loadArticleGraph(repositories, huaweiSanctionGraph());
    await loadArticleGraph(repositories, huaweiFollowUpGraph());
  },
});
const server = useTestServer();

/** Runs a query that must succeed and returns its data. */
async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await server.gql<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

/** Runs a query that must fail and returns its first error. */
async function failure(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  const response = await server.gql(query, variables, headers);
  expect(response.errors?.length).toBeGreaterThan(0);
  return { ...response.errors![0], status: response.status };
}

const NODE = 'id label name weight kind date';
const EDGE = 'id source target type support confidence props';

describe('HTTP', () => {
  it('/health reports Neo4j up', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, neo4j: 'up' });
  });

  it('serves the explorer (or the build hint) at / and for client routes', async () => {
    for (const path of ['/', '/some/client/route']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/html/);
    }
  });

  it('answers GET queries', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ stats { articles } }')}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(await response.json()).toEqual({ data: { stats: { articles: 2 } } });
  });

  it('refuses requests from another origin', async () => {
    const error = await failure('{ stats { articles } }', {}, { origin: 'https://elsewhere.example' });
    expect(error.status).toBe(403);
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect((await server.gql('{ stats { articles } }', {}, { origin: server.url })).data).toEqual({
      stats: { articles: 2 },
    });
  });

  it('refuses a body that is not JSON, and one over the size limit, with BAD_USER_INPUT', async () => {
    const broken = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const huge = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($t: String!) { ingestArticle(input: {text: $t}) { articleId } }',
        variables: { t: 'x'.repeat(9 * 1024 * 1024) },
      }),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'TEXT_TOO_LARGE' });
  });
});

describe('explorer queries', () => {
  it('search ranks the exact entity first and matches prefixes and typos', async () => {
    const exact = await data(`{ search(query: "Huawei") { id label name aliases score mentionCount } }`);
    expect(exact.search[0]).toMatchObject({
      id: 'company:huawei',
      label: 'Company',
      name: 'Huawei',
      aliases: ['Huaweis', 'Huaewei'],
      mentionCount: 7,
    });
    const prefix = await data(`{ search(query: "hua", types: ["Company"]) { id } }`);
    expect(prefix.search.map((h: any) => h.id)).toEqual(['company:huawei']);
    const typo = await data(`{ search(query: "Huawie") { id } }`);
    expect(typo.search[0].id).toBe('company:huawei');
    const person = await data(`{ search(query: "zhengfei", types: ["Person"], limit: 3) { id label } }`);
    expect(person.search).toEqual([{ id: 'person:ren-zhengfei', label: 'Person' }]);
    const events = await data(`{ search(query: "sanktioner", types: ["Event"]) { id label } }`);
    expect(events.search).toEqual([{ id: 'event:sanction-usa-huawei', label: 'Event' }]);
  });

  it('neighborhood returns drawable nodes and edges, and says when the limit cut it', async () => {
    const { neighborhood } = await data(
      `{ neighborhood(ids: ["company:huawei"], depth: 1) { nodes { ${NODE} } edges { ${EDGE} } truncated remaining } }`,
    );
    const ids = neighborhood.nodes.map((n: any) => n.id);
    expect(ids[0]).toBe('company:huawei');
    expect(ids).toEqual(
      expect.arrayContaining([
        'government:usa',
        'person:ren-zhengfei',
        'event:sanction-usa-huawei',
        'article:huawei-sanktion',
      ]),
    );
    expect(neighborhood.truncated).toBe(false);
    const sanction = neighborhood.edges.find((e: any) => e.type === 'SANCTIONS');
    expect(sanction).toMatchObject({
      source: 'government:usa',
      target: 'company:huawei',
      support: 2,
      confidence: 0.95,
    });
    // Every edge connects two returned nodes, so the canvas can draw it.
    for (const edge of neighborhood.edges) expect(ids).toEqual(expect.arrayContaining([edge.source, edge.target]));

    const cut = await data(`{ neighborhood(ids: ["company:huawei"], limit: 3) { nodes { id } truncated remaining } }`);
    expect(cut.neighborhood.nodes).toHaveLength(3);
    expect(cut.neighborhood.truncated).toBe(true);
    expect(cut.neighborhood.remaining).toBeGreaterThan(0);

    const filtered = await data(
      `{ neighborhood(ids: ["company:huawei"], relationTypes: ["SANCTIONS", "HEADS"]) { nodes { id } edges { type props } } }`,
    );
    expect(filtered.neighborhood.nodes.map((n: any) => n.id).sort()).toEqual([
      'company:huawei',
      'government:usa',
      'person:ren-zhengfei',
    ]);
    expect(filtered.neighborhood.edges.find((e: any) => e.type === 'HEADS').props).toBe('{"title":"leder"}');

    const typed = await data(
      `{ neighborhood(ids: ["company:huawei"], depth: 2, types: ["Government"]) { nodes { id label } } }`,
    );
    expect(typed.neighborhood.nodes.slice(1).every((n: any) => n.label === 'Government')).toBe(true);
  });

  it('neighborhood with drawn ids also returns the edges tying the result into the canvas', async () => {
    const query = `query($drawn: [ID!]) { neighborhood(ids: ["person:ren-zhengfei"], relationTypes: ["HEADS", "SANCTIONS"], drawn: $drawn) { nodes { id } edges { type source target } } }`;
    const alone = await data(query, { drawn: null });
    expect(alone.neighborhood.nodes.map((n: any) => n.id).sort()).toEqual(['company:huawei', 'person:ren-zhengfei']);
    expect(alone.neighborhood.edges.map((e: any) => e.type)).toEqual(['HEADS']);
    // USA is on the canvas: its SANCTIONS edge to the new Huawei comes back in the same answer, and only once.
    const drawn = await data(query, { drawn: ['government:usa', 'person:ren-zhengfei', 'company:reuters'] });
    expect(drawn.neighborhood.nodes.map((n: any) => n.id).sort()).toEqual(['company:huawei', 'person:ren-zhengfei']);
    expect(drawn.neighborhood.edges.map((e: any) => `${e.source} ${e.type} ${e.target}`).sort()).toEqual([
      'government:usa SANCTIONS company:huawei',
      'person:ren-zhengfei HEADS company:huawei',
    ]);
  });

  it('neighborhood ranks typed neighbours first and can leave co-mention-only ones out, counting them', async () => {
    const query = `query($follow: Boolean) { neighborhood(ids: ["government:usa"], types: ["Company", "Government", "Person"], followCoMentions: $follow) { nodes { id } truncated remaining coMentionOnly } }`;
    // Huawei (SANCTIONS, two articles) comes first; Reuters, only co-mentioned with USA, comes last.
    const all = await data(query, { follow: true });
    expect(all.neighborhood.nodes.map((n: any) => n.id)).toEqual([
      'government:usa',
      'company:huawei',
      'company:reuters',
    ]);
    expect(all.neighborhood.coMentionOnly).toBe(0);
    const facts = await data(query, { follow: false });
    expect(facts.neighborhood).toEqual({
      nodes: [{ id: 'government:usa' }, { id: 'company:huawei' }],
      truncated: false,
      remaining: 0,
      coMentionOnly: 1,
    });
    // With a limit, the typed neighbour is the one kept.
    const one = await data(
      `{ neighborhood(ids: ["government:usa"], types: ["Company"], limit: 2) { nodes { id } remaining } }`,
    );
    expect(one.neighborhood).toEqual({ nodes: [{ id: 'government:usa' }, { id: 'company:huawei' }], remaining: 1 });
  });

  it('paths use typed relations only unless co-mentions are asked for', async () => {
    const query = `query($types: [String!]) { paths(from: "company:reuters", to: "company:huawei", maxDepth: 3, relationTypes: $types) { nodes { id } edges { type } } }`;
    expect((await data(query, { types: null })).paths).toEqual({ nodes: [], edges: [] });
    const through = await data(query, { types: ['SANCTIONS', 'CO_MENTIONED'] });
    expect(through.paths.nodes.map((n: any) => n.id).sort()).toEqual([
      'company:huawei',
      'company:reuters',
      'government:usa',
    ]);
    expect(through.paths.edges.map((e: any) => e.type).sort()).toEqual(['CO_MENTIONED', 'SANCTIONS']);
    const refused = await failure(
      `{ paths(from: "company:reuters", to: "company:huawei", relationTypes: ["MENTIONS"]) { truncated } }`,
    );
    expect(refused.extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.message).toMatch(/cannot go through MENTIONS/);
  });

  it('paths finds the shortest connections as a subgraph', async () => {
    const { paths } = await data(
      `{ paths(from: "person:ren-zhengfei", to: "government:handelsministeriet", maxDepth: 4) { nodes { ${NODE} } edges { ${EDGE} } truncated } }`,
    );
    const ids = paths.nodes.map((n: any) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'person:ren-zhengfei',
        'company:huawei',
        'event:license-huawei',
        'government:handelsministeriet',
      ]),
    );
    expect(paths.edges.map((e: any) => e.type)).toEqual(expect.arrayContaining(['HEADS', 'PARTICIPATES_IN']));
    const tooShort = await data(
      `{ paths(from: "person:ren-zhengfei", to: "government:handelsministeriet", maxDepth: 2) { nodes { id } edges { id } } }`,
    );
    expect(tooShort.paths).toEqual({ nodes: [], edges: [] });
  });

  it('timeline lists events by date with participants, filtered by range, kind and entity', async () => {
    const all = await data(
      `{ timeline { id kind summary date dateText dateFromArticle participants { id label } articleIds } }`,
    );
    expect(all.timeline.map((e: any) => e.id)).toEqual(['event:sanction-usa-huawei', 'event:license-huawei']);
    expect(all.timeline[0]).toMatchObject({
      kind: 'SANCTION',
      date: '2019-05-15',
      articleIds: ['article:huawei-sanktion', 'article:huawei-kunder'],
    });
    expect(all.timeline[0].participants.map((p: any) => p.id).sort()).toEqual(['company:huawei', 'government:usa']);
    expect(all.timeline[0].dateFromArticle).toBe(false);
    // The licence's text says only "mandag": it sits on the publication date of the article reporting it.
    expect(all.timeline[1]).toMatchObject({ date: '2019-05-16', dateText: 'mandag', dateFromArticle: true });
    expect((await data(`{ timeline(from: "2019-05-16") { id } }`)).timeline).toEqual([{ id: 'event:license-huawei' }]);
    expect((await data(`{ timeline(from: "2019-01-01", to: "2019-05-15") { id } }`)).timeline).toEqual([
      { id: 'event:sanction-usa-huawei' },
    ]);
    expect((await data(`{ timeline(kinds: ["LICENSE_GRANTED"]) { id } }`)).timeline).toEqual([
      { id: 'event:license-huawei' },
    ]);
    expect((await data(`{ timeline(entityIds: ["government:handelsministeriet"]) { id } }`)).timeline).toEqual([
      { id: 'event:license-huawei' },
    ]);
  });

  it('evidence gives the sentences and articles behind an edge', async () => {
    const { edgesAmong } = await data(`{ edgesAmong(ids: ["government:usa", "company:huawei"]) { ${EDGE} } }`);
    const sanction = edgesAmong.find((e: any) => e.type === 'SANCTIONS');
    const { evidence } = await data(
      `query($id: ID!) { evidence(edgeId: $id) { edgeId type confidence source { id name } target { id name }
      items { sentence articleId articleTitle articleUrl publishedAt } } }`,
      { id: sanction.id },
    );
    expect(evidence).toMatchObject({
      edgeId: sanction.id,
      type: 'SANCTIONS',
      confidence: 0.95,
      source: { id: 'government:usa' },
      target: { id: 'company:huawei' },
    });
    expect(evidence.items).toEqual([
      {
        sentence: SANCTION_SENTENCE,
        articleId: 'article:huawei-sanktion',
        articleTitle: 'USA strammer grebet om Huawei',
        articleUrl: 'https://example.dk/article:huawei-sanktion',
        publishedAt: '2019-05-16',
      },
      {
        sentence: SANCTION_SENTENCE_2,
        articleId: 'article:huawei-kunder',
        articleTitle: 'Huaweis kunder mærker sanktionerne',
        articleUrl: 'https://example.dk/article:huawei-kunder',
        publishedAt: '2019-05-20',
      },
    ]);
  });

  it('stats counts labels, relationship types and the headline totals', async () => {
    const { stats } = await data(
      `{ stats { articles entities events labels { key count } relationshipTypes { key count } } }`,
    );
    expect(stats).toMatchObject({ articles: 2, entities: 7, events: 2 });
    expect(stats.labels).toEqual(
      expect.arrayContaining([
        { key: 'Company', count: 3 },
        { key: 'Person', count: 2 },
        { key: 'Government', count: 2 },
      ]),
    );
    expect(stats.relationshipTypes).toEqual(
      expect.arrayContaining([
        { key: 'SANCTIONS', count: 1 },
        { key: 'MENTIONS', count: 9 },
      ]),
    );
  });

  it('nodesByIds and edgesAmong redraw a saved view; unknown ids drop out', async () => {
    const { nodesByIds } = await data(
      `{ nodesByIds(ids: ["company:huawei", "gone:id", "event:license-huawei", "article:huawei-kunder"]) { ${NODE} } }`,
    );
    expect(nodesByIds).toEqual([
      { id: 'company:huawei', label: 'Company', name: 'Huawei', weight: 2, kind: null, date: null },
      {
        id: 'event:license-huawei',
        label: 'Event',
        name: 'Handelsministeriet giver Huawei midlertidig licens',
        weight: 1,
        kind: 'LICENSE_GRANTED',
        date: '2019-05-16',
      },
      {
        id: 'article:huawei-kunder',
        label: 'Article',
        name: 'Huaweis kunder mærker sanktionerne',
        weight: 1,
        kind: null,
        date: '2019-05-20',
      },
    ]);
    const { edgesAmong } = await data(
      `{ edgesAmong(ids: ["company:huawei", "article:huawei-kunder", "government:usa"]) { type source target } }`,
    );
    expect(edgesAmong.map((e: any) => `${e.source} ${e.type} ${e.target}`).sort()).toEqual([
      'article:huawei-kunder MENTIONS company:huawei',
      'article:huawei-kunder MENTIONS government:usa',
      'government:usa SANCTIONS company:huawei',
    ]);
  });

  it('article returns the text and the entities it mentions; unknown id is null', async () => {
    const { article } = await data(
      `{ article(id: "article:huawei-sanktion") { id title url publishedAt text entities { id label name mentionCount score } } }`,
    );
    expect(article).toMatchObject({ title: 'USA strammer grebet om Huawei', publishedAt: '2019-05-16' });
    expect(article.text).toContain(SANCTION_SENTENCE);
    expect(article.entities[0]).toMatchObject({
      id: 'company:huawei',
      label: 'Company',
      name: 'Huawei',
      mentionCount: 7,
    });
    // The reader asks for SearchHit fields; score (mentions in this article) must never be null.
    expect(article.entities.every((e: { score: number }) => e.score >= 1)).toBe(true);
    expect((await data(`{ article(id: "article:nope") { id } }`)).article).toBeNull();
  });
});

describe('generated @neo4j/graphql queries', () => {
  it('filter, sort, paginate and aggregate per type', async () => {
    const filtered = await data(`{ companies(where: {name: {contains: "Hua"}}) { id name aliases mentionCount } }`);
    expect(filtered.companies).toEqual([
      { id: 'company:huawei', name: 'Huawei', aliases: ['Huaweis', 'Huaewei'], mentionCount: 7 },
    ]);

    const page1 = await data(
      `{ companiesConnection(first: 2, sort: [{name: ASC}]) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } aggregate { count { nodes } } } }`,
    );
    expect(page1.companiesConnection.totalCount).toBe(3);
    expect(page1.companiesConnection.aggregate.count.nodes).toBe(3);
    expect(page1.companiesConnection.edges.map((e: any) => e.node.name)).toEqual(['Danske Bank', 'Huawei']);
    const page2 = await data(
      `query($after: String) { companiesConnection(first: 2, after: $after, sort: [{name: ASC}]) { edges { node { name } } pageInfo { hasNextPage } } }`,
      { after: page1.companiesConnection.pageInfo.endCursor },
    );
    expect(page2.companiesConnection.edges.map((e: any) => e.node.name)).toEqual(['Reuters']);
    expect(page2.companiesConnection.pageInfo.hasNextPage).toBe(false);
  });

  it('follow relationships with their provenance properties', async () => {
    const result = await data(`{ companies(where: {id: {eq: "company:huawei"}}) {
      sanctionedByConnection { edges { properties { articleIds evidence confidence } node { name } } }
      mentionedIn(sort: [{title: ASC}]) { title }
      participatesIn { kind }
    } }`);
    const [huawei] = result.companies;
    expect(huawei.sanctionedByConnection.edges).toEqual([
      {
        properties: {
          articleIds: ['article:huawei-sanktion', 'article:huawei-kunder'],
          evidence: [SANCTION_SENTENCE, SANCTION_SENTENCE_2],
          confidence: 0.95,
        },
        node: { name: 'USA' },
      },
    ]);
    expect(huawei.mentionedIn.map((a: any) => a.title)).toEqual([
      'Huaweis kunder mærker sanktionerne',
      'USA strammer grebet om Huawei',
    ]);
    expect(huawei.participatesIn.map((e: any) => e.kind).sort()).toEqual(['LICENSE_GRANTED', 'SANCTION']);
    const events = await data(
      `{ events(where: {date: {gte: "2019-01-01"}, kind: {in: ["SANCTION", "LAWSUIT"]}}) { id date participantsConnection(sort: [{node: {name: ASC}}]) { edges { properties { role } node { name } } } } }`,
    );
    expect(events.events).toEqual([
      {
        id: 'event:sanction-usa-huawei',
        date: '2019-05-15',
        participantsConnection: {
          edges: [
            { properties: { role: 'target' }, node: { name: 'Huawei' } },
            { properties: { role: 'agent' }, node: { name: 'USA' } },
          ],
        },
      },
    ]);
    const articles = await data(
      `{ articles(sort: [{publishedAt: DESC}], limit: 1) { title publishedAt mentionsConnection(sort: [{edge: {count: DESC}}], first: 1) { edges { properties { count } node { name } } } } }`,
    );
    expect(articles.articles).toEqual([
      {
        title: 'Huaweis kunder mærker sanktionerne',
        publishedAt: '2019-05-20',
        mentionsConnection: { edges: [{ properties: { count: 3 }, node: { name: 'Huawei' } }] },
      },
    ]);
    const people = await data(`{ people(where: {employedBy: {some: {name: {eq: "Danske Bank"}}}}) { name } }`);
    expect(people.people).toEqual([{ name: 'Mette Holm' }]);
  });

  it('offer no generated mutations (the graph changes only through the pipeline)', async () => {
    const error = await failure(
      `mutation { createCompanies(input: [{id: "x", name: "X", aliases: [], mentionCount: 0}]) { companies { id } } }`,
    );
    expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('mutations', () => {
  const text = readFileSync(join(FIXTURES_DIR, 'huawei-eksport.txt'), 'utf8');
  const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
    articleId title status entitiesCreated entitiesMerged relationsCreated relationsMerged eventsCreated eventsMerged createdNodeIds mergedNodeIds } }`;

  it('ingestArticle runs the pipeline; the same text again is unchanged', async () => {
    const first = await data(INGEST, { input: { text } });
    expect(first.ingestArticle).toMatchObject({ status: 'new', title: 'USA strammer eksportforbuddet mod Huawei' });
    expect(first.ingestArticle.createdNodeIds).toContain(first.ingestArticle.articleId);
    // Huawei was already in the graph: the pipeline resolves to it instead of creating another.
    expect(first.ingestArticle.mergedNodeIds).toContain('company:huawei');
    expect(first.ingestArticle.entitiesMerged).toBeGreaterThanOrEqual(1);
    const again = await data(INGEST, { input: { text } });
    expect(again.ingestArticle).toMatchObject({
      status: 'unchanged',
      articleId: first.ingestArticle.articleId,
      entitiesCreated: 0,
    });
    const { search } = await data(`{ search(query: "Huawei", types: ["Company"]) { id } }`);
    expect(search.map((h: any) => h.id)).toEqual(['company:huawei']);
  });

  it('mergeEntities folds duplicates into one node', async () => {
    await loadArticleGraph(app.repositories, huaweiDuplicateGraph());
    const { mergeEntities } = await data(
      `mutation { mergeEntities(keepId: "company:huawei", mergeIds: ["company:huawei-technologies"]) { keptId mergedIds aliases relationshipsMoved } }`,
    );
    expect(mergeEntities).toMatchObject({ keptId: 'company:huawei', mergedIds: ['company:huawei-technologies'] });
    expect(mergeEntities.aliases).toEqual(expect.arrayContaining(['Huawei Technologies', 'Huawei Tech']));
    expect((await data(`{ nodesByIds(ids: ["company:huawei-technologies"]) { id } }`)).nodesByIds).toEqual([]);
  });

  it('deleteArticle removes the article and what only it supported', async () => {
    const { deleteArticle } = await data(
      `mutation { deleteArticle(id: "article:huawei-kunder") { articleId deleted nodesRemoved relationshipsRemoved } }`,
    );
    expect(deleteArticle).toEqual({
      articleId: 'article:huawei-kunder',
      deleted: true,
      nodesRemoved: 3,
      relationshipsRemoved: 6,
    });
    expect((await data(`{ nodesByIds(ids: ["person:mette-holm"]) { id } }`)).nodesByIds).toEqual([]);
    const again = await data(`mutation { deleteArticle(id: "article:huawei-kunder") { deleted nodesRemoved } }`);
    expect(again.deleteArticle).toEqual({ deleted: false, nodesRemoved: 0 });
  });
});

describe('bad input gets BAD_USER_INPUT with a message that says what to do', () => {
  const cases: [string, string, RegExp, string?][] = [
    [
      'empty article text',
      `mutation { ingestArticle(input: {text: "  \\n "}) { articleId } }`,
      /empty: paste the article body/,
      'EMPTY_TEXT',
    ],
    [
      'neighborhood depth over 3',
      `{ neighborhood(ids: ["company:huawei"], depth: 4) { truncated } }`,
      /depth 4 is outside 1\.\.3/,
    ],
    [
      'paths maxDepth over 6',
      `{ paths(from: "company:huawei", to: "government:usa", maxDepth: 7) { truncated } }`,
      /maxDepth 7 is outside 1\.\.6/,
    ],
    [
      'unknown neighborhood id',
      `{ neighborhood(ids: ["company:nope"]) { truncated } }`,
      /unknown node id\(s\) in ids: company:nope — use search/,
    ],
    ['empty neighborhood ids', `{ neighborhood(ids: []) { truncated } }`, /ids is empty/],
    [
      'unknown paths id',
      `{ paths(from: "company:huawei", to: "company:nope") { truncated } }`,
      /unknown node id\(s\) in from\/to: company:nope/,
    ],
    ['paths to itself', `{ paths(from: "company:huawei", to: "company:huawei") { truncated } }`, /same node/],
    ['unknown edge id', `{ evidence(edgeId: "5:nope:1") { type } }`, /unknown edge id/],
    [
      'unknown node type',
      `{ search(query: "huawei", types: ["Banana"]) { id } }`,
      /unknown types: Banana — use one of Person/,
    ],
    [
      'unknown relationship type',
      `{ neighborhood(ids: ["company:huawei"], relationTypes: ["LIKES"]) { truncated } }`,
      /unknown relationTypes: LIKES/,
    ],
    ['search without a word', `{ search(query: " - ") { id } }`, /no word to search for/],
    ['bad timeline date', `{ timeline(from: "16/05/2019") { id } }`, /not a date: use YYYY-MM-DD/],
    ['reversed timeline range', `{ timeline(from: "2020-01-01", to: "2019-01-01") { id } }`, /after to/],
    ['unknown event kind', `{ timeline(kinds: ["PARTY"]) { id } }`, /unknown kinds: PARTY/],
    [
      'merge of unknown ids',
      `mutation { mergeEntities(keepId: "company:huawei", mergeIds: ["company:nope"]) { keptId } }`,
      /unknown entity id\(s\): company:nope/,
    ],
    [
      'merge into itself',
      `mutation { mergeEntities(keepId: "company:huawei", mergeIds: ["company:huawei"]) { keptId } }`,
      /mergeIds contains keepId/,
    ],
  ];
  for (const [name, query, message, reason] of cases) {
    it(name, async () => {
      const error = await failure(query);
      expect(error.message).toMatch(message);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      if (reason) expect(error.extensions.reason).toBe(reason);
    });
  }

  it('article text over the size limit', async () => {
    const error = await failure(`mutation($t: String!) { ingestArticle(input: {text: $t}) { articleId } }`, {
      t: 'æ'.repeat(1_100_000),
    });
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TEXT_TOO_LARGE',
      maxBytes: 2 * 1024 * 1024,
    });
    expect(error.message).toMatch(/2200000 bytes; the limit is 2097152/);
  });

  it('a document nested deeper than the limit is refused before it runs', async () => {
    let nested = 'id';
    for (let i = 0; i < 7; i++) nested = `mentionedIn { mentions { ${nested} } }`;
    const error = await failure(`{ companies { ${nested} } }`);
    expect(error.message).toMatch(/nested 16 levels deep; the limit is 12/);
    expect(error.extensions.reason).toBe('QUERY_TOO_DEEP');
    // GraphiQL's introspection is deep but allowed.
    const introspection = await server.gql(
      `{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } } }`,
    );
    expect(introspection.errors).toBeUndefined();
  });
});

describe('off loopback', () => {
  it('mutations need the API token; queries do not', async () => {
    const open = await startTestServer({ HOST: '0.0.0.0', NEWSGRAPH_API_TOKEN: 'test-token-123' });
    try {
      const denied = await open.gql(`mutation { deleteArticle(id: "article:huawei-kunder") { deleted } }`);
      expect(denied.status).toBe(401);
      expect(denied.errors![0].extensions.code).toBe('UNAUTHORIZED');
      expect(denied.errors![0].message).toMatch(/Authorization: Bearer/);
      const wrong = await open.gql(
        `mutation { deleteArticle(id: "article:huawei-kunder") { deleted } }`,
        {},
        { authorization: 'Bearer nope' },
      );
      expect(wrong.status).toBe(401);
      expect((await open.gql(`{ stats { articles } }`)).data).toEqual({ stats: { articles: 2 } });
      const allowed = await open.gql(
        `mutation { deleteArticle(id: "article:huawei-kunder") { deleted } }`,
        {},
        { authorization: 'Bearer test-token-123' },
      );
      expect(allowed.data).toEqual({ deleteArticle: { deleted: true } });
    } finally {
      await open.close();
    }
  });
});

describe('without a database', () => {
  it('queries fail with DATABASE_UNAVAILABLE once the driver gives up retrying', async () => {
    const { user, password } = testNeo4j();
    const database = connectDatabase({ uri: 'bolt://127.0.0.1:1', user, password });
    try {
      await expect(createRepositories(database).explorer.stats()).rejects.toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
      });
      expect(await database.ping()).toBe(false);
    } finally {
      await database.close();
    }
  });

  it('startServer fails fast with DATABASE_UNAVAILABLE and a hint', async () => {
    const config = readConfig({ ...process.env, PORT: '0', NEWSGRAPH_DEMO_DATA: '0' });
    const { user, password } = testNeo4j();
    await expect(startServer(config, { uri: 'bolt://127.0.0.1:1', user, password })).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringMatching(/^database unavailable: .*is Neo4j running\?/),
    });
  });
});
