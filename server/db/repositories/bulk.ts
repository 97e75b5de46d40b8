// Bulk loading: many new articles written in ONE transaction of big UNWIND statements (server/ingest/load/bulk.ts folds the rows).
import type { EntityType, EventKind, ParticipantRole, RelationType } from '../../ingest/types.ts';
import type { Database, Row } from '../database.ts';
import { ErrorCode, NewsgraphError } from '../../errors.ts';
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
    const rows = await this.#db.read((q) => q.run('bulk-articles-existing', { articles: articles.map(({ id, sha256 }) => ({ id, sha256 })) }));
    return rows.map((row) => ({
      id: String(row.id), sha256: String(row.sha256),
      loadedId: (row.loadedId as string | null) ?? null, loadedTitle: (row.loadedTitle as string | null) ?? null,
      sameIdSha256: (row.sameIdSha256 as string | null) ?? null,
    }));
  }

  /**
   * Writes the batch in one transaction: every article of it is in the graph afterwards, or none is. The caller
   * must have checked with `existing` that the articles are new; a concurrent loader that got there first
   * makes the id constraint fail the whole transaction (the caller then loads those articles one by one).
   *
   * Nodes first (entities, events, articles), each statement returning its nodes' element ids; the link
   * statements then find both ends by element id instead of seeking the id indexes twice per row. Links with an
   * end created in this transaction are plain CREATEs (they cannot exist yet); the rest MERGE. Relations and
   * participations come before the articles' MENTIONS and REPORTS so that their MERGEs do not walk through
   * those thousands of new relationships of a hub entity.
   */
  async write(batch: BulkLoadBatch): Promise<BulkWriteOutcome> {
    return this.#db.write(async (q) => {
      const entityRows = await q.run('bulk-entities', { entities: batch.entities.map((e) => ({ ...e, mentions: int(e.mentions) })) });
      const entity = nodeIds(entityRows, 'entity');
      const createdEntityIds = new Set(entityRows.filter((r) => r.created).map((r) => String(r.id)));

      const isNewRelation = (r: BulkRelationRow) => createdEntityIds.has(r.fromId) || createdEntityIds.has(r.toId);
      const relationRow = (r: BulkRelationRow) => ({ ...r, from: entity(r.fromId), to: entity(r.toId) });
      const newRelations = batch.relations.filter(isNewRelation);
      await q.run('bulk-relations-new', { relations: newRelations.map(relationRow) });
      const mergedRelationRows = await q.run('bulk-relations', { relations: batch.relations.filter((r) => !isNewRelation(r)).map(relationRow) });

      const eventRows = await q.run('bulk-events', { events: batch.events });
      const event = nodeIds(eventRows, 'event');
      const createdEventIds = new Set(eventRows.filter((r) => r.created).map((r) => String(r.id)));
      const isNewParticipant = (p: BulkParticipantRow) => createdEntityIds.has(p.entityId) || createdEventIds.has(p.eventId);
      const participantRow = ({ eventId, entityId, ...p }: BulkParticipantRow) => ({ ...p, entity: entity(entityId), event: event(eventId) });
      await q.run('bulk-participants-new', { participants: batch.participants.filter(isNewParticipant).map(participantRow) });
      await q.run('bulk-participants', { participants: batch.participants.filter((p) => !isNewParticipant(p)).map(participantRow) });

      const article = nodeIds(await q.run('bulk-articles-create', { articles: batch.articles }), 'article');
      await q.run('bulk-mentions', { mentions: batch.mentions.map((m) => ({ article: article(m.articleId), entity: entity(m.entityId), count: int(m.count) })) });
      await q.run('bulk-citations', {
        citations: batch.citations.map(({ articleId, toId, evidence, confidence }) => ({ article: article(articleId), entity: entity(toId), articleId, evidence, confidence })),
      });
      await q.run('bulk-reports', { reports: batch.reports.map((r) => ({ article: article(r.articleId), event: event(r.eventId) })) });
      return {
        createdEntityIds,
        createdEventIds,
        createdRelationKeys: new Set([
          ...newRelations.map((r) => `${r.fromId}\u0000${r.type}\u0000${r.toId}`),
          ...mergedRelationRows.filter((r) => r.created).map((r) => `${r.fromId}\u0000${r.type}\u0000${r.toId}`),
        ]),
      };
    }, { timeoutMs: BULK_WRITE_TIMEOUT_MS });
  }

  /** Completes a graph written by neo4j-admin's importer (cypher/import-finish.cypher): run once, after the schema. */
  async finishImport(): Promise<void> {
    await this.#db.write((q) => q.run('import-finish'), { timeoutMs: BULK_WRITE_TIMEOUT_MS });
  }
}

/**
 * The element id of each node a bulk statement returned (rows {id, node}), as a look-up that refuses ids the
 * batch does not have: every link row's ends are among the batch's own nodes (load/batch.ts drops the rest),
 * so a miss is a bug to report, not a link to drop silently.
 */
function nodeIds(rows: readonly Row[], what: string): (id: string) => string {
  const byId = new Map(rows.map((row) => [String(row.id), String(row.node)]));
  return (id) => {
    const node = byId.get(id);
    if (node === undefined) throw new NewsgraphError(ErrorCode.INTERNAL, `bulk load: a link names ${what} ${JSON.stringify(id)}, which the batch does not write`);
    return node;
  };
}
