// One merge step as the merge records it and as a split undoes it, run inside the caller's write transaction.
import { ErrorCode, NewsgraphError } from '../../errors.ts';
import type { QueryRunner, Row } from '../database.ts';
import type { MergePlan } from '../merge-plan.ts';
import {
  aliasText,
  entityTypeOf,
  MERGE_RECORDS_PROPERTY,
  type MergeStep,
  type OtherLabel,
  type RecordedRelationship,
  type RecordedTwin,
  relationshipKey,
  type StoredProperties,
  unmergeProperties,
} from '../merge-record.ts';
import { int } from '../values.ts';

function stored(values: unknown, intKeys: unknown, without?: string): StoredProperties {
  const copy = { ...((values as Record<string, unknown>) ?? {}) };
  if (without) delete copy[without];
  return { values: copy, intKeys: ((intKeys as string[]) ?? []).filter((k) => k !== without) };
}

function entityProperties(state: Row | undefined): StoredProperties {
  return stored(state?.properties, state?.intKeys, MERGE_RECORDS_PROPERTY);
}

/** Properties as query parameters: integers go as Cypher INTEGERs (see StoredProperties). */
function toParameters(properties: StoredProperties): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties.values)) {
    if (!properties.intKeys.includes(key)) out[key] = value;
    else out[key] = Array.isArray(value) ? value.map((v) => int(Number(v))) : int(Number(value));
  }
  return out;
}

/** What one absorbed entity was and what folding it into the kept entity did (see MergeStep). */
export function recordStep(
  gone: Row | undefined,
  goneRels: readonly Row[],
  keepRels: readonly Row[],
  keepRelsAfter: readonly Row[],
  plan: MergePlan,
  keptBefore: Row | undefined,
  keptAfter: Row | undefined,
): MergeStep {
  const moved = new Set([...plan.repointStart, ...plan.repointEnd]);
  const seen = new Set<string>();
  const relationships: RecordedRelationship[] = [];
  for (const rel of goneRels) {
    const relId = String(rel.relId);
    // A self-loop comes back once from each end.
    if (seen.has(relId)) continue;
    seen.add(relId);
    relationships.push({
      type: String(rel.type),
      outgoing: Boolean(rel.outgoing),
      otherId: String(rel.otherId),
      otherLabel: String(rel.otherLabel) as OtherLabel,
      properties: stored(rel.properties, rel.intKeys),
      fate: moved.has(relId) ? 'moved' : plan.absorbedInto.has(relId) ? 'absorbed' : 'dropped',
    });
  }
  const twins: RecordedTwin[] = [];
  for (const update of plan.updates) {
    const before = keepRels.find((r) => r.relId === update.relId);
    const after = keepRelsAfter.find((r) => r.relId === update.relId);
    if (!before || !after) continue;
    const properties = before.properties as Row;
    twins.push({
      type: String(before.type),
      outgoing: Boolean(before.outgoing),
      otherId: String(before.otherId),
      role: typeof properties.role === 'string' ? properties.role : null,
      before: stored(before.properties, before.intKeys),
      after: stored(after.properties, after.intKeys),
    });
  }
  return {
    labels: (gone?.labels as string[]) ?? [],
    properties: stored(gone?.properties, gone?.intKeys),
    relationships,
    twins,
    keptBefore: entityProperties(keptBefore),
    keptAfter: entityProperties(keptAfter),
  };
}

/** Undoes one MergeStep on the kept entity `keptId`; counts the relationships that came back and those that could not. */
export async function undoStep(
  q: QueryRunner,
  keptId: string,
  step: MergeStep,
): Promise<{ restored: number; notRestored: number }> {
  const goneId = String(step.properties.values.id);
  const [existing] = await q.run('entities-by-ids', { ids: [goneId] });
  if (existing?.found) {
    throw new NewsgraphError(
      ErrorCode.BAD_INPUT,
      `cannot split: an entity with id ${goneId} exists again; merge it into ${keptId} first, then split`,
      { argument: 'id' },
    );
  }
  await q.run('entity-restore', { type: entityTypeOf(step.labels), properties: toParameters(step.properties) });

  // The kept entity's relationships now, by the key a recorded relationship is found again with.
  const keptRels = await q.run('entity-relationships', { id: keptId });
  const byKey = new Map<string, Row[]>();
  for (const rel of keptRels) {
    const key = relationshipKey(
      String(rel.type),
      Boolean(rel.outgoing),
      String(rel.otherId),
      (rel.properties as Row).role,
    );
    byKey.set(key, [...(byKey.get(key) ?? []), rel]);
  }
  const take = (key: string): Row | undefined => byKey.get(key)?.shift();

  let notRestored = 0;
  const repointStart: string[] = [];
  const repointEnd: string[] = [];
  const recreate: RecordedRelationship[] = [];
  for (const rel of step.relationships) {
    if (rel.fate !== 'moved') {
      recreate.push(rel);
      continue;
    }
    const now = take(relationshipKey(rel.type, rel.outgoing, rel.otherId, rel.properties.values.role));
    if (!now) notRestored++;
    else (rel.outgoing ? repointStart : repointEnd).push(String(now.relId));
  }
  const updates: { relId: string; properties: Record<string, unknown> }[] = [];
  for (const twin of step.twins) {
    const now = take(relationshipKey(twin.type, twin.outgoing, twin.otherId, twin.role));
    if (!now) continue;
    const properties = unmergeProperties(twin.before, twin.after, stored(now.properties, now.intKeys));
    updates.push({ relId: String(now.relId), properties: toParameters(properties) });
  }
  if (updates.length > 0) await q.run('relationships-update-provenance', { updates });
  if (repointStart.length > 0) await q.run('relationships-repoint-start', { keepId: goneId, relIds: repointStart });
  if (repointEnd.length > 0) await q.run('relationships-repoint-end', { keepId: goneId, relIds: repointEnd });
  const [created] =
    recreate.length > 0
      ? await q.run('relationships-restore', {
          id: goneId,
          rels: recreate.map((rel) => ({
            type: rel.type,
            outgoing: rel.outgoing,
            otherId: rel.otherId,
            otherLabel: rel.otherLabel,
            properties: toParameters(rel.properties),
          })),
        })
      : [{ created: 0 }];
  const recreated = Number(created?.created ?? 0);
  notRestored += recreate.length - recreated;

  const [keptNow] = await q.run('entity-state', { id: keptId });
  const current = entityProperties(keptNow);
  const properties = unmergeProperties(step.keptBefore, step.keptAfter, current);
  const aliases = properties.values.aliases;
  if (
    Array.isArray(aliases) &&
    JSON.stringify(current.values.aliases) !== JSON.stringify(step.keptAfter.values.aliases)
  )
    properties.values.aliasText = aliasText(aliases.map(String));
  await q.run('entity-set-properties', { id: keptId, properties: toParameters(properties) });
  return { restored: repointStart.length + repointEnd.length + recreated, notRestored };
}
