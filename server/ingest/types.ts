// What each ingest stage hands to the next: read -> clean -> (tag, type) -> resolve -> relate -> load.

export type EntityType = 'Person' | 'Company' | 'Government' | 'Organization' | 'Place';
export const ENTITY_TYPES: readonly EntityType[] = ['Person', 'Company', 'Government', 'Organization', 'Place'];

export type RelationType =
  | 'EMPLOYED_BY' | 'FORMERLY_AT' | 'EDUCATED_AT' | 'HEADS' | 'MEMBER_OF' | 'PART_OF' | 'OWNS'
  | 'ACQUIRES' | 'SUPPLIES' | 'PARTNERS_WITH' | 'TRADES_WITH' | 'SANCTIONS' | 'REGULATES' | 'SUES'
  | 'MEETS' | 'OPPOSES' | 'LOCATED_IN' | 'CITES' | 'CO_MENTIONED';
export const RELATION_TYPES: readonly RelationType[] = [
  'EMPLOYED_BY', 'FORMERLY_AT', 'EDUCATED_AT', 'HEADS', 'MEMBER_OF', 'PART_OF', 'OWNS', 'ACQUIRES',
  'SUPPLIES', 'PARTNERS_WITH', 'TRADES_WITH', 'SANCTIONS', 'REGULATES', 'SUES', 'MEETS', 'OPPOSES',
  'LOCATED_IN', 'CITES', 'CO_MENTIONED',
];

export type EventKind =
  | 'SANCTION' | 'SANCTION_EASED' | 'SANCTION_LIFTED' | 'LICENSE_GRANTED' | 'LAWSUIT' | 'COURT_RULING'
  | 'MEETING' | 'STATEMENT' | 'MARKET_MOVE' | 'HIRED' | 'PROMOTED' | 'DEPARTED' | 'ACQUISITION'
  | 'PARTNERSHIP';

export type ParticipantRole = 'agent' | 'target' | 'location' | 'other';

/** Where in the page a piece of text sits. */
export type Section = 'body' | 'related' | 'people-news';

/** read: a file or a GraphQL input, before anything is interpreted. */
export interface RawArticle {
  /** The full text as given (header lines included, if any). */
  readonly text: string;
  /** Overrides for what the header lines / first line would give. */
  readonly title?: string;
  readonly url?: string;
  readonly publishedAt?: string;
  /** File path, for messages only. */
  readonly source?: string;
}

export interface Sentence {
  readonly index: number;
  readonly text: string;
  readonly section: Section;
  /** Character offset of the sentence in CleanArticle.text. */
  readonly start: number;
}

/** clean: header parsed, furniture dropped, text split into sections and sentences. */
export interface CleanArticle {
  readonly title: string;
  readonly url: string | null;
  /** ISO date (YYYY-MM-DD) from the header or input, if any. */
  readonly publishedAt: string | null;
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

/** The whole result of extraction for one article: what load writes in one transaction. */
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
