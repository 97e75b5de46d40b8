// Folds many articles' load batches into one set of rows for a single transaction, with the same result as loading them one by one in order.
//
// Sequential loading (cypher/load-*.cypher) defines the semantics; each fold below mirrors one query:
// an entity keeps the name and type of the first article that created it, aliases accumulate in article
// order, mention counts add up; relationships, events and participations get every article's id once, the
// union of evidence in order and the highest confidence; relation properties of later articles overwrite
// earlier ones (`SET rel += props`), but the mark of a fact read only from "Læs også" headlines stays only while
// every article's support carries it (withRelatedMark); an event keeps the first date any article gave it.
import type {
  ArticleBatch,
  ArticleRow,
  BulkCitationRow,
  BulkEntityRow,
  BulkEventRow,
  BulkLoadBatch,
  BulkMentionRow,
  BulkParticipantRow,
  BulkRelationRow,
  BulkReportRow,
} from '../../db/index.ts';
import { withRelatedMark } from '../../model.ts';

/** Appends each value not in the list yet, as the load queries append to provenance lists. */
export function addUnique(list: string[], values: readonly string[]): void {
  for (const v of values) if (v && !list.includes(v)) list.push(v);
}

/** Which article first brought each key, so per-article summaries can say "created" like sequential loading would. */
export interface FirstSeen {
  readonly entities: ReadonlyMap<string, string>;
  readonly events: ReadonlyMap<string, string>;
  readonly relations: ReadonlyMap<string, string>;
}

export interface FoldedBatch {
  readonly batch: BulkLoadBatch;
  readonly firstSeen: FirstSeen;
}

export function relationKey(fromId: string, type: string, toId: string): string {
  return `${fromId}\u0000${type}\u0000${toId}`;
}

/**
 * `batches` must be new articles with distinct text hashes, in load order (the caller drops already-loaded and
 * repeated ones first). Rows come out unique per node/relationship, so the queries can MERGE without races
 * inside the transaction.
 */
export function foldArticleBatches(batches: readonly ArticleBatch[]): FoldedBatch {
  const articles: ArticleRow[] = [];
  const entities = new Map<
    string,
    { row: Omit<BulkEntityRow, 'aliases' | 'mentions'>; aliases: string[]; mentions: number }
  >();
  const mentions: BulkMentionRow[] = [];
  const relations = new Map<
    string,
    {
      row: Omit<BulkRelationRow, 'articleIds' | 'evidence' | 'props'>;
      articleIds: string[];
      evidence: string[];
      props: Record<string, string | number>;
    }
  >();
  const citations: BulkCitationRow[] = [];
  const events = new Map<
    string,
    { row: Omit<BulkEventRow, 'articleIds' | 'evidence'>; articleIds: string[]; evidence: string[] }
  >();
  const reports: BulkReportRow[] = [];
  const participants = new Map<
    string,
    { row: Omit<BulkParticipantRow, 'articleIds' | 'evidence'>; articleIds: string[]; evidence: string[] }
  >();
  const firstEntity = new Map<string, string>();
  const firstEvent = new Map<string, string>();
  const firstRelation = new Map<string, string>();

  for (const batch of batches) {
    const articleId = batch.article.id;
    articles.push(batch.article);

    for (const e of batch.entities) {
      mentions.push({ articleId, entityId: e.id, count: e.mentions });
      const seen = entities.get(e.id);
      if (seen) {
        // load-entities.cypher adds [row.name] + row.aliases to the aliases, skipping the node's own name.
        seen.aliases.push(e.name, ...e.aliases);
        seen.mentions += e.mentions;
      } else {
        firstEntity.set(e.id, articleId);
        entities.set(e.id, {
          row: { id: e.id, type: e.type, name: e.name },
          aliases: [e.name, ...e.aliases],
          mentions: e.mentions,
        });
      }
    }

    for (const r of batch.relations) {
      const key = relationKey(r.fromId, r.type, r.toId);
      const seen = relations.get(key);
      if (seen) {
        addUnique(seen.articleIds, [articleId]);
        addUnique(seen.evidence, r.evidence);
        seen.props = withRelatedMark({ ...seen.props, ...r.props }, seen.props, r.props);
        seen.row = { ...seen.row, confidence: Math.max(seen.row.confidence, r.confidence) };
      } else {
        firstRelation.set(key, articleId);
        relations.set(key, {
          row: { fromId: r.fromId, type: r.type, toId: r.toId, confidence: r.confidence },
          articleIds: [articleId],
          evidence: [...r.evidence],
          props: { ...r.props },
        });
      }
    }

    // An article is new, so its citations, reports and mentions are new relationships: no folding needed.
    for (const c of batch.citations)
      citations.push({ articleId, toId: c.toId, evidence: c.evidence, confidence: c.confidence });

    for (const ev of batch.events) {
      reports.push({ articleId, eventId: ev.id });
      const seen = events.get(ev.id);
      if (seen) {
        addUnique(seen.articleIds, [articleId]);
        addUnique(seen.evidence, ev.evidence);
        seen.row = {
          ...seen.row,
          confidence: Math.max(seen.row.confidence, ev.confidence),
          date: seen.row.date ?? ev.date,
          dateText: seen.row.dateText ?? ev.dateText,
        };
      } else {
        firstEvent.set(ev.id, articleId);
        events.set(ev.id, {
          row: {
            id: ev.id,
            kind: ev.kind,
            summary: ev.summary,
            date: ev.date,
            dateText: ev.dateText,
            confidence: ev.confidence,
          },
          articleIds: [articleId],
          evidence: [...ev.evidence],
        });
      }
    }

    for (const p of batch.participants) {
      const key = `${p.eventId}\u0000${p.entityId}\u0000${p.role}`;
      const seen = participants.get(key);
      if (seen) {
        addUnique(seen.articleIds, [articleId]);
        addUnique(seen.evidence, p.evidence);
        seen.row = { ...seen.row, confidence: Math.max(seen.row.confidence, p.confidence) };
      } else {
        participants.set(key, {
          row: { eventId: p.eventId, entityId: p.entityId, role: p.role, confidence: p.confidence },
          articleIds: [articleId],
          evidence: [...p.evidence],
        });
      }
    }
  }

  return {
    batch: {
      articles,
      entities: [...entities.values()].map(({ row, aliases, mentions: count }) => ({
        ...row,
        aliases,
        mentions: count,
      })),
      mentions,
      relations: [...relations.values()].map(({ row, articleIds, evidence, props }) => ({
        ...row,
        articleIds,
        evidence,
        props,
      })),
      citations,
      events: [...events.values()].map(({ row, articleIds, evidence }) => ({ ...row, articleIds, evidence })),
      reports,
      participants: [...participants.values()].map(({ row, articleIds, evidence }) => ({
        ...row,
        articleIds,
        evidence,
      })),
    },
    firstSeen: { entities: firstEntity, events: firstEvent, relations: firstRelation },
  };
}
