// Undo/redo as an immutable list of snapshots: past, present, future.

export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

/** How many steps back the user can go; older snapshots are dropped to bound memory. */
export const HISTORY_LIMIT_STEPS = 100;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Records a new step; anything that was undone is forgotten (the usual editor behaviour). */
export function push<T>(history: History<T>, next: T, limit = HISTORY_LIMIT_STEPS): History<T> {
  if (Object.is(next, history.present)) return history;
  const past = [...history.past, history.present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] };
}

/** Replaces the present without making an undo step (e.g. data refreshed from the server). */
export function replacePresent<T>(history: History<T>, next: T): History<T> {
  return { ...history, present: next };
}

export function canUndo(history: History<unknown>): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History<unknown>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>): History<T> {
  if (!canUndo(history)) return history;
  const previous = history.past[history.past.length - 1];
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redo<T>(history: History<T>): History<T> {
  if (!canRedo(history)) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next, future: rest };
}

/** Applies `fn` to every snapshot, e.g. to forget a node that no longer exists after a merge. */
export function mapHistory<T>(history: History<T>, fn: (snapshot: T) => T): History<T> {
  return { past: history.past.map(fn), present: fn(history.present), future: history.future.map(fn) };
}
