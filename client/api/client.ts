// The one place the browser talks HTTP: POSTs GraphQL documents to /graphql and normalises every failure.

/** Same origin as the page: server/main.ts serves both the explorer and /graphql. */
export const GRAPHQL_URL = '/graphql';

/**
 * This tab's name, sent with every request (x-newsgraph-client) and named by the server in the articles-loaded events
 * its loads cause, so the tab does not offer its own loads back as news. Not a secret.
 */
export const CLIENT_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/** Error codes the explorer shows differently (the server's own codes pass through unchanged). */
export type ApiErrorCode = 'SERVER_UNREACHABLE' | 'BAD_RESPONSE' | 'ABORTED' | string;

/** A failed request, with a message written for the person using the explorer. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** The server's precise reason for a BAD_USER_INPUT (TEXT_TOO_LARGE, EMPTY_TEXT…), when it gives one. */
  readonly reason?: string;
  constructor(code: ApiErrorCode, message: string, reason?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.reason = reason;
  }
}

export interface GraphQLResponse<T = unknown> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; reason?: string } }[];
}

/** Sends one GraphQL request and returns the raw response (GraphiQL wants errors and data side by side). */
export async function postGraphQL<T = unknown>(
  body: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null },
  signal?: AbortSignal,
): Promise<GraphQLResponse<T>> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-newsgraph-client': CLIENT_ID },
      body: JSON.stringify(body),
      signal,
    });
  } catch {
    if (signal?.aborted) throw new ApiError('ABORTED', 'Request cancelled');
    throw new ApiError(
      'SERVER_UNREACHABLE',
      'Cannot reach the newsgraph server. Check that it is running (npm start) and reload.',
    );
  }
  const text = await response.text();
  let parsed: GraphQLResponse<T>;
  try {
    parsed = JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(
      'BAD_RESPONSE',
      `The server answered HTTP ${response.status} without GraphQL JSON${response.status >= 500 ? ': it may be starting up or failing, try again' : ''}.`,
    );
  }
  if (!parsed || (parsed.data === undefined && !parsed.errors)) {
    throw new ApiError('BAD_RESPONSE', `The server answered HTTP ${response.status} with an unexpected body.`);
  }
  return parsed;
}

/** Runs a document and returns its data, throwing an ApiError carrying the server's first error. */
export async function request<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const result = await postGraphQL<T>({ query, variables }, signal);
  if (result.errors && result.errors.length > 0) {
    const first = result.errors[0];
    throw new ApiError(first.extensions?.code ?? 'GRAPHQL_ERROR', first.message, first.extensions?.reason);
  }
  if (result.data == null) throw new ApiError('BAD_RESPONSE', 'The server returned no data.');
  return result.data;
}

/** Turns anything thrown into a message fit to show on screen. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
