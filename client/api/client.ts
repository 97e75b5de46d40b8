// The one place the browser talks HTTP: POSTs GraphQL documents to /graphql and normalises every failure.
import { type MessageKey, t } from '../i18n/index.ts';

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
  /** The HTTP status a fetched site answered with (HTTP_ERROR), when the server gives it. */
  readonly status?: number;
  /** The argument the server refused (BAD_USER_INPUT), e.g. "input.publishedAt". */
  readonly argument?: string;
  constructor(
    code: ApiErrorCode,
    message: string,
    reason?: string,
    details: { status?: number; argument?: string } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.reason = reason;
    this.status = details.status;
    this.argument = details.argument;
  }
}

export interface GraphQLResponse<T = unknown> {
  data?: T | null;
  errors?: {
    message: string;
    path?: (string | number)[];
    extensions?: { code?: string; reason?: string; status?: number; argument?: string };
  }[];
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
    if (signal?.aborted) throw new ApiError('ABORTED', t('error.cancelled'));
    throw new ApiError('SERVER_UNREACHABLE', t('error.unreachable'));
  }
  const text = await response.text();
  let parsed: GraphQLResponse<T>;
  try {
    parsed = JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(
      'BAD_RESPONSE',
      t(response.status >= 500 ? 'error.notJson5xx' : 'error.notJson', { status: String(response.status) }),
    );
  }
  if (!parsed || (parsed.data === undefined && !parsed.errors)) {
    throw new ApiError('BAD_RESPONSE', t('error.unexpectedBody', { status: String(response.status) }));
  }
  return parsed;
}

/** Runs a document and returns its data, throwing an ApiError carrying the server's first error. */
export async function request<T>(query: string, variables?: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const result = await postGraphQL<T>({ query, variables }, signal);
  if (result.errors && result.errors.length > 0) {
    const first = result.errors[0];
    const ext = first.extensions;
    throw new ApiError(ext?.code ?? 'GRAPHQL_ERROR', first.message, ext?.reason, {
      status: typeof ext?.status === 'number' ? ext.status : undefined,
      argument: typeof ext?.argument === 'string' ? ext.argument : undefined,
    });
  }
  if (result.data == null) throw new ApiError('BAD_RESPONSE', t('error.noData'));
  return result.data;
}

/** Server codes every part of the explorer words the same way, in the UI language. */
const BY_CODE: Readonly<Record<string, MessageKey>> = {
  DATABASE_UNAVAILABLE: 'error.DATABASE_UNAVAILABLE',
  QUERY_TIMEOUT: 'error.QUERY_TIMEOUT',
  QUERY_TOO_COMPLEX: 'error.QUERY_TOO_COMPLEX',
  RESPONSE_TOO_LARGE: 'error.RESPONSE_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'error.INTERNAL_SERVER_ERROR',
};

/** Failures this file words itself, already in the UI language. */
const CLIENT_CODES = new Set(['SERVER_UNREACHABLE', 'BAD_RESPONSE', 'ABORTED']);

/**
 * Turns anything thrown into a message fit to show on screen, in the UI language: known codes from the dictionary,
 * other server refusals as the server words them (English) in English and as a general sentence with the code in
 * Danish.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (CLIENT_CODES.has(error.code)) return error.message;
    if (BY_CODE[error.code]) return t(BY_CODE[error.code]);
    return t('error.server', { detail: error.message, code: error.code });
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
