// Error codes and classes shared by the CLI, the ingest pipeline and the GraphQL layer. Imports nothing of ours.

export const ErrorCode = {
  EMPTY_TEXT: 'EMPTY_TEXT',
  TEXT_TOO_LARGE: 'TEXT_TOO_LARGE',
  BINARY_INPUT: 'BINARY_INPUT',
  BAD_ENCODING: 'BAD_ENCODING',
  BAD_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** The query's estimated cost (nesting × list sizes) is over the limit; refused before it runs. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** The query ran past its transaction timeout, or past Neo4j's memory limit for one transaction. */
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  /** The answer would be larger than the response size cap. */
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE',
  /** The client went away; its database work was stopped. */
  QUERY_CANCELLED: 'QUERY_CANCELLED',
  /** A URL that may not be fetched: not http(s), or its host is a private/loopback/metadata address (SSRF guard). */
  URL_NOT_ALLOWED: 'URL_NOT_ALLOWED',
  /** The site's robots.txt forbids fetching the page. */
  ROBOTS_DISALLOWED: 'ROBOTS_DISALLOWED',
  /** The site did not answer within the fetch timeout. */
  FETCH_TIMEOUT: 'FETCH_TIMEOUT',
  /** The page is larger than the article size limit. */
  FETCH_TOO_LARGE: 'FETCH_TOO_LARGE',
  /** The site could not be reached (DNS, refused connection, TLS) or redirected too often. */
  FETCH_FAILED: 'FETCH_FAILED',
  /** The site answered with an HTTP error status (details.status). */
  HTTP_ERROR: 'HTTP_ERROR',
  /** The page is no HTML or text article (a PDF, an image, a page without article text). */
  NOT_AN_ARTICLE: 'NOT_AN_ARTICLE',
  /** The document is no RSS 2.0 or Atom feed (or a broken one). */
  NOT_A_FEED: 'NOT_A_FEED',
  UNAUTHORIZED: 'UNAUTHORIZED',
  PORT_IN_USE: 'PORT_IN_USE',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error whose message tells the user what to do; `code` travels to GraphQL `extensions.code` and CLI output. */
export class NewsgraphError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'NewsgraphError';
    this.code = code;
    this.details = details;
  }
}

export function isNewsgraphError(error: unknown): error is NewsgraphError {
  return error instanceof NewsgraphError;
}
