// Typed calls for each explorer operation; every function takes an AbortSignal so callers can drop late answers.
import { request } from './client.ts';
import * as doc from './documents.ts';
import type {
  ArticleView,
  EdgeEvidence,
  GraphEdge,
  GraphNode,
  GraphStats,
  IngestArticleInput,
  IngestResult,
  MergeRecordInfo,
  MergeResult,
  NodeProperties,
  SearchHit,
  SplitResult,
  Subgraph,
  TimelineEvent,
  WatchedFeed,
} from './types.ts';

/** Most edges asked for in one evidence round trip (keeps the document small). */
export const EVIDENCE_BATCH_MAX = 40;

export async function search(
  query: string,
  opts: { types?: readonly string[]; limit?: number } = {},
  signal?: AbortSignal,
): Promise<SearchHit[]> {
  const data = await request<{ search: SearchHit[] }>(
    doc.SEARCH,
    { query, types: opts.types ?? null, limit: opts.limit ?? 30 },
    signal,
  );
  return withEventDates(data.search, signal);
}

/**
 * Event hits with their dates: the contract's SearchHit has no date, and GraphNode does, so events found are looked up
 * by id in one more request (only when the hits hold events).
 */
async function withEventDates(hits: SearchHit[], signal?: AbortSignal): Promise<SearchHit[]> {
  const eventIds = hits.filter((h) => h.label === 'Event').map((h) => h.id);
  if (eventIds.length === 0) return hits;
  const dates = new Map((await nodesByIds(eventIds, signal)).map((n) => [n.id, n.date ?? null]));
  return hits.map((h) => (h.label === 'Event' ? { ...h, date: dates.get(h.id) ?? null } : h));
}

export interface NeighborhoodOptions {
  depth?: number;
  types?: string[] | null;
  relationTypes?: string[] | null;
  limit?: number;
  /** Ids on the canvas: the edges between them and the result come back too. */
  drawn?: string[];
  /** False: neighbours tied only by co-mentions are left out (and counted in coMentionOnly). Default true. */
  followCoMentions?: boolean;
}

export async function neighborhood(
  ids: string[],
  opts: NeighborhoodOptions = {},
  signal?: AbortSignal,
): Promise<Subgraph> {
  const data = await request<{ neighborhood: Subgraph }>(
    doc.NEIGHBORHOOD,
    {
      ids,
      depth: opts.depth ?? 1,
      types: opts.types ?? null,
      relationTypes: opts.relationTypes ?? null,
      limit: opts.limit ?? 50,
      followCoMentions: opts.followCoMentions ?? true,
      drawn: opts.drawn ?? null,
    },
    signal,
  );
  return data.neighborhood;
}

/** Shortest paths through `relationTypes` (null: the server's default, every typed fact). */
export async function paths(
  from: string,
  to: string,
  maxDepth: number,
  relationTypes: readonly string[] | null = null,
  signal?: AbortSignal,
): Promise<Subgraph> {
  const data = await request<{ paths: Subgraph }>(doc.PATHS, { from, to, maxDepth, relationTypes }, signal);
  return data.paths;
}

export async function timeline(
  opts: { from?: string; to?: string; kinds?: string[]; entityIds?: string[] } = {},
  signal?: AbortSignal,
): Promise<TimelineEvent[]> {
  const data = await request<{ timeline: TimelineEvent[] }>(
    doc.TIMELINE,
    {
      from: opts.from ?? null,
      to: opts.to ?? null,
      kinds: opts.kinds ?? null,
      entityIds: opts.entityIds ?? null,
    },
    signal,
  );
  return data.timeline;
}

export async function evidence(edgeId: string, signal?: AbortSignal): Promise<EdgeEvidence> {
  const data = await request<{ evidence: EdgeEvidence }>(doc.EVIDENCE, { edgeId }, signal);
  return data.evidence;
}

/** Evidence for many edges, in batches of EVIDENCE_BATCH_MAX; returned in the order of `edgeIds`. */
export async function evidenceForEdges(edgeIds: string[], signal?: AbortSignal): Promise<EdgeEvidence[]> {
  const out: EdgeEvidence[] = [];
  for (let start = 0; start < edgeIds.length; start += EVIDENCE_BATCH_MAX) {
    const batch = edgeIds.slice(start, start + EVIDENCE_BATCH_MAX);
    const variables = Object.fromEntries(batch.map((id, i) => [`e${i}`, id]));
    const data = await request<Record<string, EdgeEvidence>>(doc.evidenceBatch(batch.length), variables, signal);
    for (let i = 0; i < batch.length; i++) out.push(data[`e${i}`]);
  }
  return out;
}

export async function stats(signal?: AbortSignal): Promise<GraphStats> {
  const data = await request<{ stats: GraphStats }>(doc.STATS, {}, signal);
  return data.stats;
}

export async function nodesByIds(ids: string[], signal?: AbortSignal): Promise<GraphNode[]> {
  if (ids.length === 0) return [];
  const data = await request<{ nodesByIds: GraphNode[] }>(doc.NODES_BY_IDS, { ids }, signal);
  return data.nodesByIds;
}

export async function edgesAmong(ids: string[], signal?: AbortSignal): Promise<GraphEdge[]> {
  if (ids.length < 2) return [];
  const data = await request<{ edgesAmong: GraphEdge[] }>(doc.EDGES_AMONG, { ids }, signal);
  return data.edgesAmong;
}

/** The nodes with these ids plus every edge among them: how a saved view or a query result is redrawn. */
export async function nodesWithEdges(
  ids: string[],
  signal?: AbortSignal,
): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  if (ids.length === 0) return { nodes: [], edges: [] };
  const data = await request<{ nodesByIds: GraphNode[]; edgesAmong: GraphEdge[] }>(
    doc.NODES_AND_EDGES,
    { ids },
    signal,
  );
  return { nodes: data.nodesByIds, edges: data.edgesAmong };
}

export async function article(id: string, signal?: AbortSignal): Promise<ArticleView | null> {
  const data = await request<{ article: ArticleView | null }>(doc.ARTICLE, { id }, signal);
  return data.article;
}

export async function ingestArticle(input: IngestArticleInput, signal?: AbortSignal): Promise<IngestResult> {
  const data = await request<{ ingestArticle: IngestResult }>(doc.INGEST_ARTICLE, { input }, signal);
  return data.ingestArticle;
}

/** Has the server fetch the page at `url` and load its article (refusals carry a code such as HTTP_ERROR). */
export async function ingestUrl(url: string, signal?: AbortSignal): Promise<IngestResult> {
  const data = await request<{ ingestUrl: IngestResult }>(doc.INGEST_URL, { url }, signal);
  return data.ingestUrl;
}

export async function feeds(signal?: AbortSignal): Promise<WatchedFeed[]> {
  return (await request<{ feeds: WatchedFeed[] }>(doc.FEEDS, {}, signal)).feeds;
}

/** Has the server watch the feed at `url` and poll it at once. */
export async function addFeed(url: string): Promise<WatchedFeed> {
  return (await request<{ addFeed: WatchedFeed }>(doc.ADD_FEED, { url })).addFeed;
}

export async function removeFeed(url: string): Promise<boolean> {
  return (await request<{ removeFeed: boolean }>(doc.REMOVE_FEED, { url })).removeFeed;
}

export async function mergeEntities(keepId: string, mergeIds: string[], signal?: AbortSignal): Promise<MergeResult> {
  const data = await request<{ mergeEntities: MergeResult }>(doc.MERGE_ENTITIES, { keepId, mergeIds }, signal);
  return data.mergeEntities;
}

/** The merges recorded on an entity, oldest first (empty when nothing was merged into it). */
export async function mergeHistory(id: string, signal?: AbortSignal): Promise<MergeRecordInfo[]> {
  const data = await request<{ mergeHistory: MergeRecordInfo[] }>(doc.MERGE_HISTORY, { id }, signal);
  return data.mergeHistory;
}

/** Undoes a merge of `id` (the newest unless `mergeId` names another): the absorbed entities come back. */
export async function splitEntity(id: string, mergeId?: string, signal?: AbortSignal): Promise<SplitResult> {
  const data = await request<{ splitEntity: SplitResult }>(doc.SPLIT_ENTITY, { id, mergeId: mergeId ?? null }, signal);
  return data.splitEntity;
}

/**
 * Aliases, summary, URL… of one node. Tries the generated type for its label first; when that is
 * not available (other schema, older server) falls back to `search`, which also carries aliases.
 */
export async function nodeProperties(node: GraphNode, signal?: AbortSignal): Promise<NodeProperties> {
  const document = doc.nodePropertiesDocument(node.label);
  if (document) {
    try {
      const data = await request<{ node: NodeProperties[] }>(document, { id: node.id }, signal);
      if (data.node?.[0]) return data.node[0];
    } catch (error) {
      if (signal?.aborted) throw error;
      // Fall through: the generated types are a convenience, the contract below is what we rely on.
    }
  }
  if (node.label === 'Event' || node.label === 'Article') return {};
  const hits = await search(node.name, { limit: 30 }, signal);
  const hit = hits.find((h) => h.id === node.id);
  return hit ? { aliases: hit.aliases, mentionCount: hit.mentionCount } : {};
}

export interface StartingPoints {
  /** Most mentioned entities (companies, governments, people), most mentioned first. */
  entities: SearchHit[];
  latestArticles: { id: string; title: string; publishedAt: string | null }[];
}

/** Suggestions for a first visit, read through the generated @neo4j/graphql types. */
export async function startingPoints(signal?: AbortSignal): Promise<StartingPoints> {
  type Entity = { id: string; name: string; mentionCount: number | null };
  const data = await request<{
    companies: Entity[];
    governments: Entity[];
    people: Entity[];
    articles: { id: string; title: string; publishedAt: string | null }[];
  }>(doc.STARTING_POINTS, {}, signal);
  const hit =
    (label: string) =>
    (e: Entity): SearchHit => ({
      id: e.id,
      label,
      name: e.name,
      aliases: [],
      score: 0,
      mentionCount: e.mentionCount ?? 0,
    });
  const entities = [
    ...data.companies.map(hit('Company')),
    ...data.governments.map(hit('Government')),
    ...data.people.map(hit('Person')),
  ].sort((a, b) => b.mentionCount - a.mentionCount);
  return { entities, latestArticles: data.articles };
}
