// Entity reads for resolution (known entities) and the mergeEntities operation.

import { ErrorCode, NewsgraphError } from '../../errors.ts';
import type { EntityType, KnownEntity } from '../../model.ts';
import type { Database, Row } from '../database.ts';
import { namesQuery } from '../lucene.ts';
import { type EntityRelationship, planMerge } from '../merge-plan.ts';
import { int } from '../values.ts';

export interface MergeOutcome {
  readonly keptId: string;
  readonly mergedIds: readonly string[];
  readonly aliases: readonly string[];
  /** Relationships moved to, or absorbed into, the kept entity. */
  readonly relationshipsMoved: number;
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
      for (const goneId of ids) {
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
      }
      return { keptId: keepId, mergedIds: ids, aliases, relationshipsMoved: moved };
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
