// The Apollo Server around the schema: error formatting, the document depth and width limits, list sizes, and the mutation guard.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../errors.ts';
import type { GraphQLContext } from './context.ts';
import { depthLimitRule } from './depth-limit.ts';
import { createFormatError, type ErrorLogger } from './errors.ts';
import { LIMITS } from './limits.ts';
import { listLimitPlugin, widthLimitRule } from './width-limit.ts';

/** Refuses mutations from requests that may not make them (see main.ts for who may), before any resolver runs. */
function mutationGuard(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation' && !contextValue.mayMutate) {
            throw new GraphQLError(
              'mutations need "Authorization: Bearer <token>" when the server listens beyond this machine: send the NEWSGRAPH_API_TOKEN the server was started with',
              { extensions: { code: ErrorCode.UNAUTHORIZED, http: { status: 401 } } },
            );
          }
        },
      };
    },
  };
}

export function createApolloServer(schema: GraphQLSchema, log: ErrorLogger): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema,
    formatError: createFormatError(log),
    validationRules: [depthLimitRule(LIMITS.maxQueryDepth), widthLimitRule()],
    // The explorer bundles its own GraphiQL; Apollo's landing page would load from a CDN (the app is offline).
    // Cache-control hints are unused here, and the plugin hooks every field resolution, which a hub neighbourhood
    // with thousands of edges pays for (docs/performance-notes.md, "GraphQL").
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      mutationGuard(),
      listLimitPlugin(),
    ],
    introspection: true,
    // Rejects simple cross-site GET/POST requests (no JSON content type, no preflight header).
    csrfPrevention: true,
    // Stack traces stay in the server log.
    includeStacktraceInErrorResponses: false,
  });
}
