// The cost estimate of generated GraphQL queries: nesting × list sizes, with the @limit default for lists without one.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { listEstimator } from '../../../server/graphql/cost-limit.ts';

// CommonJS builds of both, as the server loads them (vitest would otherwise give this file graphql's ESM copy).
const require = createRequire(import.meta.url);
const { getComplexity, simpleEstimator } =
  require('graphql-query-complexity') as typeof import('graphql-query-complexity');
const { buildSchema, parse } = require('graphql') as typeof import('graphql');

const schema = buildSchema(`
  input ArticleWhere { id: IdFilter }
  input IdFilter { eq: ID in: [ID!] }
  type Query { articles(limit: Int, where: ArticleWhere): [Article!]! search(query: String!, limit: Int): [Hit!]! }
  type Article { id: ID! mentions(limit: Int): [Company!]! mentionsConnection(first: Int): Conn! }
  type Company { id: ID! name: String! mentionedIn(limit: Int): [Article!]! }
  type Conn { totalCount: Int! edges: [Edge!]! }
  type Edge { node: Company! }
  type Hit { id: ID! }
`);

const cost = (query: string) =>
  getComplexity({
    schema,
    query: parse(query),
    variables: {},
    estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });

describe('listEstimator', () => {
  it('multiplies by the limit asked for, or the default 100 for nested lists without one', () => {
    expect(cost('{ articles(limit: 10) { id } }')).toBe(1 + 10 * 1);
    expect(cost('{ articles(limit: 10) { id mentions { id name } } }')).toBe(1 + 10 * (1 + (1 + 100 * 2)));
    expect(cost('{ articles(limit: 10) { mentionsConnection(first: 5) { totalCount } } }')).toBe(1 + 10 * (1 + 5));
  });

  it('counts a list filtered to one id as one row, to a list of ids as that many', () => {
    expect(cost('{ articles(where: {id: {eq: "a"}}) { id mentions { id } } }')).toBe(1 + 1 * (1 + (1 + 100 * 1)));
    expect(cost('{ articles(where: {id: {in: ["a", "b"]}}) { id } }')).toBe(1 + 2);
  });

  it('puts the issue-18 attack in the billions', () => {
    expect(
      cost('{ articles(limit: 1000) { id mentions { id mentionedIn { id mentions { id name } } } } }'),
    ).toBeGreaterThan(2e9);
  });

  it('counts a limit above the maximum as the maximum (it is refused elsewhere), explorer fields as flat', () => {
    expect(cost('{ articles(limit: 5000) { id } }')).toBe(1 + 1000);
    expect(cost('{ search(query: "x", limit: 100) { id } }')).toBe(2);
  });
});
