// The domain type definitions that @neo4j/graphql turns into filterable, sortable, paginated queries.
// Generated from one relation table so every entity type exposes the same typed relationships, in both
// directions, without 150 hand-copied SDL lines drifting apart.
import { ENTITY_TYPES, type EntityType } from '../model.ts';
import { LIMITS } from './limits.ts';

/** On every node type and the Entity interface: generated lists, top-level and nested, have a default size and a maximum. */
const LIST_LIMIT = `@limit(default: ${LIMITS.defaultListSize}, max: ${LIMITS.maxListSize})`;

interface RelationField {
  /** Neo4j relationship type (from the fixed graph model). */
  readonly type: string;
  /** Field name for the outgoing direction, and the entity types that get it. */
  readonly out: string;
  readonly from: readonly EntityType[];
  /** Field name for the incoming direction, and the entity types that get it; null for symmetric
   * relations, which are queried undirected through the `out` field. */
  readonly in: string | null;
  readonly to: readonly EntityType[];
}

const ACTORS: readonly EntityType[] = ['Company', 'Government', 'Organization'];
const ALL: readonly EntityType[] = ENTITY_TYPES;

/**
 * Entity-to-entity relations of the graph model, each exposed only on the entity types it can
 * sensibly start or end at. Every field costs ~20 generated input types, so putting every
 * relation on every type made a schema too large to build quickly (docs/performance-notes.md);
 * this table keeps it small.
 * All carry the `Fact` provenance properties.
 */
const ENTITY_RELATIONS: readonly RelationField[] = [
  { type: 'EMPLOYED_BY', out: 'employedBy', from: ['Person'], in: 'employees', to: ACTORS },
  { type: 'FORMERLY_AT', out: 'formerlyAt', from: ['Person'], in: 'formerEmployees', to: ACTORS },
  { type: 'EDUCATED_AT', out: 'educatedAt', from: ['Person'], in: 'alumni', to: ['Organization'] },
  { type: 'HEADS', out: 'heads', from: ['Person'], in: 'headedBy', to: ACTORS },
  { type: 'MEMBER_OF', out: 'memberOf', from: ['Person', ...ACTORS], in: 'members', to: ACTORS },
  { type: 'PART_OF', out: 'partOf', from: [...ACTORS, 'Place'], in: 'parts', to: [...ACTORS, 'Place'] },
  { type: 'OWNS', out: 'owns', from: ['Person', ...ACTORS], in: 'ownedBy', to: ['Company'] },
  { type: 'ACQUIRES', out: 'acquires', from: ['Company'], in: 'acquiredBy', to: ['Company'] },
  { type: 'SUPPLIES', out: 'supplies', from: ['Company'], in: 'suppliedBy', to: ACTORS },
  { type: 'SANCTIONS', out: 'sanctions', from: ['Government'], in: 'sanctionedBy', to: ['Person', ...ACTORS] },
  { type: 'REGULATES', out: 'regulates', from: ['Government'], in: 'regulatedBy', to: ['Company', 'Organization'] },
  { type: 'SUES', out: 'sues', from: ['Person', ...ACTORS], in: 'suedBy', to: ['Person', ...ACTORS] },
  { type: 'OPPOSES', out: 'opposes', from: ['Person', ...ACTORS], in: 'opposedBy', to: ['Person', ...ACTORS] },
  { type: 'LOCATED_IN', out: 'locatedIn', from: [...ACTORS, 'Place'], in: 'locationOf', to: ['Place', 'Government'] },
  { type: 'PARTNERS_WITH', out: 'partnersWith', from: ACTORS, in: null, to: [] },
  { type: 'TRADES_WITH', out: 'tradesWith', from: ['Company', 'Government'], in: null, to: [] },
  { type: 'MEETS', out: 'meets', from: ['Person', 'Government'], in: null, to: [] },
  { type: 'CO_MENTIONED', out: 'coMentioned', from: ALL, in: null, to: [] },
];

// Read-only relationship fields: the graph is written only by the ingest pipeline, so no nested
// create/connect inputs are generated; per-relationship aggregation is off to keep the schema small
// (top-level aggregation, e.g. companiesConnection { aggregate }, stays).
const READ_ONLY = 'nestedOperations: [], aggregate: false';

function entityRelationFields(label: EntityType): string[] {
  const lines: string[] = [];
  for (const r of ENTITY_RELATIONS) {
    const undirected = r.in === null ? 'queryDirection: UNDIRECTED, ' : '';
    if (r.from.includes(label)) {
      lines.push(
        `  ${r.out}: [Entity!]! @relationship(type: "${r.type}", direction: OUT, ${undirected}properties: "Fact", ${READ_ONLY})`,
      );
    }
    if (r.in !== null && r.to.includes(label)) {
      lines.push(
        `  ${r.in}: [Entity!]! @relationship(type: "${r.type}", direction: IN, properties: "Fact", ${READ_ONLY})`,
      );
    }
  }
  return lines;
}

function entityType(label: EntityType): string {
  const citedBy =
    label === 'Company'
      ? [
          `  "Articles citing this company as their source (\\"Det skriver Bloomberg\\")."`,
          `  citedBy: [Article!]! @relationship(type: "CITES", direction: IN, properties: "Fact", ${READ_ONLY})`,
        ]
      : [];
  return [
    `type ${label} implements Entity @node(labels: ["${label}", "Entity"]) ${LIST_LIMIT} {`,
    '  id: ID!',
    '  name: String!',
    '  aliases: [String!]!',
    '  mentionCount: Int!',
    `  mentionedIn: [Article!]! @relationship(type: "MENTIONS", direction: IN, properties: "Mention", ${READ_ONLY})`,
    `  participatesIn: [Event!]! @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "Participation", ${READ_ONLY})`,
    ...citedBy,
    ...entityRelationFields(label),
    '}',
  ].join('\n');
}

/** SDL for @neo4j/graphql: node types, the Entity interface and relationship property types. */
export function domainTypeDefs(): string {
  return [
    '# Generated mutations are switched off: the graph changes only through ingestArticle, mergeEntities, splitEntity, deleteArticle.',
    'extend schema @mutation(operations: [])',
    '',
    '"Provenance carried by every extracted relationship: the articles and exact sentences behind it."',
    'type Fact @relationshipProperties {',
    '  articleIds: [String!]',
    '  evidence: [String!]',
    '  confidence: Float',
    '  title: String',
    '  since: String',
    '  degree: String',
    '  weight: Int',
    '  "related while every sentence behind the fact is a Læs også headline (another article\'s news), else null."',
    '  section: String',
    '}',
    'type Mention @relationshipProperties {',
    '  count: Int',
    '}',
    'type Participation @relationshipProperties {',
    '  role: String',
    '  articleIds: [String!]',
    '  evidence: [String!]',
    '  confidence: Float',
    '}',
    '',
    '"A person, company, government, organization or place; one node per real thing across all articles."',
    `interface Entity ${LIST_LIMIT} {`,
    '  id: ID!',
    '  name: String!',
    '  aliases: [String!]!',
    '  "Sum over articles of how often each mentions it."',
    '  mentionCount: Int!',
    `  mentionedIn: [Article!]! @declareRelationship(${READ_ONLY})`,
    `  participatesIn: [Event!]! @declareRelationship(${READ_ONLY})`,
    '}',
    '',
    ...ENTITY_TYPES.map(entityType),
    '',
    `type Article @node ${LIST_LIMIT} {`,
    '  id: ID!',
    '  title: String!',
    '  url: String',
    '  publishedAt: Date',
    '  "The byline of an article loaded from a URL"',
    '  author: String',
    '  text: String!',
    '  sha256: String!',
    '  ingestedAt: DateTime',
    '  language: String',
    `  mentions: [Entity!]! @relationship(type: "MENTIONS", direction: OUT, properties: "Mention", ${READ_ONLY})`,
    `  reports: [Event!]! @relationship(type: "REPORTS", direction: OUT, ${READ_ONLY})`,
    `  cites: [Company!]! @relationship(type: "CITES", direction: OUT, properties: "Fact", ${READ_ONLY})`,
    '}',
    '',
    `type Event @node ${LIST_LIMIT} {`,
    '  id: ID!',
    '  kind: String!',
    '  summary: String!',
    '  date: Date',
    '  dateText: String',
    '  articleIds: [String!]',
    '  evidence: [String!]',
    '  confidence: Float',
    `  participants: [Entity!]! @relationship(type: "PARTICIPATES_IN", direction: IN, properties: "Participation", ${READ_ONLY})`,
    `  reportedBy: [Article!]! @relationship(type: "REPORTS", direction: IN, ${READ_ONLY})`,
    '}',
  ].join('\n');
}
