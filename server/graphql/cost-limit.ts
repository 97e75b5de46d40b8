// Refuses GraphQL operations whose estimated cost (nesting × list sizes) is over a limit, before anything runs.
//
// Depth and width limits (depth-limit.ts, width-limit.ts) cannot see that `articles(limit: 1000) { mentions {
// mentionedIn { mentions { name } } } }` is 1000 × 100 × 100 × 100 rows: the cost is. The counting is
// graphql-query-complexity's; the estimator is ours because @neo4j/graphql's own (features.complexityEstimators)
// takes 1 for a nested list without `limit`, where the real size is the `@limit` default every node type carries
// here (domain.ts), so it would wave through exactly the query that tied the server up.
import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLField, type GraphQLSchema } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors.ts';
import { LIMITS } from './limits.ts';

// Its CommonJS build: the ESM one imports graphql's .mjs files, a second copy of graphql next to the CommonJS one
// @neo4j/graphql builds the schema with, and graphql refuses a schema from "another module or realm".
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof import('graphql-query-complexity');

/** Explorer operations with list-size arguments of their own: they clamp them and their results are built in memory. */
const EXPLORER_FIELDS = new Set(['search', 'neighborhood', 'paths', 'timeline', 'edgesAmong', 'nodesByIds']);

function hasArgument(field: GraphQLField<unknown, unknown>, name: string): boolean {
  return field.args.some((a) => a.name === name);
}

/** At most this many rows match a `where` that pins `id` (ids are unique): `{id: {eq}}` one, `{id: {in: […]}}` that many. */
function rowsMatchedById(where: unknown): number {
  const id = (where as { id?: { eq?: unknown; in?: unknown } } | undefined)?.id;
  if (id?.eq !== undefined && id.eq !== null) return 1;
  if (Array.isArray(id?.in)) return id.in.length;
  return Number.POSITIVE_INFINITY;
}

/**
 * A field of @neo4j/graphql's generated API that returns many rows (`companies`, `mentions`, `…Connection`) costs
 * its children's cost once per row it may return: the `limit`/`first` asked for, else the `@limit` default, never
 * more than the maximum (which @neo4j/graphql enforces the same way). Every other field costs 1 plus its children.
 */
export const listEstimator: ComplexityEstimator = ({ field, args, childComplexity, type }) => {
  if (EXPLORER_FIELDS.has(field.name) && type.name === 'Query') return 1 + childComplexity;
  const paged = hasArgument(field, 'limit') ? 'limit' : hasArgument(field, 'first') ? 'first' : undefined;
  if (!paged) return undefined;
  const asked = typeof args[paged] === 'number' ? (args[paged] as number) : LIMITS.defaultListSize;
  const rows = Math.max(1, Math.min(asked, LIMITS.maxListSize, rowsMatchedById(args.where)));
  return 1 + rows * Math.max(1, childComplexity);
};

/** Plugin: computes the cost once variables are known and refuses with QUERY_TOO_COMPLEX (HTTP 400) over `maxCost`. */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operation }) {
          if (!operation) return;
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            ...(request.operationName ? { operationName: request.operationName } : {}),
            estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > maxCost) {
            throw new GraphQLError(
              `query would cost about ${cost} (nesting × list sizes); the limit is ${maxCost} — ask for smaller limits or fewer nested lists, or page with …Connection(first, after)`,
              {
                extensions: {
                  code: ErrorCode.QUERY_TOO_COMPLEX,
                  cost,
                  maxCost,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}
