// Unit tests: undo/redo history.
import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, mapHistory, push, redo, undo } from '../../../client/state/history.ts';

describe('history', () => {
  it('undoes and redoes steps in order', () => {
    let h = createHistory(0);
    h = push(h, 1);
    h = push(h, 2);
    expect(h.present).toBe(2);
    h = undo(h);
    expect(h.present).toBe(1);
    h = undo(h);
    expect(h.present).toBe(0);
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe(1);
    h = redo(h);
    expect(h.present).toBe(2);
    expect(canRedo(h)).toBe(false);
  });

  it('forgets the redo branch when a new step is made after undo', () => {
    let h = push(push(createHistory('a'), 'b'), 'c');
    h = undo(h);
    h = push(h, 'd');
    expect(h.present).toBe('d');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('b');
  });

  it('ignores undo/redo at the ends and pushes of the same snapshot', () => {
    const h = createHistory({ n: 1 });
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
    expect(push(h, h.present)).toBe(h);
  });

  it('bounds memory to the step limit', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 10; i++) h = push(h, i, 3);
    expect(h.past).toEqual([7, 8, 9]);
  });

  it('maps every snapshot, e.g. to forget a merged node', () => {
    let h = push(push(createHistory([1, 2]), [1, 2, 3]), [2, 3]);
    h = undo(h);
    h = mapHistory(h, (s) => s.filter((x) => x !== 2));
    expect(h.past).toEqual([[1]]);
    expect(h.present).toEqual([1, 3]);
    expect(h.future).toEqual([[3]]);
  });
});
