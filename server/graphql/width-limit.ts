// Refuses GraphQL documents that are too wide (fields, aliases, root operations) or ask generated lists for too many rows.
//
// The depth rule (depth-limit.ts) stops deep nesting; this stops the other two ways one small request can
// make the server do unbounded work: many aliased copies of an expensive field (`a1: neighborhood(…) a2: …`),
// and fragments spread many times over. Both checks run on the document before anything reaches Neo4j.

import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
} from 'graphql';
import { LIMITS } from './limits.ts';

export const WIDTH_LIMITS = Object.freeze({
  /**
   * Field selections in one operation, counted after expanding fragments (introspection not counted). The
   * explorer's largest document, evidence for 40 edges at once (client/api/explorer.ts), has ~960.
   */
  maxFields: 2000,
  /** Aliased fields in one operation. */
  maxAliases: 100,
  /** Top-level fields of one operation (aliases included): the explorer batches at most 40. */
  maxRootFields: 50,
  /** Top-level explorer operations that run graph traversals or full-text search, per operation. */
  maxExpensiveRootFields: 10,
  /** `limit` / `first` of generated list fields (companies, articlesConnection…); explorer fields clamp their own. */
  maxListSize: LIMITS.maxListSize,
});

/** Explorer operations that each run traversals or a full-text search; see explorer.graphql. */
const EXPENSIVE_ROOT_FIELDS = new Set(['neighborhood', 'paths', 'timeline', 'search', 'edgesAmong']);
/** Explorer operations with their own clamped `limit` (limits.ts), exempt from maxListSize. */
const CLAMPED_FIELDS = new Set(['search', 'neighborhood']);
/** Counting stops here: a document this large is refused whatever the exact number. */
const COUNT_CAP = 1_000_000;

interface Width {
  fields: number;
  aliases: number;
}

function refuse(
  context: ValidationContext,
  operation: OperationDefinitionNode,
  message: string,
  details: Record<string, unknown>,
): void {
  context.reportError(
    new GraphQLError(message, { nodes: [operation], extensions: { code: 'BAD_USER_INPUT', ...details } }),
  );
}

/**
 * Counts fields and aliases of a selection set, following fragment spreads (each spread counts its fragment
 * again; a fragment's width is computed once, so a document of nested spreads costs linear work to measure).
 */
function widthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  memo: Map<string, Width>,
  visiting: Set<string>,
): Width {
  const total: Width = { fields: 0, aliases: 0 };
  if (!selectionSet) return total;
  for (const selection of selectionSet.selections) {
    let part: Width;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const inner = widthOf(selection.selectionSet, fragments, memo, visiting);
      part = { fields: 1 + inner.fields, aliases: (selection.alias ? 1 : 0) + inner.aliases };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      part = widthOf(selection.selectionSet, fragments, memo, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // Unknown fragments and cycles are reported by graphql's own rules.
      if (!fragment || visiting.has(name)) continue;
      let known = memo.get(name);
      if (!known) {
        visiting.add(name);
        known = widthOf(fragment.selectionSet, fragments, memo, visiting);
        visiting.delete(name);
        memo.set(name, known);
      }
      part = known;
    }
    total.fields = Math.min(COUNT_CAP, total.fields + part.fields);
    total.aliases = Math.min(COUNT_CAP, total.aliases + part.aliases);
  }
  return total;
}

/** The root fields of an operation, through fragments on the root type. */
function rootFields(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): FieldNode[] {
  const out: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) out.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      out.push(...rootFields(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) out.push(...rootFields(fragment.selectionSet, fragments, seen));
    }
  }
  return out;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** Validation rule: refuses over-wide operations with BAD_USER_INPUT and `reason: QUERY_TOO_WIDE`. */
export function widthLimitRule(limits = WIDTH_LIMITS) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const width = widthOf(operation.selectionSet, fragments, new Map(), new Set());
        const roots = rootFields(operation.selectionSet, fragments);
        const expensive = roots.filter((f) => EXPENSIVE_ROOT_FIELDS.has(f.name.value)).length;
        const base = { reason: 'QUERY_TOO_WIDE' };
        if (width.fields > limits.maxFields) {
          refuse(
            context,
            operation,
            `query selects ${width.fields >= COUNT_CAP ? 'over a million' : width.fields} fields (fragments expanded); the limit is ${limits.maxFields} — ask for fewer fields or split the query`,
            { ...base, fields: width.fields, max: limits.maxFields },
          );
        } else if (width.aliases > limits.maxAliases) {
          refuse(
            context,
            operation,
            `query uses ${width.aliases} aliases; the limit is ${limits.maxAliases} — split it into several requests`,
            { ...base, aliases: width.aliases, max: limits.maxAliases },
          );
        } else if (roots.length > limits.maxRootFields) {
          refuse(
            context,
            operation,
            `query has ${roots.length} top-level fields; the limit is ${limits.maxRootFields} — split it into several requests`,
            { ...base, rootFields: roots.length, max: limits.maxRootFields },
          );
        } else if (expensive > limits.maxExpensiveRootFields) {
          refuse(
            context,
            operation,
            `query runs ${expensive} searches or traversals (neighborhood, paths, timeline, search, edgesAmong); the limit is ${limits.maxExpensiveRootFields} per request`,
            { ...base, expensiveFields: expensive, max: limits.maxExpensiveRootFields },
          );
        }
      },
    };
  };
}

/** The number an argument asks for: a literal, or a variable's value (validation cannot see those, hence a plugin). */
function numberValue(value: ValueNode, variables: Readonly<Record<string, unknown>>): number | undefined {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

/** Every field node of the operation, fragments included (each fragment visited once). */
function allFields(
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen: Set<string>,
  out: FieldNode[],
): FieldNode[] {
  if (!selectionSet) return out;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      out.push(selection);
      allFields(selection.selectionSet, fragments, seen, out);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      allFields(selection.selectionSet, fragments, seen, out);
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      allFields(fragments.get(selection.name.value)?.selectionSet, fragments, seen, out);
    }
  }
  return out;
}

/**
 * Plugin: refuses `limit`/`first` above maxListSize on generated list fields (the explorer's own fields clamp
 * theirs), with BAD_USER_INPUT and `reason: LIMIT_TOO_LARGE`. Runs once variables are known.
 */
export function listLimitPlugin(limits = WIDTH_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          for (const field of allFields(operation.selectionSet, fragmentsOf(document), new Set(), [])) {
            if (CLAMPED_FIELDS.has(field.name.value)) continue;
            for (const argument of field.arguments ?? []) {
              if (argument.name.value !== 'limit' && argument.name.value !== 'first') continue;
              const asked = numberValue(argument.value, variables);
              if (asked !== undefined && asked > limits.maxListSize) {
                throw new GraphQLError(
                  `${field.name.value}(${argument.name.value}: ${asked}) asks for more than ${limits.maxListSize} rows: page through the results with a cursor (…Connection(first, after)) instead`,
                  {
                    nodes: [argument],
                    extensions: {
                      code: 'BAD_USER_INPUT',
                      reason: 'LIMIT_TOO_LARGE',
                      argument: argument.name.value,
                      max: limits.maxListSize,
                      // The caller's mistake: without this Apollo answers an error thrown here with HTTP 500.
                      http: { status: 400 },
                    },
                  },
                );
              }
            }
          }
        },
      };
    },
  };
}
