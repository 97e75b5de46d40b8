// The bounds every explorer operation is held to, and the checks that turn bad arguments into BAD_USER_INPUT
// errors that say what to do. Limits are clamped silently; depths and unknown names are refused.

import { searchTerms } from '../db/index.ts';
import { ErrorCode, NewsgraphError } from '../errors.ts';
import { EVENT_KINDS, NODE_LABELS, RELATIONSHIP_TYPES } from '../model.ts';

export const LIMITS = Object.freeze({
  /** neighborhood(depth): hops from the seeds. Deeper expansions explode on hubs; expand again instead. */
  maxNeighborhoodDepth: 3,
  /** neighborhood(limit): nodes returned, seeds included; clamped to 1..this. */
  maxNeighborhoodNodes: 1000,
  /** Edges returned with a neighbourhood or edgesAmong. */
  maxEdges: 5000,
  /** paths(maxDepth): the longest path searched for. */
  maxPathDepth: 6,
  /** Shortest paths returned by paths(). */
  maxPaths: 25,
  /** search(limit): hits; clamped to 1..this. */
  maxSearchHits: 100,
  /** Characters of a search string. */
  maxSearchLength: 200,
  /** Events returned by timeline(). */
  maxTimelineEvents: 500,
  /** Ids accepted by neighborhood, nodesByIds, edgesAmong, mergeEntities. */
  maxIds: 1000,
  /** Nesting depth of a whole GraphQL document (introspection fields not counted). */
  maxQueryDepth: 12,
  /**
   * Rows a generated list field returns when the query gives no `limit`/`first` (every node type's `@limit`
   * default, nested lists included: `mentionedIn`, `participants`…).
   */
  defaultListSize: 100,
  /** The most rows a generated list field returns (`@limit` max); a larger `limit`/`first` is refused (LIMIT_TOO_LARGE). */
  maxListSize: 1000,
});

function badInput(message: string, details?: Record<string, unknown>): NewsgraphError {
  return new NewsgraphError(ErrorCode.BAD_INPUT, message, details);
}

export function clamp(value: number | null | undefined, fallback: number, max: number): number {
  const n = value ?? fallback;
  return Math.min(Math.max(Math.trunc(n), 1), max);
}

export function checkNeighborhoodDepth(depth: number | null | undefined): number {
  const d = depth ?? 1;
  if (!Number.isInteger(d) || d < 1 || d > LIMITS.maxNeighborhoodDepth) {
    throw badInput(
      `depth ${d} is outside 1..${LIMITS.maxNeighborhoodDepth}: expand again from the new nodes to go further`,
      { argument: 'depth', max: LIMITS.maxNeighborhoodDepth },
    );
  }
  return d;
}

export function checkPathDepth(maxDepth: number | null | undefined): number {
  const d = maxDepth ?? 4;
  if (!Number.isInteger(d) || d < 1 || d > LIMITS.maxPathDepth) {
    throw badInput(
      `maxDepth ${d} is outside 1..${LIMITS.maxPathDepth}: paths longer than ${LIMITS.maxPathDepth} hops say little about how two things are related`,
      { argument: 'maxDepth', max: LIMITS.maxPathDepth },
    );
  }
  return d;
}

export function checkIds(ids: readonly string[], argument: string, { allowEmpty = false } = {}): string[] {
  const unique = [...new Set(ids.map((id) => id.trim()).filter((id) => id.length > 0))];
  if (!allowEmpty && unique.length === 0)
    throw badInput(`${argument} is empty: give at least one node id (search returns ids)`, { argument });
  if (unique.length > LIMITS.maxIds)
    throw badInput(`${argument} has ${unique.length} ids; at most ${LIMITS.maxIds} are accepted`, { argument });
  return unique;
}

function checkNames(
  values: readonly string[] | null | undefined,
  allowed: readonly string[],
  argument: string,
): string[] {
  if (!values) return [];
  const unknown = values.filter((v) => !allowed.includes(v));
  if (unknown.length > 0) {
    throw badInput(`unknown ${argument}: ${unknown.join(', ')} — use one of ${allowed.join(', ')}`, {
      argument,
      unknown,
    });
  }
  return [...new Set(values)];
}

export const checkLabels = (types: readonly string[] | null | undefined) => checkNames(types, NODE_LABELS, 'types');
export const checkRelationTypes = (types: readonly string[] | null | undefined) =>
  checkNames(types, RELATIONSHIP_TYPES, 'relationTypes');
export const checkEventKinds = (kinds: readonly string[] | null | undefined) => checkNames(kinds, EVENT_KINDS, 'kinds');

export function checkDate(value: string | null | undefined, argument: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  const ok =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
    new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw badInput(`${argument} "${value}" is not a date: use YYYY-MM-DD, e.g. 2019-05-16`, { argument });
  return value;
}

export function checkSearchText(query: string): string {
  if (query.length > LIMITS.maxSearchLength) {
    throw badInput(
      `search text is ${query.length} characters; at most ${LIMITS.maxSearchLength} are searched — shorten it`,
      { argument: 'query' },
    );
  }
  if (searchTerms(query).length === 0) {
    throw badInput('search text has no word to search for: type at least two letters of a name', { argument: 'query' });
  }
  return query;
}
