// Bulk loading: many new articles written in ONE transaction of big UNWIND statements (server/ingest/bulk/fold.ts folds the rows).

import { ErrorCode, NewsgraphError } from '../../errors.ts';
import type { EntityType, EventKind, ParticipantRole, RelationType } from '../../model.ts';
import { type Database, type Row, runPerRelationType } from '../database.ts';
import { int } from '../values.ts';
import type { ArticleRow } from './articles.ts';

export interface BulkEntityRow {
  readonly id: string;
  readonly type: EntityType;
  /** The name of the first article that has the entity (used only when it is created). */
  readonly name: string;
  /** Every article's name and aliases for it, in article order (the query keeps each new one once). */
  readonly aliases: readonly string[];
  /** Sum over the batch's articles. */
  readonly mentions: number;
}

export interface BulkMentionRow {
  readonly articleId: string;
  readonly entityId: string;
  readonly count: number;
}

export interface BulkRelationRow {
  readonly fromId: string;
  readonly type: Exclude<RelationType, 'CITES'>;
  readonly toId: string;
  /** The batch's articles stating it, in order. */
  readonly articleIds: readonly string[];
  readonly evidence: readonly string[];
  readonly confidence: number;
  readonly props: Readonly<Record<string, string | number>>;
}

export interface BulkCitationRow {
  readonly articleId: string;
  readonly toId: string;
  readonly evidence: readonly string[];
  readonly confidence: number;
}

export interface BulkEventRow {
  readonly id: string;
  readonly kind: EventKind;
  readonly summary: string;
  readonly date: string | null;
  readonly dateText: string | null;
  readonly articleIds: readonly string[];
  readonly evidence: readonly string[];
  readonly confidence: number;
}

export interface BulkReportRow {
  readonly articleId: string;
  readonly eventId: string;
}

export interface BulkParticipantRow {
  readonly eventId: string;
  readonly entityId: string;
  readonly role: ParticipantRole;
  readonly articleIds: readonly string[];
  readonly evidence: readonly string[];
  readonly confidence: number;
}

/** Everything a batch of new articles writes, folded so each node and relationship has one row. */
export interface BulkLoadBatch {
  readonly articles: readonly ArticleRow[];
  readonly entities: readonly BulkEntityRow[];
  readonly mentions: readonly BulkMentionRow[];
  readonly relations: readonly BulkRelationRow[];
  readonly citations: readonly BulkCitationRow[];
  readonly events: readonly BulkEventRow[];
  readonly reports: readonly BulkReportRow[];
  readonly participants: readonly BulkParticipantRow[];
}

export interface ExistingArticle {
  readonly id: string;
  readonly sha256: string;
  /** The article already loaded with this text hash, if any. */
  readonly loadedId: string | null;
  readonly loadedTitle: string | null;
  /** The text hash of the article that already has this id, if any (differs: an edited article). */
  readonly sameIdSha256: string | null;
}

export interface BulkWriteOutcome {
  readonly createdEntityIds: ReadonlySet<string>;
  readonly createdEventIds: ReadonlySet<string>;
  /** Keys `fromId \0 type \0 toId` of relations created (not merged into an existing one). */
  readonly createdRelationKeys: ReadonlySet<string>;
}

/** One bulk transaction may run this long: a batch of a few hundred articles on a busy machine takes seconds. */
export const BULK_WRITE_TIMEOUT_MS = 300_000;

export class BulkLoadRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  /** Text hashes of every loaded article. */
  async loadedHashes(): Promise<string[]> {
    const rows = await this.#db.read((q) => q.run('articles-sha256'));
    return rows.map((row) => String(row.sha256));
  }

  /** Which of these articles are already loaded, or have an id that is taken by another text. */
  async existing(articles: readonly { id: string; sha256: string }[]): Promise<ExistingArticle[]> {
    if (articles.length === 0) return [];
    const rows = await this.#db.read((q) =>
      q.run('bulk-articles-existing', { articles: articles.map(({ id, sha256 }) => ({ id, sha256 })) }),
    );
    return rows.map((row) => ({
      id: String(row.id),
      sha256: String(row.sha256),
      loadedId: (row.loadedId as string | null) ?? null,
      loadedTitle: (row.loadedTitle as string | null) ?? null,
      sameIdSha256: (row.sameIdSha256 as string | null) ?? null,
    }));
  }

  /**
   * Writes the batch in one transaction: every article of it is in the graph afterwards, or none is. The caller
   * must have checked with `existing` that the articles are new; a concurrent loader that got there first
   * makes the id constraint fail the whole transaction (the caller then loads those articles one by one).
   *
   * Nodes first (entities, events, articles), each statement returning its nodes' element ids in row order;
   * the link statements then find both ends by element id instead of seeking the id indexes twice per row.
   * Statements are sent without waiting for the one before where they do not need its result (all three node
   * statements, then all link statements), so packing parameters in Node overlaps with Neo4j running them.
   * Links with an end created in this transaction are plain CREATEs (they cannot exist yet); the rest MERGE,
   * relations once per type (QueryRunner.runWithRelationType). Relations and participations come before the
   * articles' MENTIONS and REPORTS so that their MERGEs do not walk through those thousands of new
   * relationships of a hub entity. Rows carry numbers, not strings: indexes into the batch's article ids and
   * into each statement's own tables of element ids and sentences (StatementTables), which costs both Node and
   * Neo4j less CPU per article than rows of strings (A/B: docs/performance-notes.md, "Loading").
   */
  async write(batch: BulkLoadBatch, options: { readonly keepPlans?: boolean } = {}): Promise<BulkWriteOutcome> {
    return this.#db.write(
      async (q) => {
        const articleIds = batch.articles.map((a) => a.id);
        const articleIndex = positions(articleIds);
        const articles = (ids: readonly string[]) => ids.map((id) => position(articleIndex, id, 'article'));

        // The node statements need nothing of each other: sent together, so Node packs the next one while Neo4j
        // runs the one before (Bolt pipelines a transaction's statements and runs them in order).
        const eventTables = new StatementTables();
        const [[entityRow], [eventRow], [articleRow]] = await Promise.all([
          q.run('bulk-entities', { entities: batch.entities.map((e) => ({ ...e, mentions: int(e.mentions) })) }),
          q.run('bulk-events', {
            events: batch.events.map(({ articleIds: ids, evidence, ...e }) => ({
              ...e,
              articles: articles(ids),
              evidence: eventTables.sentences(evidence),
            })),
            articleIds,
            sentences: eventTables.sentenceList,
          }),
          q.run('bulk-articles-create', { articles: batch.articles }),
        ]);
        const entityNode = nodeLookup(batch.entities, entityRow, 'entity');
        const createdEntityIds = new Set(
          batch.entities.filter((_, i) => (entityRow.created as boolean[])[i]).map((e) => e.id),
        );
        const eventNode = nodeLookup(batch.events, eventRow, 'event');
        const createdEventIds = new Set(
          batch.events.filter((_, i) => (eventRow.created as boolean[])[i]).map((e) => e.id),
        );
        const articleNodes = nodeList(articleRow, batch.articles.length, 'articles');

        // Every link statement's parameters are known now, so they are sent one after the other without waiting
        // for results, in this order: relations and participations before MENTIONS and REPORTS.
        const sent: Promise<unknown>[] = [];
        const isNewRelation = (r: BulkRelationRow) => createdEntityIds.has(r.fromId) || createdEntityIds.has(r.toId);
        const relationRows = (rows: readonly BulkRelationRow[]) => {
          const t = new StatementTables();
          const relations = rows.map((r) => ({
            from: t.node(entityNode(r.fromId)),
            to: t.node(entityNode(r.toId)),
            type: r.type,
            articles: articles(r.articleIds),
            evidence: t.sentences(r.evidence),
            confidence: r.confidence,
            props: r.props,
          }));
          return { relations, articleIds, sentences: t.sentenceList, entityNodes: t.nodeList };
        };
        const newRelations = batch.relations.filter(isNewRelation);
        sent.push(q.run('bulk-relations-new', relationRows(newRelations)));
        // Once per type, with the type static (see DYNAMIC_RELATIONSHIP_TYPE in queries.ts), each with its own tables.
        const createdRelations: BulkRelationRow[] = [...newRelations];
        sent.push(
          runPerRelationType(
            q,
            'bulk-relations',
            batch.relations.filter((r) => !isNewRelation(r)),
            relationRows,
          ).then((groups) => {
            for (const {
              rows,
              result: [row],
            } of groups)
              for (const i of (row?.created ?? []) as number[]) createdRelations.push(rows[i]);
          }),
        );

        const isNewParticipant = (p: BulkParticipantRow) =>
          createdEntityIds.has(p.entityId) || createdEventIds.has(p.eventId);
        const participantRows = (rows: readonly BulkParticipantRow[]) => {
          const t = new StatementTables();
          const events = new StatementTables();
          const participants = rows.map((p) => ({
            entity: t.node(entityNode(p.entityId)),
            event: events.node(eventNode(p.eventId)),
            role: p.role,
            confidence: p.confidence,
            articles: articles(p.articleIds),
            evidence: t.sentences(p.evidence),
          }));
          return {
            participants,
            articleIds,
            sentences: t.sentenceList,
            entityNodes: t.nodeList,
            eventNodes: events.nodeList,
          };
        };
        sent.push(q.run('bulk-participants-new', participantRows(batch.participants.filter(isNewParticipant))));
        sent.push(q.run('bulk-participants', participantRows(batch.participants.filter((p) => !isNewParticipant(p)))));

        const mentionEntities = new StatementTables();
        sent.push(
          q.run('bulk-mentions', {
            articles: articles(batch.mentions.map((m) => m.articleId)),
            entities: batch.mentions.map((m) => mentionEntities.node(entityNode(m.entityId))),
            counts: batch.mentions.map((m) => m.count),
            articleNodes,
            entityNodes: mentionEntities.nodeList,
          }),
        );
        const citationTables = new StatementTables();
        sent.push(
          q.run('bulk-citations', {
            citations: batch.citations.map((c) => ({
              article: position(articleIndex, c.articleId, 'article'),
              entity: citationTables.node(entityNode(c.toId)),
              evidence: citationTables.sentences(c.evidence),
              confidence: c.confidence,
            })),
            articleIds,
            sentences: citationTables.sentenceList,
            articleNodes,
            entityNodes: citationTables.nodeList,
          }),
        );
        const reportEvents = new StatementTables();
        sent.push(
          q.run('bulk-reports', {
            articles: articles(batch.reports.map((r) => r.articleId)),
            events: batch.reports.map((r) => reportEvents.node(eventNode(r.eventId))),
            articleNodes,
            eventNodes: reportEvents.nodeList,
          }),
        );
        await Promise.all(sent);
        return {
          createdEntityIds,
          createdEventIds,
          createdRelationKeys: new Set(createdRelations.map((r) => `${r.fromId}\u0000${r.type}\u0000${r.toId}`)),
        };
      },
      { timeoutMs: BULK_WRITE_TIMEOUT_MS, keepPlans: options.keepPlans ?? false },
    );
  }

  /** Completes a graph written by neo4j-admin's importer (cypher/import-finish.cypher): run once, after the schema. */
  async finishImport(): Promise<void> {
    await this.#db.write((q) => q.run('import-finish'), { timeoutMs: BULK_WRITE_TIMEOUT_MS });
  }
}

/**
 * The look-up tables one statement is sent with: the element ids and the distinct sentences its rows use, each
 * once, so rows carry small numbers instead of strings. A statement gets only what its own rows use: every value
 * costs packing in Node and decoding in Neo4j (the driver's packing rates: docs/performance-notes.md), so tables
 * sent whole to every statement would cost more than the strings they replace.
 */
class StatementTables {
  readonly nodeList: string[] = [];
  readonly sentenceList: string[] = [];
  readonly #nodes = new Map<string, number>();
  readonly #sentences = new Map<string, number>();

  node(elementId: string): number {
    return intern(this.#nodes, this.nodeList, elementId);
  }

  sentences(values: readonly string[]): number[] {
    return values.map((value) => intern(this.#sentences, this.sentenceList, value));
  }
}

function intern(index: Map<string, number>, list: string[], value: string): number {
  let i = index.get(value);
  if (i === undefined) {
    i = list.length;
    list.push(value);
    index.set(value, i);
  }
  return i;
}

function positions(ids: readonly string[]): Map<string, number> {
  return new Map(ids.map((id, i) => [id, i]));
}

/**
 * Every link row's ends are among the batch's own nodes (load/batch.ts drops the rest), so a miss is a bug to
 * report, not a link to drop silently.
 */
function position(map: ReadonlyMap<string, number>, id: string, what: string): number {
  const i = map.get(id);
  if (i === undefined)
    throw new NewsgraphError(
      ErrorCode.INTERNAL,
      `bulk load: a link names ${what} ${JSON.stringify(id)}, which the batch does not write`,
    );
  return i;
}

/** The element ids a node statement returned (in row order), checked to be one per row it was given. */
function nodeList(row: Row | undefined, expected: number, what: string): string[] {
  const nodes = (row?.nodes ?? []) as string[];
  if (nodes.length !== expected)
    throw new NewsgraphError(ErrorCode.INTERNAL, `bulk load: wrote ${nodes.length} ${what} nodes for ${expected} rows`);
  return nodes;
}

/** Element id by stable id, for the nodes (`rows`, each with an id) a node statement wrote and returned in `row`. */
function nodeLookup(
  rows: readonly { readonly id: string }[],
  row: Row | undefined,
  what: string,
): (id: string) => string {
  const nodes = nodeList(row, rows.length, what);
  const index = positions(rows.map((r) => r.id));
  return (id) => nodes[position(index, id, what)];
}
