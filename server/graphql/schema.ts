// Builds the executable schema: @neo4j/graphql's generated domain API plus the custom explorer operations.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Neo4jGraphQL, type Neo4jGraphQLConstructor } from '@neo4j/graphql';
import type { GraphQLSchema } from 'graphql';
import { domainTypeDefs } from './domain.ts';
import { explorerResolvers } from './resolvers.ts';

export const EXPLORER_TYPE_DEFS = readFileSync(fileURLToPath(new URL('./explorer.graphql', import.meta.url)), 'utf8');

/**
 * @neo4j/graphql features: legacy filter spellings (name_CONTAINS, …) are left out — they multiplied the size of
 * the schema (docs/performance-notes.md) and the current ones are `where: {name: {contains: "Hua"}}`.
 */
const FEATURES: Neo4jGraphQLConstructor['features'] = {
  excludeDeprecatedFields: {
    mutationOperations: true,
    aggregationFilters: true,
    aggregationFiltersOutsideConnection: true,
    relationshipFilters: true,
    attributeFilters: true,
  },
};

/** `driver` is the app's neo4j-driver Driver (from server/db); it runs the generated queries. */
export async function buildSchema(driver: Neo4jGraphQLConstructor['driver']): Promise<GraphQLSchema> {
  const neo4jGraphQL = new Neo4jGraphQL({
    typeDefs: [domainTypeDefs(), EXPLORER_TYPE_DEFS],
    resolvers: explorerResolvers,
    driver,
    features: FEATURES,
  });
  return neo4jGraphQL.getSchema();
}
