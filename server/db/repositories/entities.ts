// Entity reads for resolution (known entities), and the mergeEntities and splitEntity operations.

import { randomUUID } from 'node:crypto';
import { ErrorCode, NewsgraphError } from '../../errors.ts';
import type { EntityType, KnownEntity } from '../../model.ts';
import type { Database, Row } from '../database.ts';
import { namesQuery } from '../lucene.ts';
import { type EntityRelationship, planMerge } from '../merge-plan.ts';
import {
  entityTypeOf,
  MERGE_RECORDS_PROPERTY,
  type MergeRecord,
  type MergeStep,
  parseMergeRecords,
} from '../merge-record.ts';
import { int } from '../values.ts';
import { recordStep, undoStep } from './merge-steps.ts';

export interface MergeOutcome {
  readonly keptId: string;
  readonly mergedIds: readonly string[];
  readonly aliases: readonly string[];
  /** Relationships moved to, or absorbed into, the kept entity. */
  readonly relationshipsMoved: number;
  /** Names this merge for splitEntity. */
  readonly mergeId: string;
}

export interface SplitOutcome {
  readonly keptId: string;
  readonly mergeId: string;
  /** The entities re-created, in the order they had been merged in. */
  readonly restoredIds: readonly string[];
  /** Relationships moved back to, or re-created on, the restored entities. */
  readonly relationshipsRestored: number;
  /** Recorded relationships that could not come back because their other end (or the moved copy) is gone since. */
  readonly relationshipsNotRestored: number;
}

/** One recorded merge of an entity, as the details panel lists it. */
export interface MergeHistoryEntry {
  readonly mergeId: string;
  readonly mergedAt: string;
  readonly absorbed: readonly { readonly id: string; readonly name: string; readonly label: string }[];
}

function toKnown(row: Row): KnownEntity {
  return {
    id: String(row.id),
    type: String(row.type) as EntityType,
    name: String(row.name),
    aliases: row.aliases as string[],
  };
}

export class EntityRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async count(): Promise<number> {
    const [row] = await this.#db.read((q) => q.run('entities-count'));
    return Number(row?.count ?? 0);
  }

  async all(limit: number): Promise<KnownEntity[]> {
    const rows = await this.#db.read((q) => q.run('entities-all', { limit: int(limit) }));
    return rows.map(toKnown);
  }

  /** For ids that were merged away: the id of the entity that absorbed each. */
  async redirects(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.#db.read((q) => q.run('entities-redirects', { ids }));
    return new Map(rows.map((row) => [String(row.fromId), String(row.toId)]));
  }

  /** Entities whose name or an alias equals (as a phrase) one of `names`. */
  async byNames(names: readonly string[], limit: number): Promise<KnownEntity[]> {
    const lucene = namesQuery(names);
    if (lucene === null) return [];
    const rows = await this.#db.read((q) => q.run('entities-by-names', { lucene, limit: int(limit) }));
    return rows.map(toKnown);
  }

  /**
   * Merges `mergeIds` into `keepId` in one write transaction: every relationship moves to the kept entity
   * (duplicates absorbed with their provenance), names become aliases, mention counts add up, and the
   * merged nodes are deleted.
   */
  async merge(keepId: string, mergeIds: readonly string[]): Promise<MergeOutcome> {
    const ids = [...new Set(mergeIds)].filter((id) => id !== keepId);
    if (ids.length === 0) {
      throw new NewsgraphError(ErrorCode.BAD_INPUT, 'mergeIds must name at least one entity other than keepId');
    }
    return this.#db.write(async (q) => {
      const found = await q.run('entities-by-ids', { ids: [keepId, ...ids] });
      const unknown = found.filter((row) => !row.found).map((row) => String(row.id));
      if (unknown.length > 0) {
        throw new NewsgraphError(
          ErrorCode.BAD_INPUT,
          `unknown entity id(s): ${unknown.join(', ')} — only Person/Company/Government/Organization/Place nodes can be merged; use search to find their ids`,
          { unknownIds: unknown },
        );
      }
      let moved = 0;
      let aliases: string[] = [];
      const steps: MergeStep[] = [];
      for (const goneId of ids) {
        const [keptBefore] = await q.run('entity-state', { id: keepId });
        const [goneState] = await q.run('entity-state', { id: goneId });
        const keepRels = await q.run('entity-relationships', { id: keepId });
        const goneRels = await q.run('entity-relationships', { id: goneId });
        // An entity without relationships has no rows, and then no relationship can point at it either.
        const keepElement = String(keepRels[0]?.selfElementId ?? '');
        const goneElement = String(goneRels[0]?.selfElementId ?? '');
        const plan = planMerge(
          keepElement,
          goneElement,
          keepRels as unknown as EntityRelationship[],
          goneRels as unknown as EntityRelationship[],
        );
        if (plan.updates.length > 0)
          await q.run('relationships-update-provenance', { updates: plan.updates.map(withIntCount) });
        if (plan.deletes.length > 0) await q.run('relationships-delete', { relIds: plan.deletes });
        if (plan.repointStart.length > 0)
          await q.run('relationships-repoint-start', { keepId, relIds: plan.repointStart });
        if (plan.repointEnd.length > 0) await q.run('relationships-repoint-end', { keepId, relIds: plan.repointEnd });
        moved += plan.updates.length + plan.repointStart.length + plan.repointEnd.length;
        const [absorbed] = await q.run('entity-absorb', { keepId, goneId });
        aliases = (absorbed?.aliases as string[]) ?? aliases;
        const [keptAfter] = await q.run('entity-state', { id: keepId });
        const keepRelsAfter = plan.updates.length > 0 ? await q.run('entity-relationships', { id: keepId }) : [];
        steps.push(recordStep(goneState, goneRels, keepRels, keepRelsAfter, plan, keptBefore, keptAfter));
      }
      const record: MergeRecord = {
        version: 1,
        mergeId: randomUUID(),
        mergedAt: new Date().toISOString(),
        keptId: keepId,
        steps,
      };
      await q.run('entity-record-merge', { id: keepId, record: JSON.stringify(record) });
      return { keptId: keepId, mergedIds: ids, aliases, relationshipsMoved: moved, mergeId: record.mergeId };
    });
  }

  /** The merges recorded on an entity, oldest first (empty for an entity that absorbed nothing). */
  async mergeHistory(id: string): Promise<MergeHistoryEntry[]> {
    const [state] = await this.#db.read((q) => q.run('entity-state', { id }));
    if (!state) return [];
    return parseMergeRecords((state.properties as Row)[MERGE_RECORDS_PROPERTY]).map((record) => ({
      mergeId: record.mergeId,
      mergedAt: record.mergedAt,
      absorbed: record.steps.map((step) => ({
        id: String(step.properties.values.id),
        name: String(step.properties.values.name),
        label: entityTypeOf(step.labels),
      })),
    }));
  }

  /**
   * Undoes the newest recorded merge of `id` in one write transaction (`mergeId`, when given, must name it): the
   * absorbed entities come back with their ids, labels and properties, their relationships move back or are
   * re-created, and the kept entity loses what the merge gave it (aliases, summed counts, absorbed provenance).
   * What later articles added to the kept entity stays with it. Any failure leaves the merged state.
   */
  async split(id: string, mergeId?: string | null): Promise<SplitOutcome> {
    return this.#db.write(async (q) => {
      const [state] = await q.run('entity-state', { id });
      if (!state) {
        const message = `unknown entity id: ${id} — use search to find the merged entity`;
        throw new NewsgraphError(ErrorCode.BAD_INPUT, message, { argument: 'id' });
      }
      const rawRecords = ((state.properties as Row)[MERGE_RECORDS_PROPERTY] as string[] | null) ?? [];
      const records = parseMergeRecords(rawRecords);
      if (records.length === 0) {
        throw new NewsgraphError(
          ErrorCode.BAD_INPUT,
          `${id} has no recorded merge to split: only merges made by mergeEntities since merge records exist can be undone`,
          { argument: 'id' },
        );
      }
      const index = mergeId ? records.findIndex((r) => r.mergeId === mergeId) : records.length - 1;
      if (index < 0) {
        throw new NewsgraphError(
          ErrorCode.BAD_INPUT,
          `no merge ${mergeId} on ${id}; its merges are ${records.map((r) => r.mergeId).join(', ')}`,
          { argument: 'mergeId' },
        );
      }
      // Merges of one entity can touch the same relationships (the later one may absorb what the earlier one moved):
      // only the newest can be undone exactly, so older ones wait until the newer are split.
      if (index !== records.length - 1) {
        const newer = records.slice(index + 1).map((r) => r.mergeId);
        throw new NewsgraphError(
          ErrorCode.BAD_INPUT,
          `merge ${mergeId} on ${id} is not the newest: split the newer merge(s) ${newer.join(', ')} first`,
          { argument: 'mergeId', newerMergeIds: newer },
        );
      }
      const record = records[index];
      let restoredRels = 0;
      let notRestored = 0;
      for (const step of [...record.steps].reverse()) {
        const outcome = await undoStep(q, id, step);
        restoredRels += outcome.restored;
        notRestored += outcome.notRestored;
      }
      const remaining = rawRecords.filter((_, i) => i !== index);
      await q.run('entity-set-properties', {
        id,
        properties: { [MERGE_RECORDS_PROPERTY]: remaining.length > 0 ? remaining : null },
      });
      return {
        keptId: id,
        mergeId: record.mergeId,
        restoredIds: record.steps.map((step) => String(step.properties.values.id)),
        relationshipsRestored: restoredRels,
        relationshipsNotRestored: notRestored,
      };
    });
  }
}

/** MENTIONS counts and co-mention weights are integers in the graph; the driver would send them as floats. */
function withIntCount(update: { relId: string; properties: Record<string, unknown> }) {
  const properties = { ...update.properties };
  for (const key of ['count', 'weight']) {
    if (typeof properties[key] === 'number') properties[key] = int(properties[key] as number);
  }
  return { relId: update.relId, properties };
}
