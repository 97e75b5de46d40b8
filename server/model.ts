// The graph model, defined once: node labels, relation types, event kinds and the records extraction hands to loading.
// Ground floor: imports nothing, so every layer (nlp, ingest, db, graphql, the client) can import it downward.

/** The five kinds of named thing an article can mention (see ../shared/DESIGN.md, "Graph model"). */
export const ENTITY_TYPES = ['Person', 'Company', 'Government', 'Organization', 'Place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Every node label the graph holds: the entity types, events and articles. */
export const NODE_LABELS = [...ENTITY_TYPES, 'Event', 'Article'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Entity-to-entity relations (plus CITES from an article), as RELATIONS.md defines them. */
export const RELATION_TYPES = [
  'EMPLOYED_BY',
  'FORMERLY_AT',
  'EDUCATED_AT',
  'HEADS',
  'MEMBER_OF',
  'PART_OF',
  'OWNS',
  'ACQUIRES',
  'SUPPLIES',
  'PARTNERS_WITH',
  'TRADES_WITH',
  'SANCTIONS',
  'REGULATES',
  'SUES',
  'MEETS',
  'OPPOSES',
  'LOCATED_IN',
  'CITES',
  'CO_MENTIONED',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Relations without a direction: stored once per pair (smaller id first) and matched either way. */
export const SYMMETRIC_RELATION_TYPES: ReadonlySet<RelationType> = new Set<RelationType>([
  'PARTNERS_WITH',
  'TRADES_WITH',
  'MEETS',
  'CO_MENTIONED',
]);

/** Relationship types the loader writes besides the extracted relations. */
export const STRUCTURAL_RELATIONSHIP_TYPES = ['MENTIONS', 'REPORTS', 'PARTICIPATES_IN'] as const;

/** Every relationship type the graph can hold. */
export const RELATIONSHIP_TYPES: readonly string[] = [...STRUCTURAL_RELATIONSHIP_TYPES, ...RELATION_TYPES];

/** Relationship property keys that hold provenance; every other key is a plain relation property. */
export const PROVENANCE_KEYS = ['articleIds', 'evidence', 'confidence'] as const;

/**
 * `section: 'related'` on a relation marks a fact read only from "Læs også" headlines: another article's news, which
 * must not pass for body support (server/ingest/relate/related.ts). A relationship keeps the mark only while every
 * sentence behind it, from any article, is such a headline: where two supports of one relationship meet, the mark
 * survives only if both carry it. (Deleting the article with the body support does not put the mark back.)
 */
export const RELATED_ONLY: Readonly<{ section: Section }> = { section: 'related' };

/** `merged` (the combined properties of two supports `a` and `b` of one relationship) with the mark both carry, if any. */
export function withRelatedMark<T extends Readonly<Record<string, unknown>>>(
  merged: T,
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(merged)) if (key !== 'section') out[key] = value;
  if (a.section === RELATED_ONLY.section && b.section === RELATED_ONLY.section) out.section = RELATED_ONLY.section;
  return out as T;
}

/** What an event is about, as RELATIONS.md lists the kinds. */
export const EVENT_KINDS = [
  'SANCTION',
  'SANCTION_EASED',
  'SANCTION_LIFTED',
  'LICENSE_GRANTED',
  'LAWSUIT',
  'COURT_RULING',
  'MEETING',
  'STATEMENT',
  'MARKET_MOVE',
  'HIRED',
  'PROMOTED',
  'DEPARTED',
  'ACQUISITION',
  'PARTNERSHIP',
  'CONTRACT',
  'FINE',
  'INVESTIGATION',
  'GRADUATED',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** How an entity takes part in an event. */
export const PARTICIPANT_ROLES = ['agent', 'target', 'location', 'other'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Where in the page a piece of text sits. */
export const SECTIONS = ['body', 'related', 'people-news'] as const;
export type Section = (typeof SECTIONS)[number];

export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): boolean {
  return RELATIONSHIP_TYPES.includes(value);
}

export function isEventKind(value: string): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value);
}

export function isParticipantRole(value: string): value is ParticipantRole {
  return (PARTICIPANT_ROLES as readonly string[]).includes(value);
}

/** One sentence of a cleaned article. */
export interface Sentence {
  readonly index: number;
  readonly text: string;
  readonly section: Section;
  /** Character offset of the sentence in CleanArticle.text. */
  readonly start: number;
}

/** An article after cleaning: header parsed, furniture dropped, text split into sections and sentences. */
export interface CleanArticle {
  readonly title: string;
  readonly url: string | null;
  /** ISO date (YYYY-MM-DD) from the header or input, if any. */
  readonly publishedAt: string | null;
  /** Byline of a page loaded from a URL (JSON-LD, <meta name=author>); absent for text and files. */
  readonly author?: string | null;
  /** The cleaned text (title + body + related + people-news), what evidence offsets refer to. */
  readonly text: string;
  /** sha256 (hex) of the normalised cleaned text: the article's identity for idempotent loading. */
  readonly sha256: string;
  readonly sentences: readonly Sentence[];
}

/** A resolved entity as extraction sees it within one article. */
export interface ExtractedEntity {
  /** Stable id across articles, e.g. "company:huawei"; same real thing => same id. */
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  /** Other surface forms seen (genitives, typos, government phrases…), canonical name excluded. */
  readonly aliases: readonly string[];
  /** How many times the article mentions it. */
  readonly mentions: number;
  readonly section: Section;
}

export interface ExtractedRelation {
  /** Entity id, or "ARTICLE" for CITES. */
  readonly fromId: string;
  readonly type: RelationType;
  readonly toId: string;
  /** The exact sentence the relation was read from. */
  readonly evidence: string;
  readonly sentenceIndex: number;
  /** e.g. {title: "Operations Director", since: "2025-10-01"}, {degree: "HD"}, {weight: 1}. */
  readonly props: Readonly<Record<string, string | number | null>>;
  /** 0..1. */
  readonly confidence: number;
}

export interface ExtractedEvent {
  /** Stable id: same event text from two articles => same id. */
  readonly id: string;
  readonly kind: EventKind;
  /** One-line Danish summary. */
  readonly summary: string;
  /** ISO date when the text gives an absolute one. */
  readonly date: string | null;
  /** The date words as written ("lørdag", "i marts"), when relative or partial. */
  readonly dateText: string | null;
  readonly participants: readonly { readonly entityId: string; readonly role: ParticipantRole }[];
  readonly evidence: string;
  readonly sentenceIndex: number;
  readonly confidence: number;
}

/** The whole result of extraction for one article: what loading writes in one transaction. */
export interface ArticleGraph {
  readonly article: CleanArticle & { readonly id: string; readonly language: string };
  readonly entities: readonly ExtractedEntity[];
  readonly relations: readonly ExtractedRelation[];
  readonly events: readonly ExtractedEvent[];
}

/** An entity the graph already holds, passed to resolution so it can stay pure. */
export interface KnownEntity {
  readonly id: string;
  readonly type: EntityType;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** What loading one article did. */
export interface LoadSummary {
  readonly articleId: string;
  readonly title: string;
  readonly status: 'new' | 'unchanged';
  readonly entitiesCreated: number;
  readonly entitiesMerged: number;
  readonly relationsCreated: number;
  readonly relationsMerged: number;
  readonly eventsCreated: number;
  readonly eventsMerged: number;
  /** Ids of nodes created / merged, for the explorer's "what changed" highlight. */
  readonly createdNodeIds: readonly string[];
  readonly mergedNodeIds: readonly string[];
}

/** The one type label of a node (its labels minus the shared `Entity` label). */
export function primaryLabel(labels: readonly string[]): string {
  return labels.find((label) => label !== 'Entity') ?? labels[0] ?? 'Unknown';
}

/** The summary of an article whose text was loaded before: nothing written. */
export function unchangedSummary(articleId: string, title: string): LoadSummary {
  return {
    articleId,
    title,
    status: 'unchanged',
    entitiesCreated: 0,
    entitiesMerged: 0,
    relationsCreated: 0,
    relationsMerged: 0,
    eventsCreated: 0,
    eventsMerged: 0,
    createdNodeIds: [],
    mergedNodeIds: [],
  };
}
