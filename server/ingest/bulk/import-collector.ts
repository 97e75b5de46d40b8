// The rows of a first load into an empty graph, gathered in memory instead of written: the bulk path runs as
// usual (same extraction, same batches, same resolution against earlier batches), but each batch lands here,
// and `rows()` folds the batches into the final nodes and relationships exactly as cypher/bulk-*.cypher would
// have left them in the database. server/db/admin-import.ts then writes them with neo4j-admin's importer.

import type { ImportEntity, ImportEvent, ImportRelationship, ImportRows } from '../../db/admin-import.ts';
import type { ArticleRow, BulkLoadBatch, BulkWriteOutcome, ExistingArticle } from '../../db/index.ts';
import { type ParticipantRole, withRelatedMark } from '../../model.ts';
import { addUnique, relationKey } from './fold.ts';

interface Provenanced {
  readonly articleIds: string[];
  readonly evidence: string[];
  confidence: number;
}

function addProvenance(
  into: Provenanced,
  row: { articleIds: readonly string[]; evidence: readonly string[]; confidence: number },
): void {
  addUnique(into.articleIds, row.articleIds);
  addUnique(into.evidence, row.evidence);
  if (row.confidence > into.confidence) into.confidence = row.confidence;
}

/**
 * Stands in for the database during a first load: nothing is loaded yet, and a batch "write" records the batch.
 * Every id a batch brings that no earlier batch brought counts as created, as MERGE on an empty graph would.
 */
export class ImportCollector {
  readonly #batches: BulkLoadBatch[] = [];
  readonly #entityIds = new Set<string>();
  readonly #eventIds = new Set<string>();
  readonly #relationKeys = new Set<string>();
  readonly #hashes = new Map<string, { id: string; title: string }>();

  /** The batches as the bulk path handed them over, in order. */
  get batches(): readonly BulkLoadBatch[] {
    return this.#batches;
  }

  async loadedHashes(): Promise<string[]> {
    return [];
  }

  async existing(articles: readonly { id: string; sha256: string }[]): Promise<ExistingArticle[]> {
    return articles.map(({ id, sha256 }) => {
      const loaded = this.#hashes.get(sha256);
      return { id, sha256, loadedId: loaded?.id ?? null, loadedTitle: loaded?.title ?? null, sameIdSha256: null };
    });
  }

  async write(batch: BulkLoadBatch): Promise<BulkWriteOutcome> {
    this.#batches.push(batch);
    for (const a of batch.articles) this.#hashes.set(a.sha256, { id: a.id, title: a.title });
    const fresh = <T>(seen: Set<string>, keys: readonly T[], key: (t: T) => string): Set<string> => {
      const created = new Set<string>();
      for (const item of keys) {
        const k = key(item);
        if (!seen.has(k)) {
          seen.add(k);
          created.add(k);
        }
      }
      return created;
    };
    return {
      createdEntityIds: fresh(this.#entityIds, batch.entities, (e) => e.id),
      createdEventIds: fresh(this.#eventIds, batch.events, (e) => e.id),
      // Both ends of a relation are entities of its own batch (load/batch.ts drops the rest; the bulk repository
      // refuses a batch that breaks this), so every relation is written.
      createdRelationKeys: fresh(this.#relationKeys, batch.relations, (r) => relationKey(r.fromId, r.type, r.toId)),
    };
  }

  /** The final rows: the recorded batches folded in order, as the bulk queries would have merged them. */
  rows(): ImportRows {
    const articles: ArticleRow[] = [];
    const entities = new Map<string, ImportEntity>();
    const events = new Map<string, ImportEvent>();
    const relations = new Map<
      string,
      Provenanced & { fromId: string; type: string; toId: string; props: Record<string, string | number> }
    >();
    const participants = new Map<string, Provenanced & { entityId: string; eventId: string; role: ParticipantRole }>();
    const simple: ImportRelationship[] = [];

    // Every link's ends are nodes of its own batch (see write), so no link needs a check that its ends exist.
    for (const batch of this.#batches) {
      articles.push(...batch.articles);
      for (const row of batch.entities) {
        let e = entities.get(row.id);
        if (!e)
          entities.set(row.id, (e = { id: row.id, type: row.type, name: row.name, aliases: [], mentionCount: 0 }));
        // bulk-entities.cypher: each alias once, never the node's own name.
        for (const alias of row.aliases) if (alias !== e.name && !e.aliases.includes(alias)) e.aliases.push(alias);
        e.mentionCount += row.mentions;
      }
      for (const row of batch.mentions) {
        simple.push({ fromId: row.articleId, type: 'MENTIONS', toId: row.entityId, props: { count: row.count } });
      }
      for (const row of batch.relations) {
        const key = relationKey(row.fromId, row.type, row.toId);
        let r = relations.get(key);
        if (!r)
          relations.set(
            key,
            (r = {
              fromId: row.fromId,
              type: row.type,
              toId: row.toId,
              props: {},
              articleIds: [],
              evidence: [],
              confidence: -Infinity,
            }),
          );
        // A new relationship takes the row's mark ("Læs også" only); a later row keeps it only if it carries it too.
        r.props =
          r.articleIds.length === 0
            ? { ...row.props }
            : withRelatedMark({ ...r.props, ...row.props }, r.props, row.props);
        addProvenance(r, row);
      }
      for (const row of batch.citations) {
        simple.push({
          fromId: row.articleId,
          type: 'CITES',
          toId: row.toId,
          props: { articleIds: [row.articleId], evidence: [...row.evidence], confidence: row.confidence },
        });
      }
      for (const row of batch.events) {
        let ev = events.get(row.id);
        if (!ev) {
          events.set(
            row.id,
            (ev = {
              id: row.id,
              kind: row.kind,
              summary: row.summary,
              date: null,
              dateText: null,
              articleIds: [],
              evidence: [],
              confidence: -Infinity,
            }),
          );
        }
        // A known date is never overwritten.
        ev.date ??= row.date;
        ev.dateText ??= row.dateText;
        addProvenance(ev, row);
      }
      for (const row of batch.reports)
        simple.push({ fromId: row.articleId, type: 'REPORTS', toId: row.eventId, props: {} });
      for (const row of batch.participants) {
        const key = `${row.eventId}\u0000${row.entityId}\u0000${row.role}`;
        let p = participants.get(key);
        if (!p)
          participants.set(
            key,
            (p = {
              entityId: row.entityId,
              eventId: row.eventId,
              role: row.role,
              articleIds: [],
              evidence: [],
              confidence: -Infinity,
            }),
          );
        addProvenance(p, row);
      }
    }

    const relationships: ImportRelationship[] = [...simple];
    for (const r of relations.values()) {
      const props: Record<string, string | number | string[]> = {
        ...r.props,
        articleIds: r.articleIds,
        evidence: r.evidence,
        confidence: r.confidence,
      };
      // bulk-relations.cypher: a co-mention's weight is its number of evidence sentences.
      if (r.type === 'CO_MENTIONED') props.weight = r.evidence.length;
      relationships.push({ fromId: r.fromId, type: r.type, toId: r.toId, props });
    }
    for (const p of participants.values()) {
      relationships.push({
        fromId: p.entityId,
        type: 'PARTICIPATES_IN',
        toId: p.eventId,
        props: { role: p.role, articleIds: p.articleIds, evidence: p.evidence, confidence: p.confidence },
      });
    }
    return { articles, entities: [...entities.values()], events: [...events.values()], relationships };
  }
}
