// Groups search hits by node type for the autocomplete list (pure, unit-tested).
import { NODE_LABELS, type SearchHit } from '../../api/types.ts';

export interface HitGroup {
  label: string;
  hits: SearchHit[];
}

/** Groups in the canonical type order (unknown types last), hits keep the server's ranking. */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const byLabel = new Map<string, SearchHit[]>();
  for (const hit of hits) {
    const list = byLabel.get(hit.label);
    if (list) list.push(hit);
    else byLabel.set(hit.label, [hit]);
  }
  const order = (label: string) => {
    const i = (NODE_LABELS as readonly string[]).indexOf(label);
    return i === -1 ? NODE_LABELS.length : i;
  };
  return [...byLabel.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([label, list]) => ({ label, hits: list }));
}
