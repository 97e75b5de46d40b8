// Resolvers of the custom explorer operations (explorer.graphql): validate arguments, call a repository.
import { FACT_PATH_TYPES, PATH_RELATION_TYPES } from '../db/index.ts';
import { ErrorCode, NewsgraphError } from '../errors.ts';
import type { GraphQLContext, IngestInput } from './context.ts';
import {
  checkDate,
  checkEventKinds,
  checkIds,
  checkLabels,
  checkNeighborhoodDepth,
  checkPathDepth,
  checkRelationTypes,
  checkSearchText,
  clamp,
  LIMITS,
} from './limits.ts';

type Args = Record<string, unknown>;

function badInput(message: string, details?: Record<string, unknown>): NewsgraphError {
  return new NewsgraphError(ErrorCode.BAD_INPUT, message, details);
}

async function requireNodes(ctx: GraphQLContext, ids: readonly string[], argument: string) {
  const nodes = await ctx.services.explorer.nodesByIds(ids);
  const found = new Set(nodes.map((n) => n.id));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw badInput(`unknown node id(s) in ${argument}: ${unknown.slice(0, 10).join(', ')} — use search to find ids`, {
      argument,
      unknownIds: unknown,
    });
  }
  return nodes;
}

/** Longest URL ingestUrl takes (browsers and servers commonly stop near 8 KiB). */
const MAX_URL_LENGTH = 8192;

function checkUrlArgument(value: unknown): string {
  const url = String(value ?? '').trim();
  if (url === '' || url.length > MAX_URL_LENGTH)
    throw badInput(`url must be a web address of 1 to ${MAX_URL_LENGTH} characters, such as https://…`, {
      argument: 'url',
    });
  return url;
}

function checkArticleText(input: IngestInput, maxBytes: number): void {
  if (input.text.trim().length === 0) {
    throw new NewsgraphError(ErrorCode.EMPTY_TEXT, 'Article text is empty: paste the article body or give a .txt file');
  }
  const bytes = Buffer.byteLength(input.text, 'utf8');
  if (bytes > maxBytes) {
    throw new NewsgraphError(
      ErrorCode.TEXT_TOO_LARGE,
      `Article text is ${bytes} bytes; the limit is ${maxBytes} (NEWSGRAPH_MAX_ARTICLE_BYTES): load one article at a time`,
      { bytes, maxBytes },
    );
  }
}

/** Types a path may go through: every typed fact when not given; articles' MENTIONS/REPORTS never. */
function checkPathRelationTypes(types: readonly string[] | null | undefined): readonly string[] {
  if (types === null || types === undefined) return FACT_PATH_TYPES;
  const checked = checkRelationTypes(types);
  const unusable = checked.filter((t) => !PATH_RELATION_TYPES.includes(t));
  if (checked.length === 0 || unusable.length > 0) {
    throw badInput(
      checked.length === 0
        ? 'relationTypes is empty: name the relation types a path may use, or leave it out for every typed fact'
        : `paths cannot go through ${unusable.join(', ')} (an article would connect all it mentions): use ${PATH_RELATION_TYPES.join(', ')}`,
      { argument: 'relationTypes' },
    );
  }
  return checked;
}

export const explorerResolvers = {
  Query: {
    search: (_: unknown, args: Args, ctx: GraphQLContext) =>
      ctx.services.explorer.search(
        checkSearchText(String(args.query)),
        checkLabels(args.types as string[] | null),
        clamp(args.limit as number | null, 20, LIMITS.maxSearchHits),
      ),

    neighborhood: async (_: unknown, args: Args, ctx: GraphQLContext) => {
      const ids = checkIds(args.ids as string[], 'ids');
      const depth = checkNeighborhoodDepth(args.depth as number | null);
      const labels = checkLabels(args.types as string[] | null);
      const relTypes = checkRelationTypes(args.relationTypes as string[] | null);
      const limit = Math.max(clamp(args.limit as number | null, 200, LIMITS.maxNeighborhoodNodes), ids.length);
      const drawn = checkIds((args.drawn as string[] | null) ?? [], 'drawn', { allowEmpty: true });
      await requireNodes(ctx, ids, 'ids');
      return ctx.services.explorer.neighborhood({
        ids,
        depth,
        labels,
        relTypes,
        limit,
        edgeLimit: LIMITS.maxEdges,
        followCoMentions: args.followCoMentions !== false,
        drawn,
      });
    },

    paths: async (_: unknown, args: Args, ctx: GraphQLContext) => {
      const [from, to] = [String(args.from).trim(), String(args.to).trim()];
      const maxDepth = checkPathDepth(args.maxDepth as number | null);
      if (from === to) throw badInput('from and to are the same node: pick two different nodes', { argument: 'to' });
      const relTypes = checkPathRelationTypes(args.relationTypes as string[] | null);
      await requireNodes(ctx, [from, to], 'from/to');
      return ctx.services.explorer.paths(from, to, maxDepth, LIMITS.maxPaths, relTypes);
    },

    timeline: (_: unknown, args: Args, ctx: GraphQLContext) => {
      const from = checkDate(args.from as string | null, 'from');
      const to = checkDate(args.to as string | null, 'to');
      if (from && to && from > to) throw badInput(`from ${from} is after to ${to}: swap them`, { argument: 'from' });
      return ctx.services.explorer.timeline({
        from,
        to,
        kinds: checkEventKinds(args.kinds as string[] | null),
        entityIds: checkIds((args.entityIds as string[] | null) ?? [], 'entityIds', { allowEmpty: true }),
        limit: LIMITS.maxTimelineEvents,
      });
    },

    evidence: async (_: unknown, args: Args, ctx: GraphQLContext) => {
      const edgeId = String(args.edgeId).trim();
      const evidence = edgeId ? await ctx.services.explorer.evidence(edgeId) : null;
      if (!evidence) {
        throw badInput(
          `unknown edge id "${edgeId}": take edge ids from neighborhood, paths or edgesAmong results (they change when the graph is rebuilt)`,
          { argument: 'edgeId' },
        );
      }
      return evidence;
    },

    stats: (_: unknown, __: Args, ctx: GraphQLContext) => ctx.services.explorer.stats(),

    nodesByIds: (_: unknown, args: Args, ctx: GraphQLContext) =>
      ctx.services.explorer.nodesByIds(checkIds(args.ids as string[], 'ids', { allowEmpty: true })),

    edgesAmong: (_: unknown, args: Args, ctx: GraphQLContext) =>
      ctx.services.explorer.edgesAmong(
        checkIds(args.ids as string[], 'ids', { allowEmpty: true }),
        [],
        LIMITS.maxEdges,
      ),

    article: (_: unknown, args: Args, ctx: GraphQLContext) => ctx.services.articles.view(String(args.id)),

    mergeHistory: (_: unknown, args: Args, ctx: GraphQLContext) =>
      ctx.services.entities.mergeHistory(String(args.id).trim()),
    feeds: (_: unknown, __: Args, ctx: GraphQLContext) => ctx.services.feeds.list(),
  },

  Mutation: {
    ingestArticle: async (_: unknown, args: Args, ctx: GraphQLContext) => {
      const input = args.input as IngestInput;
      checkArticleText(input, ctx.services.maxArticleBytes);
      if (input.publishedAt) checkDate(input.publishedAt, 'input.publishedAt');
      return ctx.services.ingest(input, ctx.clientId);
    },

    ingestUrl: (_: unknown, args: Args, ctx: GraphQLContext) =>
      ctx.services.ingestUrl(checkUrlArgument(args.url), ctx.clientId),

    addFeed: (_: unknown, args: Args, ctx: GraphQLContext) => ctx.services.feeds.add(checkUrlArgument(args.url)),

    removeFeed: (_: unknown, args: Args, ctx: GraphQLContext) => ctx.services.feeds.remove(checkUrlArgument(args.url)),

    mergeEntities: (_: unknown, args: Args, ctx: GraphQLContext) => {
      const keepId = String(args.keepId).trim();
      const mergeIds = checkIds(args.mergeIds as string[], 'mergeIds');
      if (mergeIds.includes(keepId))
        throw badInput('mergeIds contains keepId: list only the duplicates to fold into keepId', {
          argument: 'mergeIds',
        });
      return ctx.services.entities.merge(keepId, mergeIds);
    },

    splitEntity: (_: unknown, args: Args, ctx: GraphQLContext) => {
      const id = String(args.id).trim();
      if (id === '') throw badInput('id must name a merged entity; use search to find its id', { argument: 'id' });
      const mergeId = typeof args.mergeId === 'string' && args.mergeId.trim() !== '' ? args.mergeId.trim() : null;
      return ctx.services.entities.split(id, mergeId);
    },

    deleteArticle: (_: unknown, args: Args, ctx: GraphQLContext) =>
      ctx.services.articles.delete(String(args.id).trim()),
  },
};
