// Reads behind the explorer operations: search, neighbourhood, paths, timeline, evidence, stats, lookups.
// Inputs arrive validated and clamped by graphql/limits.ts; this layer only runs queries and shapes rows.

import { primaryLabel, RELATION_TYPES } from '../../model.ts';
import type { Database, QueryRunner, Row } from '../database.ts';
import { searchQuery } from '../lucene.ts';
import { int } from '../values.ts';

/** Relationship types a path can go through (cypher/paths.cypher lists the same): facts, events, citations. */
export const PATH_RELATION_TYPES: readonly string[] = [...RELATION_TYPES, 'PARTICIPATES_IN'];
/** What paths use unless told otherwise: every typed fact, not co-mentions (a shared sentence is not a relation). */
export const FACT_PATH_TYPES: readonly string[] = PATH_RELATION_TYPES.filter((t) => t !== 'CO_MENTIONED');

export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly weight: number;
  readonly kind: string | null;
  readonly date: string | null;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly type: string;
  readonly support: number;
  readonly confidence: number | null;
  /** JSON object string of the relation's own properties (title, since, role…), or null when none. */
  readonly props: string | null;
}

export interface Subgraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly truncated: boolean;
  readonly remaining: number;
  /** Neighbours tied only by co-mentions, left out because the request did not follow co-mentions. */
  readonly coMentionOnly: number;
}

export interface SearchHit {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly score: number;
  readonly mentionCount: number;
}

export interface TimelineEvent {
  readonly id: string;
  readonly kind: string;
  readonly summary: string;
  readonly date: string | null;
  readonly dateText: string | null;
  /** True when the text gave no absolute date and `date` is the first reporting article's publication date. */
  readonly dateFromArticle: boolean;
  readonly participants: readonly GraphNode[];
  readonly articleIds: readonly string[];
}

export interface EvidenceItem {
  readonly sentence: string;
  readonly articleId: string;
  readonly articleTitle: string;
  readonly articleUrl: string | null;
  readonly publishedAt: string | null;
}

export interface EdgeEvidence {
  readonly edgeId: string;
  readonly type: string;
  readonly source: GraphNode;
  readonly target: GraphNode;
  readonly confidence: number | null;
  readonly items: readonly EvidenceItem[];
}

export interface CountEntry {
  readonly key: string;
  readonly count: number;
}

export interface GraphStats {
  readonly labels: readonly CountEntry[];
  readonly relationshipTypes: readonly CountEntry[];
  readonly articles: number;
  readonly entities: number;
  readonly events: number;
}

export interface NeighborhoodRequest {
  readonly ids: readonly string[];
  readonly depth: number;
  /** Node labels to include (empty = all). */
  readonly labels: readonly string[];
  /** Relationship types to follow (empty = all). */
  readonly relTypes: readonly string[];
  /** False: neighbours tied only by CO_MENTIONED are not returned, only counted (their edges to returned nodes are). */
  readonly followCoMentions: boolean;
  /** Most nodes returned, seeds included. */
  readonly limit: number;
  /** Most edges returned. */
  readonly edgeLimit: number;
  /** Nodes already on the caller's canvas: edges between them and the result come back too (not those among them). */
  readonly drawn?: readonly string[];
}

export interface TimelineRequest {
  readonly from: string | null;
  readonly to: string | null;
  readonly kinds: readonly string[];
  readonly entityIds: readonly string[];
  readonly limit: number;
}

function toNode(row: Row): GraphNode {
  return {
    id: String(row.id),
    label: primaryLabel(row.labels as string[]),
    name: String(row.name),
    weight: Number(row.weight ?? 0),
    kind: (row.kind as string | null) ?? null,
    date: (row.date as string | null) ?? null,
  };
}

export function toEdge(row: Row): GraphEdge {
  const props = Object.fromEntries(Object.entries((row.props as Row | null) ?? {}).filter(([, v]) => v !== null));
  return {
    id: String(row.id),
    source: String(row.source),
    target: String(row.target),
    type: String(row.type),
    support: Number(row.support ?? 1),
    confidence: typeof row.confidence === 'number' ? row.confidence : null,
    props: Object.keys(props).length > 0 ? JSON.stringify(props) : null,
  };
}

async function nodesByIds(q: QueryRunner, ids: readonly string[]): Promise<GraphNode[]> {
  if (ids.length === 0) return [];
  const rows = await q.run('nodes-by-ids', { ids });
  const byId = new Map(rows.map((row) => [String(row.id), toNode(row)]));
  // Keep the caller's order (hops come heaviest first); unknown ids drop out.
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Neighbourhood results are kept this long at most. A cached result is used only while the graph has the same
 * node and relationship counts and this server has written nothing since; the age limit covers what neither
 * catches (another process editing properties in place).
 */
export const NEIGHBORHOOD_CACHE_TTL_MS = 60_000;
/** Neighbourhoods kept (least recently used dropped first); only those that took a while to compute. */
export const NEIGHBORHOOD_CACHE_ENTRIES = 500;
/** Cheaper results are not worth a cache slot: the version check alone costs about a millisecond. */
const NEIGHBORHOOD_CACHE_MIN_MS = 8;

interface CachedSubgraph {
  readonly version: string;
  readonly at: number;
  readonly value: Subgraph;
}

export class ExplorerRepository {
  readonly #db: Database;
  /** Hubs (a country, Huawei) have tens of thousands of neighbours: their expansion is cached (see TTL above). */
  readonly #neighborhoods = new Map<string, CachedSubgraph>();

  constructor(db: Database) {
    this.#db = db;
  }

  /** Ranked search for `text` (see lucene.ts for how words match); [] when it has no searchable word. */
  async search(text: string, labels: readonly string[], limit: number): Promise<SearchHit[]> {
    const lucene = searchQuery(text);
    if (lucene === null) return [];
    const rows = await this.#db.read((q) =>
      q.run('search', {
        lucene,
        labels,
        limit: int(limit),
        fetch: int(Math.max(limit * 10, 100)),
      }),
    );
    return rows.map((row) => ({
      id: String(row.id),
      label: String(row.label),
      name: String(row.name),
      aliases: (row.aliases as string[]) ?? [],
      score: Number(row.score),
      mentionCount: Number(row.mentionCount ?? 0),
    }));
  }

  async nodesByIds(ids: readonly string[]): Promise<GraphNode[]> {
    return this.#db.read((q) => nodesByIds(q, ids));
  }

  async edgesAmong(ids: readonly string[], relTypes: readonly string[], limit: number): Promise<GraphEdge[]> {
    const rows = await this.#db.read((q) => q.run('edges-among', { ids, relTypes, limit: int(limit) }));
    return rows.map(toEdge);
  }

  /**
   * Breadth-first expansion, one query per hop, heaviest neighbours first, until `limit` nodes. `remaining`
   * counts neighbours found but cut, at the hops that ran (deeper hops past the limit are not explored).
   * Seeds must exist (checked by the caller with nodesByIds).
   */
  async neighborhood(request: NeighborhoodRequest): Promise<Subgraph> {
    const { drawn = [], ...expansion } = request;
    return this.#db.read(async (q) => {
      const found = await this.#cachedExpand(q, expansion);
      const result = new Set(found.nodes.map((n) => n.id));
      const others = drawn.filter((id) => !result.has(id));
      if (others.length === 0) return found;
      // One request per expand: the edges that tie the new nodes into the canvas come with them.
      const rows = await q.run('edges-touching', {
        ids: [...result],
        drawn: others,
        relTypes: request.relTypes,
        limit: int(Math.max(0, request.edgeLimit - found.edges.length)),
      });
      return { ...found, edges: [...found.edges, ...rows.map(toEdge)] };
    });
  }

  /** The expansion itself, cached per request (the canvas around it is not part of the key). */
  async #cachedExpand(q: QueryRunner, request: Omit<NeighborhoodRequest, 'drawn'>): Promise<Subgraph> {
    const key = JSON.stringify(request);
    // The count store answers this without reading the graph.
    const [counts] = await q.run('graph-counts');
    const version = `${this.#db.writeGeneration}:${counts?.nodes}:${counts?.relationships}`;
    const cached = this.#neighborhoods.get(key);
    if (cached && cached.version === version && Date.now() - cached.at < NEIGHBORHOOD_CACHE_TTL_MS) {
      // Most recently used goes to the end of the map's order.
      this.#neighborhoods.delete(key);
      this.#neighborhoods.set(key, cached);
      return cached.value;
    }
    const started = performance.now();
    const value = await this.#expand(q, request);
    if (performance.now() - started >= NEIGHBORHOOD_CACHE_MIN_MS) {
      this.#neighborhoods.delete(key);
      this.#neighborhoods.set(key, { version, at: Date.now(), value });
      while (this.#neighborhoods.size > NEIGHBORHOOD_CACHE_ENTRIES)
        this.#neighborhoods.delete(this.#neighborhoods.keys().next().value!);
    }
    return value;
  }

  async #expand(q: QueryRunner, request: Omit<NeighborhoodRequest, 'drawn'>): Promise<Subgraph> {
    const seeds = await nodesByIds(q, request.ids);
    const visited = seeds.map((n) => n.id);
    let frontier = visited;
    let remaining = 0;
    let coMentionOnly = 0;
    const hop = (limit: number) =>
      q.run('neighborhood-hop', {
        frontier,
        visited,
        labels: request.labels,
        relTypes: request.relTypes,
        followCoMentions: request.followCoMentions,
        limit: int(limit),
      });
    for (let depth = 0; depth < request.depth && frontier.length > 0; depth++) {
      const budget = request.limit - visited.length;
      // Out of room: count what the next hop would have added, so the canvas can say so.
      const [row] = await hop(Math.max(0, budget));
      const found = (row?.ids as string[]) ?? [];
      remaining += Number(row?.total ?? 0) - found.length;
      coMentionOnly += Number(row?.coMentionOnly ?? 0);
      if (budget <= 0) break;
      visited.push(...found);
      frontier = found;
    }
    const nodes = [...seeds, ...(await nodesByIds(q, visited.slice(seeds.length)))];
    const edgeRows = await q.run('edges-among', {
      ids: visited,
      relTypes: request.relTypes,
      limit: int(request.edgeLimit),
    });
    return { nodes, edges: edgeRows.map(toEdge), truncated: remaining > 0, remaining, coMentionOnly };
  }

  /** Shortest paths through relationships of `relTypes` (PATH_RELATION_TYPES are the ones that can be used). */
  async paths(
    from: string,
    to: string,
    maxDepth: number,
    limit: number,
    relTypes: readonly string[] = FACT_PATH_TYPES,
  ): Promise<Subgraph> {
    return this.#db.read(async (q) => {
      const rows = await q.run('paths', { from, to, maxDepth: int(maxDepth), relTypes, limit: int(limit + 1) });
      const kept = rows.slice(0, limit);
      const nodeIds = [...new Set(kept.flatMap((row) => row.nodeIds as string[]))];
      const edges = new Map<string, GraphEdge>();
      for (const row of kept) for (const edge of row.edges as Row[]) edges.set(String(edge.id), toEdge(edge));
      return {
        nodes: await nodesByIds(q, nodeIds),
        edges: [...edges.values()],
        truncated: rows.length > limit,
        remaining: Math.max(0, rows.length - limit),
        coMentionOnly: 0,
      };
    });
  }

  async timeline(request: TimelineRequest): Promise<TimelineEvent[]> {
    return this.#db.read(async (q) => {
      const rows = await q.run('timeline', {
        from: request.from,
        to: request.to,
        kinds: request.kinds,
        entityIds: request.entityIds,
        limit: int(request.limit),
      });
      const participantIds = [...new Set(rows.flatMap((row) => row.participantIds as string[]))];
      const participants = new Map((await nodesByIds(q, participantIds)).map((n) => [n.id, n]));
      return rows.map((row) => ({
        id: String(row.id),
        kind: String(row.kind),
        summary: String(row.summary ?? ''),
        date: (row.date as string | null) ?? null,
        dateText: (row.dateText as string | null) ?? null,
        dateFromArticle: row.dateFromArticle === true,
        participants: (row.participantIds as string[]).flatMap((id) => participants.get(id) ?? []),
        articleIds: row.articleIds as string[],
      }));
    });
  }

  /** The evidence behind one relationship, or null when no relationship has that element id. */
  async evidence(edgeId: string): Promise<EdgeEvidence | null> {
    return this.#db.read(async (q) => {
      const [row] = await q.run('edge-evidence', { edgeId });
      if (!row) return null;
      const [source, target] = await nodesByIds(q, [String(row.sourceId), String(row.targetId)]);
      const articles = new Map((row.articles as Row[]).map((a) => [String(a.id), a]));
      const items: EvidenceItem[] = [];
      for (const item of row.items as Row[]) {
        // A sentence no supporting article contains verbatim (re-cleaned text) is still shown, under each article.
        const ids = (item.articleIds as string[]).length > 0 ? (item.articleIds as string[]) : [...articles.keys()];
        for (const id of ids) {
          const article = articles.get(id);
          if (!article) continue;
          items.push({
            sentence: String(item.sentence),
            articleId: id,
            articleTitle: String(article.title ?? ''),
            articleUrl: (article.url as string | null) ?? null,
            publishedAt: (article.publishedAt as string | null) ?? null,
          });
        }
      }
      return {
        edgeId,
        type: String(row.type),
        source,
        target,
        confidence: typeof row.confidence === 'number' ? row.confidence : null,
        items,
      };
    });
  }

  async stats(): Promise<GraphStats> {
    const [row] = await this.#db.read((q) => q.run('stats'));
    const entries = (value: unknown) => (value as Row[]).map((e) => ({ key: String(e.key), count: Number(e.count) }));
    return {
      labels: entries(row.labels),
      relationshipTypes: entries(row.relationshipTypes).filter((e) => e.count > 0),
      articles: Number(row.articles),
      entities: Number(row.entities),
      events: Number(row.events),
    };
  }
}
