// The named-query registry: loads cypher/*.cypher once at start-up and fails fast when one is missing or malformed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config.ts';
import { isRelationshipType } from '../model.ts';

/** Every named query the code runs; a file cypher/<name>.cypher must exist for each. */
export const QUERY_NAMES = [
  // loading one article (all inside one write transaction)
  'article-by-sha256',
  'article-by-url',
  'article-by-id',
  'article-create',
  'load-entities',
  'load-relations',
  'load-citations',
  'load-events',
  'load-participants',
  // bulk loading of many new articles in one transaction (server/ingest/bulk/)
  'bulk-articles-existing',
  'bulk-articles-create',
  'bulk-entities',
  'bulk-mentions',
  'bulk-relations',
  'bulk-citations',
  'bulk-events',
  'bulk-reports',
  'bulk-participants',
  'bulk-relations-new',
  'bulk-participants-new',
  'articles-sha256',
  'import-finish',
  // deleting one article's contributions
  'article-delete-facts',
  'article-delete-events',
  'article-delete-entities',
  'article-delete',
  'graph-counts',
  // entity resolution support and merging
  'entities-count',
  'entities-all',
  'entities-by-names',
  'entities-by-ids',
  'entities-redirects',
  'entity-relationships',
  'relationships-update-provenance',
  'relationships-delete',
  'relationships-repoint-start',
  'relationships-repoint-end',
  'entity-absorb',
  'entity-state',
  'entity-record-merge',
  // splitting a merged entity
  'entity-restore',
  'entity-set-properties',
  'relationships-restore',
  // explorer reads
  'search',
  'nodes-by-ids',
  'neighborhood-hop',
  'edges-among',
  'edges-touching',
  'paths',
  'timeline',
  'edge-evidence',
  'stats',
  'article-view',
  'articles-count',
  // watched feeds and the lease that lets one server at a time poll each
  'feed-add',
  'feed-remove',
  'feeds-all',
  'feeds-due',
  'feed-claim',
  'feed-lease-renew',
  'feed-record-poll',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/** The directory the queries are read from (tests may point elsewhere). */
export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');

export interface NamedQuery {
  readonly name: QueryName;
  readonly text: string;
  /** Parameter names declared in the header's `params:` line. */
  readonly params: readonly string[];
}

/**
 * A query that merges relationships of a type given per row writes it as `$(row.type)`. The registry can give
 * its text with one static type in that place instead (`withRelationType`): the caller then sends only rows of
 * that type. Static is much faster for MERGE: with a dynamic type the planner's Expand(Into) walks every
 * relationship of the smaller end and filters by type afterwards (on a hub, mostly articles' MENTIONS; PROFILE
 * figures in docs/performance-notes.md), where a static type walks only that type's relationships.
 */
export const DYNAMIC_RELATIONSHIP_TYPE = '$(row.type)';

export interface QueryRegistry {
  get(name: QueryName): NamedQuery;
  /** The query's text with `$(row.type)` replaced by `type`, which must be a relationship type of the graph model. */
  withRelationType(name: QueryName, type: string): string;
  /** The statements of cypher/schema.cypher, in order (constraints and indexes, all IF NOT EXISTS). */
  readonly schemaStatements: readonly string[];
}

/** Removes // comments and string literals, so `$name` scanning sees only real parameters. */
function codeOnly(text: string): string {
  return text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''").replace(/\/\/[^\n]*/g, '');
}

function parseQuery(name: QueryName, text: string, file: string): NamedQuery {
  const header = text.split('\n').filter((line) => line.startsWith('//'));
  const paramsLine = header.find((line) => /^\/\/\s*params:/i.test(line));
  const returnsLine = header.find((line) => /^\/\/\s*returns:/i.test(line));
  if (!paramsLine || !returnsLine) {
    throw new Error(
      `${file}: the header must have a "// params: …" and a "// returns: …" line (write "none" when there are none)`,
    );
  }
  const declared = [...paramsLine.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  const used = new Set([...codeOnly(text).matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]));
  const undeclared = [...used].filter((p) => !declared.includes(p));
  if (undeclared.length > 0) {
    throw new Error(
      `${file}: parameters used but not listed in the "// params:" header: ${undeclared.map((p) => `$${p}`).join(', ')}`,
    );
  }
  return { name, text, params: declared };
}

/** Splits schema.cypher into statements on `;` at line ends, dropping comments and blank lines. */
export function splitStatements(text: string): string[] {
  return codeOnlyKeepStrings(text)
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function codeOnlyKeepStrings(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
}

/**
 * Reads every required query. Throws (at start-up, not at first use) naming each missing file, so a
 * renamed or deleted query is found before the server accepts requests.
 */
export function loadQueryRegistry(dir: string = CYPHER_DIR): QueryRegistry {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.cypher'));
  } catch {
    throw new Error(`cannot read the Cypher query directory ${dir}: run from the project checkout`);
  }
  const missing = QUERY_NAMES.filter((name) => !files.includes(`${name}.cypher`));
  if (missing.length > 0) {
    throw new Error(`missing named Cypher queries in ${dir}: ${missing.map((n) => `${n}.cypher`).join(', ')}`);
  }
  if (!files.includes('schema.cypher')) throw new Error(`missing ${join(dir, 'schema.cypher')}`);
  const queries = new Map<QueryName, NamedQuery>();
  for (const name of QUERY_NAMES) {
    const file = join(dir, `${name}.cypher`);
    queries.set(name, parseQuery(name, readFileSync(file, 'utf8'), file));
  }
  const schemaStatements = splitStatements(readFileSync(join(dir, 'schema.cypher'), 'utf8'));
  const get = (name: QueryName): NamedQuery => {
    const query = queries.get(name);
    // Unreachable for typed callers; guards against casts.
    if (!query) throw new Error(`unknown named query "${name}"`);
    return query;
  };
  const specialised = new Map<string, string>();
  return {
    get,
    withRelationType(name: QueryName, type: string): string {
      const key = `${name}\u0000${type}`;
      let text = specialised.get(key);
      if (text === undefined) {
        const query = get(name);
        // The type becomes Cypher text, so only the model's own identifiers are let through.
        if (!isRelationshipType(type)) throw new Error(`"${type}" is not a relationship type of the graph model`);
        if (!query.text.includes(DYNAMIC_RELATIONSHIP_TYPE))
          throw new Error(`${name}.cypher has no ${DYNAMIC_RELATIONSHIP_TYPE} to make static`);
        text = query.text.split(DYNAMIC_RELATIONSHIP_TYPE).join(type);
        specialised.set(key, text);
      }
      return text;
    },
    schemaStatements,
  };
}
