// GraphQL documents the explorer sends, one per operation of the contract (server/graphql/explorer.graphql).

const NODE_FIELDS = 'id label name weight kind date';
const EDGE_FIELDS = 'id source target type support confidence props';
const SUBGRAPH_FIELDS = `nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } truncated remaining coMentionOnly`;
const EVIDENCE_FIELDS = `edgeId type confidence source { ${NODE_FIELDS} } target { ${NODE_FIELDS} }
  items { sentence articleId articleTitle articleUrl publishedAt }`;

export const SEARCH = `query Search($query: String!, $types: [String!], $limit: Int) {
  search(query: $query, types: $types, limit: $limit) { id label name aliases score mentionCount }
}`;

export const NEIGHBORHOOD = `query Neighborhood($ids: [ID!]!, $depth: Int, $types: [String!], $relationTypes: [String!],
  $limit: Int, $followCoMentions: Boolean, $drawn: [ID!]) {
  neighborhood(ids: $ids, depth: $depth, types: $types, relationTypes: $relationTypes, limit: $limit,
    followCoMentions: $followCoMentions, drawn: $drawn) { ${SUBGRAPH_FIELDS} }
}`;

export const PATHS = `query Paths($from: ID!, $to: ID!, $maxDepth: Int, $relationTypes: [String!]) {
  paths(from: $from, to: $to, maxDepth: $maxDepth, relationTypes: $relationTypes) { ${SUBGRAPH_FIELDS} }
}`;

export const TIMELINE = `query Timeline($from: String, $to: String, $kinds: [String!], $entityIds: [ID!]) {
  timeline(from: $from, to: $to, kinds: $kinds, entityIds: $entityIds) {
    id kind summary date dateText dateFromArticle articleIds participants { ${NODE_FIELDS} }
  }
}`;

export const EVIDENCE = `query Evidence($edgeId: ID!) { evidence(edgeId: $edgeId) { ${EVIDENCE_FIELDS} } }`;

/**
 * Evidence for many edges in one round trip: one aliased field per edge. Only the count shapes the
 * document; every id travels as a variable, never inside the text.
 */
export function evidenceBatch(count: number): string {
  const params = Array.from({ length: count }, (_, i) => `$e${i}: ID!`).join(', ');
  const fields = Array.from({ length: count }, (_, i) => `e${i}: evidence(edgeId: $e${i}) { ${EVIDENCE_FIELDS} }`).join(
    '\n',
  );
  return `query EvidenceBatch(${params}) {\n${fields}\n}`;
}

export const STATS = `query Stats { stats { labels { key count } relationshipTypes { key count } articles entities events } }`;

export const NODES_BY_IDS = `query NodesByIds($ids: [ID!]!) { nodesByIds(ids: $ids) { ${NODE_FIELDS} } }`;

export const EDGES_AMONG = `query EdgesAmong($ids: [ID!]!) { edgesAmong(ids: $ids) { ${EDGE_FIELDS} } }`;

export const NODES_AND_EDGES = `query NodesAndEdges($ids: [ID!]!) {
  nodesByIds(ids: $ids) { ${NODE_FIELDS} }
  edgesAmong(ids: $ids) { ${EDGE_FIELDS} }
}`;

// Only the fields the reader marks with: asking for `score` here made the whole answer fail on a server
// that has no search score for an article's entities (non-null field resolved to null).
export const ARTICLE = `query Article($id: ID!) {
  article(id: $id) { id title url publishedAt text entities { id label name aliases } }
}`;

export const INGEST_ARTICLE = `mutation IngestArticle($input: IngestArticleInput!) {
  ingestArticle(input: $input) {
    articleId title status entitiesCreated entitiesMerged relationsCreated relationsMerged
    eventsCreated eventsMerged createdNodeIds mergedNodeIds
  }
}`;

export const INGEST_URL = `mutation IngestUrl($url: String!) {
  ingestUrl(url: $url) {
    articleId title status entitiesCreated entitiesMerged relationsCreated relationsMerged
    eventsCreated eventsMerged createdNodeIds mergedNodeIds
  }
}`;

const FEED_FIELDS = 'url title lastPolledAt lastError itemsLoaded lastNewArticles';

export const FEEDS = `query Feeds { feeds { ${FEED_FIELDS} } }`;

export const ADD_FEED = `mutation AddFeed($url: String!) { addFeed(url: $url) { ${FEED_FIELDS} } }`;

export const REMOVE_FEED = `mutation RemoveFeed($url: String!) { removeFeed(url: $url) }`;

export const MERGE_ENTITIES = `mutation MergeEntities($keepId: ID!, $mergeIds: [ID!]!) {
  mergeEntities(keepId: $keepId, mergeIds: $mergeIds) { keptId mergedIds aliases relationshipsMoved mergeId }
}`;

export const MERGE_HISTORY = `query MergeHistory($id: ID!) {
  mergeHistory(id: $id) { mergeId mergedAt absorbed { id name label } }
}`;

export const SPLIT_ENTITY = `mutation SplitEntity($id: ID!, $mergeId: ID) {
  splitEntity(id: $id, mergeId: $mergeId) { keptId mergeId restoredIds relationshipsRestored relationshipsNotRestored }
}`;

/** Root fields of the generated @neo4j/graphql types, by node label. */
export const GENERATED_ROOT_FIELD: Record<string, string> = {
  Person: 'people',
  Company: 'companies',
  Government: 'governments',
  Organization: 'organizations',
  Place: 'places',
  Event: 'events',
  Article: 'articles',
};

const PROPERTY_FIELDS: Record<string, string> = {
  Event: 'id kind summary date dateText',
  Article: 'id title url publishedAt',
};

/** Properties of one node via the generated types (`people(where: {id: {eq: $id}})`…); null for unknown labels. */
export function nodePropertiesDocument(label: string): string | null {
  const root = GENERATED_ROOT_FIELD[label];
  if (!root) return null;
  const fields = PROPERTY_FIELDS[label] ?? 'id name aliases mentionCount';
  return `query NodeProperties($id: ID!) { node: ${root}(where: { id: { eq: $id } }, limit: 1) { ${fields} } }`;
}

/** First-visit suggestions: the most mentioned entities of the main types and the latest articles. */
export const STARTING_POINTS = `query StartingPoints {
  companies(sort: [{ mentionCount: DESC }], limit: 3) { id name mentionCount }
  governments(sort: [{ mentionCount: DESC }], limit: 2) { id name mentionCount }
  people(sort: [{ mentionCount: DESC }], limit: 3) { id name mentionCount }
  articles(sort: [{ publishedAt: DESC }], limit: 3) { id title publishedAt }
}`;
