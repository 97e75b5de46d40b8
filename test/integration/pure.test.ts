// The database-free parts of the db/graphql/load layers (Lucene query building, merge planning, batch building,
// the named-query registry, the depth rule). They live with the integration tests because these layers' tests do.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema as buildSdlSchema, GraphQLError, parse, validate } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { runCancellable } from '../../server/db/database.ts';
import { translateDatabaseError } from '../../server/db/errors.ts';
import { namesQuery, searchQuery, searchTerms } from '../../server/db/lucene.ts';
import { combineProperties, type EntityRelationship, planMerge } from '../../server/db/merge-plan.ts';
import { CYPHER_DIR, loadQueryRegistry, QUERY_NAMES, splitStatements } from '../../server/db/queries.ts';
import { NewsgraphError } from '../../server/errors.ts';
import { depthLimitRule } from '../../server/graphql/depth-limit.ts';
import { createFormatError } from '../../server/graphql/errors.ts';
import { buildArticleBatch, isoDateOrNull } from '../../server/ingest/load/index.ts';
import { huaweiSanctionGraph } from '../fixtures/loader/graphs.ts';

describe('Lucene queries from user text', () => {
  it('keep only words, so Lucene syntax in the input is inert', () => {
    expect(searchTerms('Huawei AND (ZTE) OR name:"x" ~ * \\')).toEqual(['huawei', 'and', 'zte', 'or', 'name']);
    expect(searchQuery('hua')).toBe('(hua^4 OR hua*^2)');
    expect(searchQuery('Huaewei')).toBe('(huaewei^4 OR huaewei*^2 OR huaewei~1)');
    expect(searchQuery('Donald Trump')).toBe(
      '((donald^4 OR donald*^2 OR donald~1) AND (trump^4 OR trump*^2 OR trump~1)) OR "donald trump"^8',
    );
    expect(searchQuery('Ørsted')).toContain('ørsted*');
    expect(searchQuery(' - ! ')).toBeNull();
  });

  it('look names up as phrases', () => {
    expect(namesQuery(['Huawei', "USA's", 'Det Hvide Hus', 'Huawei'])).toBe('"huawei" OR "usa s" OR "det hvide hus"');
    expect(namesQuery(['!!'])).toBeNull();
  });
});

describe('planning an entity merge', () => {
  const rel = (
    relId: string,
    type: string,
    outgoing: boolean,
    otherElementId: string,
    properties: Record<string, unknown> = {},
  ): EntityRelationship => ({ relId, type, outgoing, otherElementId, properties });

  it('absorbs duplicates, re-points the rest and drops would-be self-loops', () => {
    const keep = [
      rel('k1', 'SANCTIONS', false, 'usa', { articleIds: ['a1'], evidence: ['s1'], confidence: 0.9 }),
      rel('k2', 'MENTIONS', false, 'article1', { count: 2 }),
      rel('k3', 'CO_MENTIONED', true, 'zte', { articleIds: ['a1'], evidence: ['s3'], weight: 1 }),
    ];
    const gone = [
      rel('g1', 'SANCTIONS', false, 'usa', { articleIds: ['a2', 'a1'], evidence: ['s2'], confidence: 0.7 }),
      rel('g2', 'MENTIONS', false, 'article1', { count: 3 }),
      rel('g3', 'SUPPLIES', true, 'tdc', { articleIds: ['a2'] }),
      rel('g4', 'SANCTIONS', true, 'usa', {}), // opposite direction: a different fact
      rel('g5', 'CO_MENTIONED', false, 'zte', { articleIds: ['a2'], evidence: ['s4'], weight: 1 }), // symmetric: same fact
      rel('g6', 'CO_MENTIONED', true, 'keep', {}),
    ];
    const plan = planMerge('keep', 'gone', keep, gone);
    expect(plan.deletes.sort()).toEqual(['g1', 'g2', 'g5', 'g6']);
    expect(plan.repointStart.sort()).toEqual(['g3', 'g4']);
    expect(plan.repointEnd).toEqual([]);
    expect(Object.fromEntries(plan.updates.map((u) => [u.relId, u.properties]))).toEqual({
      k1: { articleIds: ['a1', 'a2'], evidence: ['s1', 's2'], confidence: 0.9 },
      k2: { count: 5 },
      k3: { articleIds: ['a1', 'a2'], evidence: ['s3', 's4'], weight: 2 },
    });
  });

  it("keeps the kept relationship's own properties and treats event roles as different facts", () => {
    expect(
      combineProperties('EMPLOYED_BY', { title: 'CEO', since: null }, { title: 'chef', since: '2020-01-01' }),
    ).toEqual({ title: 'CEO', since: '2020-01-01' });
    const plan = planMerge(
      'keep',
      'gone',
      [rel('k', 'PARTICIPATES_IN', true, 'ev', { role: 'agent' })],
      [rel('g', 'PARTICIPATES_IN', true, 'ev', { role: 'target' })],
    );
    expect(plan.repointStart).toEqual(['g']);
  });
});

describe('building the load batch of an article', () => {
  it('folds duplicates, orders symmetric pairs, splits citations, and drops what cannot attach', () => {
    const graph = huaweiSanctionGraph();
    const batch = buildArticleBatch({
      ...graph,
      entities: [...graph.entities, { ...graph.entities[1], aliases: ['Huawei Technologies'], mentions: 2 }],
      relations: [
        ...graph.relations,
        { ...graph.relations[0], evidence: 'En anden sætning.', confidence: 0.5 },
        { ...graph.relations[3], fromId: 'company:reuters', toId: 'government:usa', evidence: 'Tredje.' },
        { ...graph.relations[0], toId: 'company:unknown' },
        { ...graph.relations[0], toId: 'government:usa' },
      ],
    });
    expect(batch.entities.find((e) => e.id === 'company:huawei')).toMatchObject({
      aliases: ['Huaweis', 'Huawei Technologies'],
      mentions: 6,
    });
    const sanctions = batch.relations.filter((r) => r.type === 'SANCTIONS');
    expect(sanctions).toHaveLength(1);
    expect(sanctions[0]).toMatchObject({
      confidence: 0.9,
      evidence: [graph.relations[0].evidence, 'En anden sætning.'],
    });
    const co = batch.relations.filter((r) => r.type === 'CO_MENTIONED');
    expect(co).toEqual([expect.objectContaining({ fromId: 'company:reuters', toId: 'government:usa', props: {} })]);
    expect(co[0].evidence).toHaveLength(2);
    expect(batch.relations.find((r) => r.type === 'HEADS')?.props).toEqual({ title: 'leder' });
    expect(batch.citations).toEqual([
      { toId: 'company:reuters', evidence: [graph.relations[1].evidence], confidence: 0.95 },
    ]);
    expect(batch.participants).toHaveLength(4);
  });

  it('keeps dates Neo4j can store and moves the rest to dateText', () => {
    expect(isoDateOrNull('2019-05-15')).toBe('2019-05-15');
    expect(isoDateOrNull('2019-02-30')).toBeNull();
    expect(isoDateOrNull('maj 2019')).toBeNull();
    const graph = huaweiSanctionGraph();
    const batch = buildArticleBatch({ ...graph, events: [{ ...graph.events[0], date: '2019-05', dateText: null }] });
    expect(batch.events[0]).toMatchObject({ date: null, dateText: '2019-05' });
  });

  it('refuses labels and types outside the graph model', () => {
    const graph = huaweiSanctionGraph();
    expect(() => buildArticleBatch({ ...graph, entities: [{ ...graph.entities[0], type: 'Robot' as never }] })).toThrow(
      /unknown type "Robot"/,
    );
    expect(() =>
      buildArticleBatch({ ...graph, relations: [{ ...graph.relations[0], type: 'LIKES' as never }] }),
    ).toThrow(/"LIKES" is not in the graph model/);
  });
});

describe('the named-query registry', () => {
  it('loads every named query with a header listing its parameters', () => {
    const registry = loadQueryRegistry();
    for (const name of QUERY_NAMES) expect(registry.get(name).text.length).toBeGreaterThan(0);
    expect(registry.schemaStatements.length).toBeGreaterThanOrEqual(14);
    expect(registry.schemaStatements.every((s) => /IF NOT EXISTS/.test(s))).toBe(true);
    // No stray query files that nothing runs.
    const files = readdirSync(CYPHER_DIR)
      .filter((f) => f.endsWith('.cypher') && f !== 'schema.cypher')
      .map((f) => f.replace(/\.cypher$/, ''));
    expect(files.sort()).toEqual([...QUERY_NAMES].sort());
  });

  it("makes a per-row relationship type static only for the model's own types", () => {
    const registry = loadQueryRegistry();
    const text = registry.withRelationType('bulk-relations', 'SUPPLIES');
    expect(text).toMatch(/MERGE \(s\)-\[rel:SUPPLIES\]->\(t\)/);
    expect(text).not.toContain('$(row.type)');
    expect(() => registry.withRelationType('bulk-relations', 'SUPPLIES]->(t) DETACH DELETE t //')).toThrow(
      /not a relationship type of the graph model/,
    );
    expect(() => registry.withRelationType('search', 'SUPPLIES')).toThrow(/has no \$\(row\.type\)/);
  });

  it('fails fast, naming the file, when a query is missing or its header is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-cypher-'));
    for (const file of readdirSync(CYPHER_DIR)) writeFileSync(join(dir, file), readFileSync(join(CYPHER_DIR, file)));
    writeFileSync(join(dir, 'search.cypher'), '// params: $lucene\n// returns: id\nRETURN $lucene, $limit');
    expect(() => loadQueryRegistry(dir)).toThrow(/search\.cypher: parameters used but not listed .*\$limit/);
    writeFileSync(join(dir, 'search.cypher'), 'RETURN 1');
    expect(() => loadQueryRegistry(dir)).toThrow(/search\.cypher: the header must have/);
    expect(() => loadQueryRegistry(join(dir, 'nope'))).toThrow(/cannot read the Cypher query directory/);
  });

  it('splits schema files on statement ends only', () => {
    expect(
      splitStatements(
        '// a comment; not a statement\nCREATE INDEX a IF NOT EXISTS\n  FOR (n:A) ON (n.x);\nCREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y);\n',
      ),
    ).toEqual([
      'CREATE INDEX a IF NOT EXISTS\n  FOR (n:A) ON (n.x)',
      'CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.y)',
    ]);
  });
});

describe('the document depth rule', () => {
  const schema = buildSdlSchema('type Query { a: A } type A { b: A, n: Int }');
  const errors = (query: string) => validate(schema, parse(query), [depthLimitRule(3)]).map((e) => e.message);
  it('counts nested fields through fragments and skips introspection', () => {
    expect(errors('{ a { b { n } } }')).toEqual([]);
    expect(errors('{ a { b { b { n } } } }')).toEqual([
      'query is nested 4 levels deep; the limit is 3 — split it into several queries',
    ]);
    expect(errors('{ a { ...F } } fragment F on A { b { b { n } } }')).toHaveLength(1);
    expect(errors('{ a { ... on A { b { n } } } }')).toEqual([]);
    expect(errors('{ __schema { types { fields { type { ofType { name } } } } } }')).toEqual([]);
  });
});

describe('error normalisation', () => {
  const logged: string[] = [];
  const format = createFormatError((message) => {
    logged.push(message);
  });
  const base = { message: 'raw', path: ['stats'], extensions: { code: 'INTERNAL_SERVER_ERROR' } };

  it('translates driver errors once, with a message that says what to do', () => {
    const down = translateDatabaseError(
      new Neo4jError('Could not perform discovery. No routing servers available.', 'ServiceUnavailable', '', ''),
    );
    expect(down).toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringMatching(/^database unavailable: Could not perform discovery.*is Neo4j running\?/),
    });
    const auth = translateDatabaseError(
      new Neo4jError('The client is unauthorized', 'Neo.ClientError.Security.Unauthorized', '', ''),
    );
    expect(auth.message).toMatch(/set NEO4J_USER and NEO4J_PASSWORD/);
    const apoc = translateDatabaseError(
      new Neo4jError(
        'There is no procedure with the name `apoc.merge.relationship`',
        'Neo.ClientError.Procedure.ProcedureNotFound',
        '',
        '',
      ),
    );
    expect(apoc.message).toMatch(/APOC core plugin is missing/);
  });

  it('maps every error to a code: input errors to BAD_USER_INPUT, the rest without internals', () => {
    expect(format(base, new NewsgraphError('TEXT_TOO_LARGE', 'too big', { maxBytes: 10 }))).toEqual({
      message: 'too big',
      path: ['stats'],
      extensions: { code: 'BAD_USER_INPUT', reason: 'TEXT_TOO_LARGE', maxBytes: 10 },
    });
    expect(
      format(base, new Neo4jError('connect ECONNREFUSED 127.0.0.1:7687', 'ServiceUnavailable', '', '')).extensions,
    ).toEqual({ code: 'DATABASE_UNAVAILABLE' });
    const hidden = format(base, new Error('secret stack detail'));
    expect(hidden).toMatchObject({
      message: 'internal server error: the server log has the details',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(hidden)).not.toMatch(/secret/);
    const validation = { message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(format(validation, new GraphQLError('Cannot query field'))).toBe(validation);
    expect(logged).toContain('unexpected error while resolving stats');
  });

  it('reports what fails after the client went away as the cancellation, and logs nothing', () => {
    const closed = new Neo4jError('You cannot run more transactions on a closed session.', 'N/A', '', '');
    const gone = new AbortController();
    gone.abort();
    const before = logged.length;
    const answer = runCancellable(gone.signal, () => format(base, closed));
    expect(answer.extensions?.code).toBe('QUERY_CANCELLED');
    expect(logged.length).toBe(before);
    // The same error while the request is still there is a fault, and is logged.
    expect(
      runCancellable(new AbortController().signal, () => format(base, new Error('closed session'))).extensions?.code,
    ).toBe('INTERNAL_SERVER_ERROR');
    expect(logged.length).toBe(before + 1);
  });

  it('never throws, whatever it is given', () => {
    const hostile = {
      get message(): string {
        throw new Error('boom');
      },
    };
    expect(() => format(base, hostile)).not.toThrow();
    expect(format(undefined as never, null).extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
