// The Apollo Server around the schema: error formatting, the document depth and width limits, list sizes, and the mutation guard.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../errors.ts';
import type { GraphQLContext } from './context.ts';
import { costLimitPlugin } from './cost-limit.ts';
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

/** HTTP status of an answer with no data, by its first error's code; GraphQL's own 200 otherwise. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  [ErrorCode.RESPONSE_TOO_LARGE]: 400,
  [ErrorCode.QUERY_TIMEOUT]: 503,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
};

/**
 * Sets the HTTP status of failed answers (errors met while executing reach Apollo as 200), and caps the size of
 * every answer: one larger than `maxBytes` is replaced by a RESPONSE_TOO_LARGE error, so no client is sent
 * hundreds of megabytes.
 */
function responsePolicy(maxBytes: number): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.data) {
            const bytes = Buffer.byteLength(JSON.stringify(result));
            if (bytes > maxBytes) {
              response.body.singleResult = {
                errors: [
                  {
                    message: `the answer is ${bytes} bytes; the limit is ${maxBytes} (NEWSGRAPH_MAX_RESPONSE_BYTES) — ask for fewer rows or fields (smaller limit, no article text), or page with …Connection(first, after)`,
                    extensions: { code: ErrorCode.RESPONSE_TOO_LARGE, bytes, maxBytes },
                  },
                ],
              };
              response.http.status = 400;
              return;
            }
          }
          const code = result.errors?.[0]?.extensions?.code;
          if (!result.data && typeof code === 'string' && STATUS_BY_CODE[code]) {
            response.http.status = STATUS_BY_CODE[code];
            if (STATUS_BY_CODE[code] === 503) response.http.headers.set('retry-after', '5');
          }
        },
      };
    },
  };
}

export interface ApolloLimits {
  /** Largest estimated cost of an operation (config.maxQueryCost). */
  readonly maxQueryCost: number;
  /** Largest response body in bytes (config.maxResponseBytes). */
  readonly maxResponseBytes: number;
}

export function createApolloServer(
  schema: GraphQLSchema,
  log: ErrorLogger,
  limits: ApolloLimits,
): ApolloServer<GraphQLContext> {
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
      costLimitPlugin(schema, limits.maxQueryCost),
      responsePolicy(limits.maxResponseBytes),
    ],
    introspection: true,
    // Rejects simple cross-site GET/POST requests (no JSON content type, no preflight header).
    csrfPrevention: true,
    // Stack traces stay in the server log.
    includeStacktraceInErrorResponses: false,
  });
}
