// TypeScript mirror of the explorer contract in server/graphql/explorer.graphql (change both together).

/** Node labels the canvas knows how to draw (the graph model's own list); others are drawn with a neutral style. */
export { ENTITY_TYPES, EVENT_KINDS, NODE_LABELS, type NodeLabel, RELATION_TYPES } from '../../server/model.ts';

export interface GraphNode {
  id: string;
  label: string;
  name: string;
  weight: number;
  kind?: string | null;
  date?: string | null;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  support: number;
  confidence?: number | null;
  /** Relation properties as a JSON object string. */
  props?: string | null;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
  remaining: number;
  /** Neighbours tied only by co-mentions, left out because the request did not follow co-mentions. */
  coMentionOnly: number;
}

export interface SearchHit {
  id: string;
  label: string;
  name: string;
  aliases: string[];
  score: number;
  mentionCount: number;
  /** An event's date (ISO), when known: added by api.search, not part of the server's SearchHit. */
  date?: string | null;
}

export interface EvidenceItem {
  sentence: string;
  articleId: string;
  articleTitle: string;
  articleUrl?: string | null;
  publishedAt?: string | null;
}

export interface EdgeEvidence {
  edgeId: string;
  type: string;
  source: GraphNode;
  target: GraphNode;
  confidence?: number | null;
  items: EvidenceItem[];
}

export interface TimelineEvent {
  id: string;
  kind: string;
  summary: string;
  /** The text's own date, or the first reporting article's publication date (dateFromArticle). */
  date?: string | null;
  dateText?: string | null;
  dateFromArticle?: boolean;
  participants: GraphNode[];
  articleIds: string[];
}

export interface CountEntry {
  key: string;
  count: number;
}

export interface GraphStats {
  labels: CountEntry[];
  relationshipTypes: CountEntry[];
  articles: number;
  entities: number;
  events: number;
}

export interface IngestArticleInput {
  text: string;
  title?: string;
  url?: string;
  publishedAt?: string;
}

export interface IngestResult {
  articleId: string;
  title: string;
  status: string;
  entitiesCreated: number;
  entitiesMerged: number;
  relationsCreated: number;
  relationsMerged: number;
  eventsCreated: number;
  eventsMerged: number;
  createdNodeIds: string[];
  mergedNodeIds: string[];
}

/** A feed the server watches (server/graphql/explorer.graphql WatchedFeed). */
export interface WatchedFeed {
  url: string;
  title: string | null;
  /** ISO date-time of the last finished poll, or null before the first. */
  lastPolledAt: string | null;
  lastError: string | null;
  itemsLoaded: number;
  lastNewArticles: number;
}

export interface MergeResult {
  keptId: string;
  mergedIds: string[];
  aliases: string[];
  relationshipsMoved: number;
  mergeId: string;
}

/** One recorded merge of an entity (mergeHistory): what splitEntity can undo. */
export interface MergeRecordInfo {
  mergeId: string;
  mergedAt: string;
  absorbed: { id: string; name: string; label: string }[];
}

export interface SplitResult {
  keptId: string;
  mergeId: string;
  restoredIds: string[];
  relationshipsRestored: number;
  relationshipsNotRestored: number;
}

export interface ArticleView {
  id: string;
  title: string;
  url?: string | null;
  publishedAt?: string | null;
  text: string;
  entities: Pick<SearchHit, 'id' | 'label' | 'name' | 'aliases'>[];
}

/** Extra properties of one node read from the generated @neo4j/graphql types (all optional). */
export interface NodeProperties {
  aliases?: string[];
  mentionCount?: number | null;
  summary?: string | null;
  dateText?: string | null;
  kind?: string | null;
  date?: string | null;
  title?: string | null;
  url?: string | null;
  publishedAt?: string | null;
}
