// Pure binning of dated events for the timeline histogram (unit-tested).
import { dateBounds } from '../../state/filters.ts';

export type BinUnit = 'day' | 'month' | 'year';

export interface Bin {
  /** First day in the bin (YYYY-MM-DD). */
  start: string;
  /** Last day in the bin (YYYY-MM-DD). */
  end: string;
  label: string;
  count: number;
  /** Of `count`, how many are drawn on the canvas right now. */
  onCanvas: number;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function floorTo(d: Date, unit: BinUnit): Date {
  if (unit === 'year') return new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  if (unit === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

function next(d: Date, unit: BinUnit): Date {
  if (unit === 'year') return new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1));
  if (unit === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1));
}

const DAY_MS = 86_400_000;

/** Chooses a bin size that gives a readable number of bars for the span. */
export function chooseUnit(first: string, last: string): BinUnit {
  const days = (Date.parse(last) - Date.parse(first)) / DAY_MS;
  if (days <= 62) return 'day';
  if (days <= 365 * 8) return 'month';
  return 'year';
}

/** Bins events by their start date; a partial date ("2021") counts in the bin of its first day. */
export function binEvents(
  events: readonly { id: string; date?: string | null }[],
  onCanvas: ReadonlySet<string>,
): { bins: Bin[]; unit: BinUnit; undated: number } {
  const dated: { id: string; start: string }[] = [];
  let undated = 0;
  for (const e of events) {
    const b = e.date ? dateBounds(e.date) : null;
    if (b) dated.push({ id: e.id, start: b.start });
    else undated++;
  }
  if (dated.length === 0) return { bins: [], unit: 'month', undated };
  dated.sort((a, b) => a.start.localeCompare(b.start));
  const first = dated[0].start;
  const last = dated[dated.length - 1].start;
  const unit = chooseUnit(first, last);
  const bins: Bin[] = [];
  let cursor = floorTo(new Date(first), unit);
  const stop = new Date(last);
  // Guard: never more than a few hundred bars whatever the data says.
  while (cursor <= stop && bins.length < 400) {
    const after = next(cursor, unit);
    const start = iso(cursor);
    const label = unit === 'year' ? start.slice(0, 4) : unit === 'month' ? start.slice(0, 7) : start;
    bins.push({ start, end: iso(new Date(after.getTime() - DAY_MS)), label, count: 0, onCanvas: 0 });
    cursor = after;
  }
  let bi = 0;
  for (const e of dated) {
    while (bi < bins.length - 1 && e.start > bins[bi].end) bi++;
    bins[bi].count++;
    if (onCanvas.has(e.id)) bins[bi].onCanvas++;
  }
  return { bins, unit, undated };
}
