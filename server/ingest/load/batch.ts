// Turns an ArticleGraph into the row batches the load queries take: one row per node or relationship,
// duplicates within the article folded together, everything checked against the graph model's allow-lists.

import type { ArticleBatch, CitationRow, EntityRow, EventRow, ParticipantRow, RelationRow } from '../../db/index.ts';
import { ErrorCode, NewsgraphError } from '../../errors.ts';
import {
  type ArticleGraph,
  isEntityType,
  isEventKind,
  isParticipantRole,
  PROVENANCE_KEYS,
  RELATION_TYPES,
  type RelationType,
  SYMMETRIC_RELATION_TYPES,
  withRelatedMark,
} from '../../model.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PROVENANCE: ReadonlySet<string> = new Set(PROVENANCE_KEYS);

/** A real calendar date in YYYY-MM-DD, else null (Neo4j's date() would reject "2025-02-30"). */
export function isoDateOrNull(value: string | null | undefined): string | null {
  if (!value || !ISO_DATE.test(value)) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value ? value : null;
}

function addUnique(list: string[], values: readonly string[]): void {
  for (const v of values) if (v && !list.includes(v)) list.push(v);
}

function extractionBug(message: string): NewsgraphError {
  return new NewsgraphError(ErrorCode.INTERNAL, `extraction produced an invalid graph: ${message}`);
}

/** Relation properties worth storing: no nulls, no provenance keys, no weight on co-mentions (recounted). */
function plainProps(
  type: RelationType,
  props: Readonly<Record<string, string | number | null>>,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || PROVENANCE.has(key)) continue;
    if (type === 'CO_MENTIONED' && key === 'weight') continue;
    out[key] = value;
  }
  return out;
}

export function buildArticleBatch(graph: ArticleGraph): ArticleBatch {
  const { article } = graph;

  const entities = new Map<string, { row: EntityRow; aliases: string[] }>();
  for (const e of graph.entities) {
    if (!isEntityType(e.type)) throw extractionBug(`entity ${e.id} has unknown type ${JSON.stringify(e.type)}`);
    const seen = entities.get(e.id);
    if (seen) {
      addUnique(
        seen.aliases,
        [e.name, ...e.aliases].filter((a) => a !== seen.row.name),
      );
      seen.row = { ...seen.row, mentions: seen.row.mentions + e.mentions };
    } else {
      const aliases: string[] = [];
      addUnique(
        aliases,
        e.aliases.filter((a) => a !== e.name),
      );
      entities.set(e.id, {
        row: { id: e.id, type: e.type, name: e.name, aliases: [], mentions: Math.max(1, e.mentions) },
        aliases,
      });
    }
  }
  const entityRows: EntityRow[] = [...entities.values()].map(({ row, aliases }) => ({ ...row, aliases }));

  const relations = new Map<string, { row: RelationRow; evidence: string[]; props: Record<string, string | number> }>();
  const citations = new Map<string, { row: CitationRow; evidence: string[] }>();
  for (const r of graph.relations) {
    if (!(RELATION_TYPES as readonly string[]).includes(r.type))
      throw extractionBug(`relation type ${JSON.stringify(r.type)} is not in the graph model`);
    if (r.type === 'CITES' || r.fromId === 'ARTICLE') {
      if (!entities.has(r.toId)) continue;
      const seen = citations.get(r.toId);
      if (seen) {
        addUnique(seen.evidence, [r.evidence]);
        seen.row = { ...seen.row, confidence: Math.max(seen.row.confidence, r.confidence) };
      } else {
        citations.set(r.toId, {
          row: { toId: r.toId, evidence: [], confidence: r.confidence },
          evidence: [r.evidence],
        });
      }
      continue;
    }
    // A relation to an entity the article does not list, or to itself, has nothing to attach to.
    if (r.fromId === r.toId || !entities.has(r.fromId) || !entities.has(r.toId)) continue;
    const [fromId, toId] =
      SYMMETRIC_RELATION_TYPES.has(r.type) && r.toId < r.fromId ? [r.toId, r.fromId] : [r.fromId, r.toId];
    const key = `${fromId}\u0000${r.type}\u0000${toId}`;
    const seen = relations.get(key);
    if (seen) {
      addUnique(seen.evidence, [r.evidence]);
      // The first sentence to state a property wins; later ones only fill gaps. A body sentence lifts the mark of
      // a "Læs også" headline.
      const props = plainProps(r.type, r.props);
      seen.props = withRelatedMark({ ...props, ...seen.props }, seen.props, props);
      seen.row = { ...seen.row, confidence: Math.max(seen.row.confidence, r.confidence) };
    } else {
      relations.set(key, {
        row: { fromId, type: r.type as RelationRow['type'], toId, evidence: [], confidence: r.confidence, props: {} },
        evidence: [r.evidence],
        props: plainProps(r.type, r.props),
      });
    }
  }

  const events = new Map<string, { row: EventRow; evidence: string[] }>();
  const participants = new Map<string, { row: ParticipantRow; evidence: string[] }>();
  for (const ev of graph.events) {
    if (!isEventKind(ev.kind)) throw extractionBug(`event kind ${JSON.stringify(ev.kind)} is not in the graph model`);
    const date = isoDateOrNull(ev.date);
    // A date the database cannot store as a date is kept as text rather than lost.
    const dateText = ev.dateText ?? (ev.date && !date ? ev.date : null);
    const seen = events.get(ev.id);
    if (seen) {
      addUnique(seen.evidence, [ev.evidence]);
      seen.row = {
        ...seen.row,
        confidence: Math.max(seen.row.confidence, ev.confidence),
        date: seen.row.date ?? date,
        dateText: seen.row.dateText ?? dateText,
      };
    } else {
      events.set(ev.id, {
        row: { id: ev.id, kind: ev.kind, summary: ev.summary, date, dateText, evidence: [], confidence: ev.confidence },
        evidence: [ev.evidence],
      });
    }
    for (const p of ev.participants) {
      if (!entities.has(p.entityId)) continue;
      const role = isParticipantRole(p.role) ? p.role : 'other';
      const key = `${ev.id}\u0000${p.entityId}\u0000${role}`;
      const seenP = participants.get(key);
      if (seenP) {
        addUnique(seenP.evidence, [ev.evidence]);
        seenP.row = { ...seenP.row, confidence: Math.max(seenP.row.confidence, ev.confidence) };
      } else {
        participants.set(key, {
          row: { eventId: ev.id, entityId: p.entityId, role, evidence: [], confidence: ev.confidence },
          evidence: [ev.evidence],
        });
      }
    }
  }

  return {
    article: {
      id: article.id,
      title: article.title,
      url: article.url,
      publishedAt: isoDateOrNull(article.publishedAt),
      author: article.author ?? null,
      text: article.text,
      sha256: article.sha256,
      language: article.language,
    },
    entities: entityRows,
    relations: [...relations.values()].map(({ row, evidence, props }) => ({ ...row, evidence, props })),
    citations: [...citations.values()].map(({ row, evidence }) => ({ ...row, evidence })),
    events: [...events.values()].map(({ row, evidence }) => ({ ...row, evidence })),
    participants: [...participants.values()].map(({ row, evidence }) => ({ ...row, evidence })),
  };
}
