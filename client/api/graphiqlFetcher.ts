// The fetcher GraphiQL runs queries through; it reports each result so the explorer can draw it.
import { type GraphQLResponse, postGraphQL } from './client.ts';

export interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** GraphiQL's own schema fetch; its result is not a user's query and is not reported. */
const INTROSPECTION = 'IntrospectionQuery';

/** Errors are returned as a GraphQL response, so GraphiQL shows them in its result pane instead of throwing. */
export function createGraphiQLFetcher(onResult: (result: GraphQLResponse) => void) {
  return async (params: FetcherParams): Promise<GraphQLResponse> => {
    try {
      const result = await postGraphQL(params);
      if (params.operationName !== INTROSPECTION) onResult(result);
      return result;
    } catch (error) {
      const response: GraphQLResponse = {
        errors: [{ message: error instanceof Error ? error.message : String(error) }],
      };
      if (params.operationName !== INTROSPECTION) onResult(response);
      return response;
    }
  };
}
