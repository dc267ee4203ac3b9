import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  createHistory,
  HISTORY_LIMIT,
  pushHistory,
  redo,
  undo,
} from '../../src/lib/editor/history';
import { addLayer } from '../../src/lib/editor/edits';
import { setParam } from '../../src/lib/editor/setParam';
import type { NetworkSpec } from '../../src/lib/spec/types';
import { chain } from './helpers';

function apply(spec: NetworkSpec, r: ReturnType<typeof addLayer>): NetworkSpec {
  if (!r.ok) throw new Error(r.error.en);
  return r.spec;
}

describe('undo/redo history', () => {
  it('undoes and redoes a sequence of edits back to the exact snapshots', () => {
    const s0 = chain();
    let h = createHistory(s0);
    const s1 = apply(s0, addLayer(s0, 'ReLU', 'c1'));
    h = pushHistory(h, s1);
    const s2 = apply(s1, setParam(s1, 'c2', 'filters', 8));
    h = pushHistory(h, s2);
    expect(canUndo(h)).toBe(true);
    expect(canRedo(h)).toBe(false);
    h = undo(h);
    expect(h.present).toBe(s1);
    h = undo(h);
    expect(h.present).toBe(s0);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe(s2);
    expect(redo(h)).toBe(h);
  });

  it('a new edit after undo drops the redo branch', () => {
    let h = createHistory('a');
    h = pushHistory(h, 'b');
    h = undo(h);
    h = pushHistory(h, 'c');
    expect(h.present).toBe('c');
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe('a');
  });

  it('merges consecutive edits with the same key into one undo step, but not across undo', () => {
    let h = createHistory('0');
    h = pushHistory(h, '3', 'field:c1:filters');
    h = pushHistory(h, '32', 'field:c1:filters');
    expect(h.past).toEqual(['0']);
    expect(undo(h).present).toBe('0');
    h = pushHistory(h, '32+', 'field:c1:kernel');
    expect(h.past).toEqual(['0', '32']);
    h = pushHistory(undo(h), 'x', 'field:c1:kernel');
    expect(h.past).toEqual(['0', '32']);
  });

  it('ignores a push of the same snapshot and keeps at most the limit of steps', () => {
    let h = createHistory(0);
    expect(pushHistory(h, 0)).toBe(h);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = pushHistory(h, i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });
});
