// The one place GraphQL errors are normalised: every error leaves with extensions.code and a message that
// says what to do; internal details are logged, never sent. formatError never throws.
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { requestCancelled, translateDatabaseError } from '../db/index.ts';
import { ErrorCode, isNewsgraphError, type NewsgraphError } from '../errors.ts';

/** Codes that mean "the request was wrong": all reach clients as BAD_USER_INPUT, the precise one as `reason`. */
const INPUT_CODES = new Set<string>([
  ErrorCode.EMPTY_TEXT,
  ErrorCode.TEXT_TOO_LARGE,
  ErrorCode.BINARY_INPUT,
  ErrorCode.BAD_ENCODING,
  ErrorCode.BAD_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.LIMIT_EXCEEDED,
]);

export type ErrorLogger = (message: string, error: unknown) => void;

function fromNewsgraphError(
  formatted: GraphQLFormattedError,
  error: NewsgraphError,
  log: ErrorLogger,
): GraphQLFormattedError {
  if (error.code === ErrorCode.INTERNAL) {
    log(`internal error while resolving ${formatted.path?.join('.') ?? 'request'}`, error);
    return {
      ...formatted,
      message: 'internal server error: the server log has the details',
      extensions: { code: ErrorCode.INTERNAL },
    };
  }
  const input = INPUT_CODES.has(error.code);
  const extensions: Record<string, unknown> = { code: input ? ErrorCode.BAD_INPUT : error.code };
  if (input && error.code !== ErrorCode.BAD_INPUT) extensions.reason = error.code;
  if (error.details) {
    for (const key of ['argument', 'unknownIds', 'unknown', 'max', 'maxBytes', 'bytes', 'reason', 'status', 'url']) {
      if (key in error.details) extensions[key] = error.details[key];
    }
  }
  if (error.code === ErrorCode.DATABASE_UNAVAILABLE) log('database unavailable', error);
  return { message: error.message, locations: formatted.locations, path: formatted.path, extensions };
}

function isGraphQLError(error: unknown): boolean {
  // Subclasses (Apollo's ValidationError, UserInputError…) keep GraphQLError's toStringTag.
  return error instanceof GraphQLError || Object.prototype.toString.call(error) === '[object GraphQLError]';
}

function isDatabaseError(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === 'Neo4jError' || /ECONNREFUSED|ServiceUnavailable/.test(error.message))
  );
}

/** Apollo's formatError: maps our errors, driver errors and unknown errors to the public shape. */
export function createFormatError(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    try {
      const original = unwrapResolverError(error);
      // The client went away and its sessions were closed (runCancellable): @neo4j/graphql's resolvers then fail with
      // "closed session", which is the cancellation itself, not an internal fault to log.
      if (requestCancelled() && !(isNewsgraphError(original) && original.code !== ErrorCode.INTERNAL)) {
        return {
          message: 'the request was cancelled (the client went away) and its database work was stopped',
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code: ErrorCode.QUERY_CANCELLED },
        };
      }
      if (isNewsgraphError(original)) return fromNewsgraphError(formatted, original, log);
      if (isDatabaseError(original)) return fromNewsgraphError(formatted, translateDatabaseError(original), log);
      // Parse, validation, variable and guard errors already carry a code and a useful message. (Checked by
      // shape, not instanceof: Apollo and our code may load different copies of graphql, ESM and CJS.)
      if (isGraphQLError(original) && formatted.extensions?.code && formatted.extensions.code !== ErrorCode.INTERNAL) {
        return formatted;
      }
      // @neo4j/graphql reports bad filters/arguments of generated fields as plain Errors with a readable message.
      if (original instanceof Error && original.constructor.name.startsWith('Neo4jGraphQL')) {
        return {
          message: original.message,
          locations: formatted.locations,
          path: formatted.path,
          extensions: { code: ErrorCode.BAD_INPUT },
        };
      }
      log(`unexpected error while resolving ${formatted.path?.join('.') ?? 'request'}`, original);
      return {
        message: 'internal server error: the server log has the details',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.INTERNAL },
      };
    } catch {
      return { message: 'internal server error', extensions: { code: ErrorCode.INTERNAL } };
    }
  };
}
